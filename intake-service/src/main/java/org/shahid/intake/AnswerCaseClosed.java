package org.shahid.intake;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.sealing.ReporterFreeMail;
import org.shahid.sealing.SealedIdentityDao;

/**
 * A follow-up step: a follow-up to a ticket whose identities were purged is answered "case closed", at the
 * address this mail came from (its own, newly sealed identity), under the same guards as an acknowledgement.
 * Thread-safe.
 */
public final class AnswerCaseClosed implements FollowUpStep {

    private final SealedIdentityDao sealedIdentities;
    private final QueueAcknowledgement acknowledgements;

    public AnswerCaseClosed(SealedIdentityDao sealedIdentities, QueueAcknowledgement acknowledgements) {
        this.sealedIdentities = sealedIdentities;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public boolean apply(Handle handle, RecordedMail mail, ReporterFreeMail view, ReplyPermit permit, Instant now) {
        if (!sealedIdentities.hasPurged(handle, mail.ticketId())) {
            return false;
        }
        acknowledgements.answerCaseClosed(handle, mail, permit, now);
        return true;
    }
}
