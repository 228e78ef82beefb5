package org.shahid.reporters;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.outbound.Language;
import org.shahid.tickets.TicketEventDao;

/**
 * The reporter's controls on the follow-up path: recognises a withdrawal or erasure in the first line of a mail
 * that joined a ticket and applies it, but only when the mail proves it is the reporter's ({@link HasReporterProof}).
 * Anything else (an automatic mail, a forged From, a copied reference) changes nothing and goes on as an ordinary
 * follow-up, with only an event in the ticket's history. {@code MailIntake} calls it in the transaction that
 * records the follow-up. Thread-safe.
 */
public final class ApplyReporterRequest {

    private final RecogniseReporterRequest recognise;
    private final HasReporterProof proof;
    private final WithdrawReport withdraw;
    private final EraseIdentity erase;
    private final TicketEventDao events;

    public ApplyReporterRequest(RecogniseReporterRequest recognise, HasReporterProof proof, WithdrawReport withdraw,
                                EraseIdentity erase, TicketEventDao events) {
        this.recognise = recognise;
        this.proof = proof;
        this.withdraw = withdraw;
        this.erase = erase;
        this.events = events;
    }

    /** The request applied, or empty when the mail made none (or could not prove it was the reporter's). */
    public Optional<ReporterRequest> apply(Handle handle, ReporterFollowUp followUp, Instant now) {
        Language ticketLanguage = Language.fromCode(followUp.ticket().language()).orElse(followUp.language());
        Optional<RecogniseReporterRequest.Recognised> recognised = recognise.in(followUp.text(), ticketLanguage);
        if (recognised.isEmpty() || followUp.automated()) {
            return Optional.empty();
        }
        Optional<ReporterRequest> request = Optional.of(recognised.get().request());
        if (!proof.test(handle, followUp)) {
            events.append(handle, followUp.ticket().id(), "system", "REPORTER_REQUEST_REFUSED",
                    request.get().name().toLowerCase(java.util.Locale.ROOT)
                            + ": the mail neither answers a mail sent to the reporter nor carries the receipt code",
                    now);
            return Optional.empty();
        }
        switch (request.get()) {
            case WITHDRAW -> withdraw.apply(handle, followUp, recognised.get().language(), now);
            case ERASE -> erase.apply(handle, followUp, recognised.get().language(), now);
        }
        return request;
    }
}
