package org.shahid.outbound;

import org.shahid.language.Language;
import org.shahid.tickets.TicketEventKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.evidence.EvidenceFile;
import org.shahid.authentication.SenderMetrics;
import org.shahid.intake.QueueAcknowledgement;
import org.shahid.intake.RecordedMail;
import org.shahid.intake.ReplyPermit;
import org.shahid.tickets.TicketEventDao;

/**
 * Intake's acknowledgement step as the outbox does it: renders the acknowledgement (or the "case closed"
 * answer) in the ticket's language and queues it for the sealed identity, which the sender reads only when it
 * sends; or records why not (an automated mail, no reply address, the per-sender limit). Thread-safe.
 */
public final class AcknowledgeInOutbox implements QueueAcknowledgement {

    /** Outbox purpose of the answer to a follow-up on a ticket whose identities were purged. */
    public static final String CASE_CLOSED_PURPOSE = "CASE_CLOSED";

    private final OutboxDao outbox;
    private final AcknowledgementPolicy policy;
    private final ComposeAcknowledgement compose;
    private final MessageIds messageIds;
    private final TicketEventDao events;
    private final Language fallbackLanguage;

    public AcknowledgeInOutbox(OutboxDao outbox, AcknowledgementPolicy policy, ComposeAcknowledgement compose,
                               MessageIds messageIds, TicketEventDao events, Language fallbackLanguage) {
        this.outbox = outbox;
        this.policy = policy;
        this.compose = compose;
        this.messageIds = messageIds;
        this.events = events;
        this.fallbackLanguage = fallbackLanguage;
    }

    @Override
    public boolean acknowledge(Handle handle, RecordedMail mail, ReplyPermit permit, String receiptCode,
                               List<EvidenceFile> notFetched, Instant now) {
        Optional<String> reasonNotTo = permit.reasonNotToAnswer();
        if (reasonNotTo.isPresent()) {
            SenderMetrics.acknowledgementSuppressed(reasonNotTo.get().equals(ReplyPermit.NO_REPLY_ADDRESS)
                    ? "NO_VALID_ADDRESS" : "AUTOMATED");
        } else {
            reasonNotTo = Optional.ofNullable(policy.refusalFor(handle, permit.rateKey(), now));
            reasonNotTo.ifPresent(reason -> SenderMetrics.acknowledgementSuppressed(
                    reason.contains("all senders") ? "GLOBAL_LIMIT" : "SENDER_LIMIT"));
        }
        if (reasonNotTo.isPresent()) {
            events.append(handle, mail.ticketId(), "system", TicketEventKind.ACKNOWLEDGEMENT_SUPPRESSED, reasonNotTo.get(), now);
            return false;
        }
        Language language = languageOf(mail);
        RenderedMail content = compose.compose(mail.ticket().reference(), mail.mailbox().kind(), language,
                mail.mailbox().address(), receiptCode, notFetched);
        outbox.enqueue(handle, new OutboxDao.NewMail(mail.ticketId(), AcknowledgementPolicy.PURPOSE,
                mail.sealedIdentityId(), null, mail.mailbox().address(), messageIds.next(), content, language.code()),
                now);
        events.append(handle, mail.ticketId(), "system", TicketEventKind.ACKNOWLEDGEMENT_QUEUED, null, now);
        return true;
    }

    @Override
    public void answerCaseClosed(Handle handle, RecordedMail mail, ReplyPermit permit, Instant now) {
        if (permit.reasonNotToAnswer().isPresent() || policy.refusalFor(handle, permit.rateKey(), now) != null) {
            events.append(handle, mail.ticketId(), "system", TicketEventKind.CASE_CLOSED_REPLY_SUPPRESSED, null, now);
            return;
        }
        Language language = languageOf(mail);
        RenderedMail content = compose.composeCaseClosed(mail.ticket().reference(), language,
                mail.mailbox().address());
        outbox.enqueue(handle, new OutboxDao.NewMail(mail.ticketId(), CASE_CLOSED_PURPOSE, mail.sealedIdentityId(),
                null, mail.mailbox().address(), messageIds.next(), content, language.code()), now);
        events.append(handle, mail.ticketId(), "system", TicketEventKind.CASE_CLOSED_REPLY_QUEUED, null, now);
    }

    private Language languageOf(RecordedMail mail) {
        return Language.fromCode(mail.languageCode()).orElse(fallbackLanguage);
    }
}
