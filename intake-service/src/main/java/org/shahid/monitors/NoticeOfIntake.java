package org.shahid.monitors;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.shahid.authentication.SenderKey;
import org.shahid.evidence.ExaminationDao;
import org.shahid.intake.QueueMonitorsNotice;
import org.shahid.intake.RecordedMail;

/**
 * Intake's monitors' step as the monitors' notifications do it: a mail with evidence or links is queued for
 * examination (a follow-up reopens a finished ticket first) and monitors hear of it once that is recorded; any
 * other mail is notified now. Thread-safe.
 */
public final class NoticeOfIntake implements QueueMonitorsNotice {

    private final NotifyMonitors notifyMonitors;
    private final ExaminationDao examinations;

    public NoticeOfIntake(NotifyMonitors notifyMonitors, ExaminationDao examinations) {
        this.notifyMonitors = notifyMonitors;
        this.examinations = examinations;
    }

    @Override
    public void notice(Handle handle, RecordedMail mail, Optional<SenderKey> countedSender, String workingText,
                       Set<String> bodyUrls, boolean hasEvidence, Instant now) {
        boolean heldBack = countedSender.map(sender -> notifyMonitors.limitSender(handle, mail.ticketId(),
                mail.messageId(), sender, now)).orElse(false);
        if (hasEvidence || !bodyUrls.isEmpty()) {
            boolean reopened = mail.followUp() && notifyMonitors.reopenIfFinished(handle, mail.ticketId(), now);
            examinations.enqueue(handle, mail.messageId(), mail.ticketId(), mail.followUp(), reopened, bodyUrls, now);
        } else if (mail.followUp()) {
            notifyMonitors.followUp(handle, mail.ticketId(), mail.messageId(), now);
        } else {
            notifyMonitors.newTicketWithoutEvidence(handle, mail.ticket(), mail.messageId(), workingText, heldBack,
                    now);
        }
    }
}
