package org.shahid.reporters;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.intake.FollowUpStep;
import org.shahid.intake.RecordedMail;
import org.shahid.intake.ReplyPermit;
import org.shahid.language.Language;
import org.shahid.sealing.ReporterFreeMail;

/**
 * The reporter's controls as a follow-up step of intake: a withdrawal or erasure word as the first line of a mail
 * that joined the reporter's ticket is applied, and answers the mail. Joining is the proof: under the identity rules
 * only a mail answering a Message-ID the reporter received, carrying the receipt code, or with an authenticated From
 * joins a ticket, so a forged request opens a ticket of its own and changes nothing here. The gate hands over the
 * first line only when it is one of the configured words ({@link ReporterFreeMail#controlLine()}), never the mail's
 * own words. Thread-safe.
 */
public final class ReporterControls implements FollowUpStep {

    private final RecogniseReporterRequest recognise;
    private final WithdrawReport withdraw;
    private final EraseIdentity erase;

    public ReporterControls(RecogniseReporterRequest recognise, WithdrawReport withdraw, EraseIdentity erase) {
        this.recognise = recognise;
        this.withdraw = withdraw;
        this.erase = erase;
    }

    /** The gate's view of a mail's first line: the line itself when it is a control word, else empty. */
    public Optional<String> controlLineOf(String unredactedText) {
        return recognise.controlLineOf(unredactedText);
    }

    @Override
    public boolean apply(Handle handle, RecordedMail mail, ReporterFreeMail view, ReplyPermit permit, Instant now) {
        if (view.controlLine().isEmpty() || view.automated().isPresent()) {
            return false;
        }
        Language mailLanguage = Language.fromCode(mail.languageCode()).orElse(Language.ENGLISH);
        Language ticketLanguage = Language.fromCode(mail.ticket().language()).orElse(mailLanguage);
        Optional<RecogniseReporterRequest.Recognised> recognised = recognise.in(view.controlLine().get(),
                ticketLanguage);
        if (recognised.isEmpty()) {
            return false;
        }
        ReporterFollowUp followUp = new ReporterFollowUp(mail.ticket(), mail.messageId(), mail.sealedIdentityId(),
                permit.reasonNotToAnswer().isEmpty(), mail.mailbox().address());
        switch (recognised.get().request()) {
            case WITHDRAW -> withdraw.apply(handle, followUp, recognised.get().language(), now);
            case ERASE -> erase.apply(handle, followUp, recognised.get().language(), now);
        }
        return true;
    }
}
