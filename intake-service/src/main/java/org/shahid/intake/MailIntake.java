package org.shahid.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.shahid.evidence.AttachmentDao;
import org.shahid.evidence.EvidenceFile;
import org.shahid.evidence.ExaminationDao;
import org.shahid.evidence.ExtractUrls;
import org.shahid.evidence.SealEvidence;
import org.shahid.monitors.NotifyMonitors;
import org.shahid.outbound.AcknowledgementPolicy;
import org.shahid.outbound.ComposeAcknowledgement;
import org.shahid.language.Language;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.sealing.SealedIdentity;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketMessageDao;
import org.shahid.tickets.TicketReference;
import org.shahid.tickets.TicketStatus;

/**
 * Turns one raw mail into a ticket or a follow-up, exactly once: parses it, seals the sender's identity and
 * the original, and in ONE transaction claims the mail's idempotency key, writes the ticket, the working copy
 * of the message, its evidence records and the acknowledgement in the outbox. No Camel types: the
 * {@code IngestMail} route step feeds it. Thread-safe.
 */
public final class MailIntake {

    /** Everything intake needs, wired once at start. */
    public record Parts(Jdbi jdbi, MailParser parser, LoopGuard loopGuard, LanguageDetector languageDetector,
                        Language fallbackLanguage, Pseudonymizer pseudonymizer, SealedBlobStore blobs,
                        SealedIdentityDao sealedIdentities, SealEvidence sealEvidence, TicketDao tickets,
                        TicketMessageDao messages, TicketEventDao events, AttachmentDao attachments,
                        ProcessedMailDao processedMails, ResolveThread threads, OutboxDao outbox,
                        AcknowledgementPolicy acknowledgementPolicy, ComposeAcknowledgement acknowledgements,
                        MessageIds messageIds, Clock clock, NotifyMonitors notifyMonitors,
                        ExaminationDao examinations) {
    }

    /** Outbox purpose of the answer to a follow-up on a ticket whose identities were purged. */
    public static final String CASE_CLOSED_PURPOSE = "CASE_CLOSED";

    private static final RedactIdentity REDACTION = new RedactIdentity();

    private final Parts parts;

    public MailIntake(Parts parts) {
        this.parts = parts;
    }

    /** True when this mail was processed before (by an earlier delivery, or before a crash). */
    public boolean alreadyProcessed(MailKey key) {
        return parts.jdbi().withHandle(handle -> parts.processedMails().isProcessed(handle, key));
    }

    public IntakeOutcome ingest(Mailbox mailbox, byte[] raw, MailKey key) throws UnparseableMailException {
        ParsedMail mail = parts.parser().parse(raw);
        String replyAddress = mail.from().map(MailAddress::address).orElse("");
        // A sender without a usable address gets a pseudonym of its own mail, so nobody can thread into it.
        String pseudonym = parts.pseudonymizer().pseudonymOf(replyAddress.isEmpty() ? "unknown:" + key : replyAddress);
        Optional<String> automated = parts.loopGuard().reasonNotToAnswer(mail);
        Language language = parts.languageDetector().detect(mail.subject() + "\n" + mail.text(),
                parts.fallbackLanguage());
        // Only hashed and sealed here: examining (type, scrubbing, text, OCR) comes after the commit, off this path.
        List<EvidenceFile> evidence = mail.attachments().stream().map(parts.sealEvidence()::received).toList();
        String sealedRaw = parts.blobs().put("mail", raw);
        SealedIdentity identity = new SealedIdentity(replyAddress,
                mail.from().map(MailAddress::displayName).orElse(""), RawMail.split(raw).headerText());
        Received received = new Received(mailbox, key, mail, pseudonym, automated, language, evidence, sealedRaw,
                identity, REDACTION.redact(mail));
        for (int attempt = 1; ; attempt++) {
            try {
                return parts.jdbi().inTransaction(handle -> record(handle, received, parts.clock().instant()));
            } catch (AlreadyRecorded duplicate) {
                parts.blobs().delete(sealedRaw); // this delivery's copy; the first one's stays
                return IntakeOutcome.duplicate();
            } catch (RuntimeException e) {
                if (attempt >= DEADLOCK_RETRIES || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    /** Mails of one poll commit concurrently; InnoDB may pick one of two as a deadlock victim. It can simply rerun. */
    private static final int DEADLOCK_RETRIES = 3;

    private static boolean isDeadlock(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransactionRollbackException
                    || cause instanceof java.sql.SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private record Received(Mailbox mailbox, MailKey key, ParsedMail mail, String pseudonym,
                            Optional<String> automated, Language language, List<EvidenceFile> evidence,
                            String sealedRaw, SealedIdentity identity, RedactIdentity.Redacted workingCopy) {
    }

    /** Rolls back a transaction whose mail another delivery (or a run before a crash) already recorded. */
    private static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super("mail already recorded", null, false, false);
        }
    }

    private IntakeOutcome record(Handle handle, Received received, Instant now) {
        ResolveThread.Resolution resolution = parts.threads().resolve(handle, received.mail(), received.pseudonym(), now);
        Optional<Ticket> thread = resolution.ticket();
        String reporter = "reporter " + received.pseudonym();
        long ticketId;
        TicketReference reference;
        if (thread.isPresent()) {
            ticketId = thread.get().id();
            reference = thread.get().reference();
            parts.tickets().touch(handle, ticketId, now);
            parts.events().append(handle, ticketId, reporter, TicketEventKind.FOLLOW_UP_RECEIVED,
                    resolution.receipt() == ReceiptCodes.Check.MATCHED ? "by receipt code" : null, now);
        } else {
            reference = TicketReference.random();
            ticketId = parts.tickets().insert(handle, reference, received.mailbox().kind(), received.mailbox().name(),
                    received.language().code(), received.pseudonym(), received.automated().isPresent(), now);
            parts.events().append(handle, ticketId, reporter, TicketEventKind.OPENED, "by mail to " + received.mailbox().name(), now);
            recordReceiptCheck(handle, ticketId, reporter, resolution.receipt(), now);
        }
        long messageId = insertMessage(handle, ticketId, received, now);
        long sealedId = parts.sealedIdentities().insert(handle, ticketId, messageId, received.identity(),
                received.sealedRaw(), now);
        for (EvidenceFile file : received.evidence()) {
            parts.attachments().insertReceived(handle, AttachmentDao.NewAttachment.of(ticketId, messageId, file), now);
        }
        // The mail's key is claimed last, with its outcome: a second delivery of the same mail, committed
        // concurrently, waits here on the unique key and then rolls back everything it wrote.
        ProcessedMailDao.Outcome outcome = thread.isPresent()
                ? ProcessedMailDao.Outcome.FOLLOW_UP : ProcessedMailDao.Outcome.TICKET;
        if (!parts.processedMails().claim(handle, received.key(), received.mailbox().name(), outcome, ticketId, now)) {
            throw new AlreadyRecorded();
        }
        String receiptCode = thread.isEmpty()
                ? parts.threads().issueReceipt(handle, ticketId, now).map(ReceiptCode::value).orElse("") : "";
        boolean acknowledged = thread.isEmpty()
                && acknowledge(handle, ticketId, reference, sealedId, received, receiptCode, now);
        if (thread.isPresent() && parts.sealedIdentities().hasPurged(handle, ticketId)) {
            answerCaseClosed(handle, ticketId, reference, sealedId, received, now);
        }
        // Same transaction as the ticket: monitors hear of exactly the mails that were recorded; a mail with
        // evidence is queued for examination and they hear of it once that is recorded.
        // Links to other tickets are made there too, one message at a time (see ExamineEvidence).
        Set<String> bodyUrls = ExtractUrls.from(received.mail().text());
        boolean examineLater = !bodyUrls.isEmpty() || received.evidence().stream().anyMatch(EvidenceFile::kept);
        if (examineLater) {
            boolean reopened = thread.isPresent() && parts.notifyMonitors().reopenIfFinished(handle, ticketId, now);
            parts.examinations().enqueue(handle, messageId, ticketId, thread.isPresent(), reopened, bodyUrls, now);
        } else if (thread.isPresent()) {
            parts.notifyMonitors().followUp(handle, ticketId, messageId, now);
        } else {
            Ticket opened = new Ticket(ticketId, reference, received.mailbox().kind(), received.mailbox().name(),
                    TicketStatus.NEW, received.language().code(), received.pseudonym(),
                    received.automated().isPresent(), now, now);
            parts.notifyMonitors().newTicketWithoutEvidence(handle, opened, messageId,
                    TicketMessageDao.asStored(received.workingCopy().text()), now);
        }
        return new IntakeOutcome(thread.isPresent() ? IntakeOutcome.Kind.FOLLOW_UP : IntakeOutcome.Kind.NEW_TICKET,
                Optional.of(reference), acknowledged);
    }

    private long insertMessage(Handle handle, long ticketId, Received received, Instant now) {
        ParsedMail mail = received.mail();
        String messageIdHash = mail.messageId().map(parts.threads()::hashOfMessageId).orElse(null);
        String problems = mail.problems().isEmpty() ? null : String.join("\n", mail.problems());
        RedactIdentity.Redacted copy = received.workingCopy();
        return parts.messages().insert(handle, new TicketMessageDao.NewMessage(ticketId, "IN", copy.subject(),
                copy.text(), copy.html(), received.language().code(), received.automated().isPresent(),
                messageIdHash, problems), now);
    }

    private void recordReceiptCheck(Handle handle, long ticketId, String reporter, ReceiptCodes.Check check,
                                    Instant now) {
        switch (check) {
            case WRONG -> parts.events().append(handle, ticketId, reporter, TicketEventKind.RECEIPT_CODE_NOT_MATCHED,
                    "the code matched no ticket; opened as a new report", now);
            case RATE_LIMITED -> parts.events().append(handle, ticketId, reporter, TicketEventKind.RECEIPT_CODE_IGNORED,
                    "too many wrong receipt codes from this sender within an hour", now);
            default -> {
            }
        }
    }

    /**
     * A follow-up to a ticket whose identities were purged: the case is closed. It is answered at the address
     * this mail came from (its own, newly sealed identity), under the same loop guards as an acknowledgement.
     */
    private void answerCaseClosed(Handle handle, long ticketId, TicketReference reference, long sealedId,
                                  Received received, Instant now) {
        if (received.automated().isPresent() || received.identity().replyAddress().isEmpty()
                || !parts.acknowledgementPolicy().allows(handle, received.pseudonym(), now)) {
            parts.events().append(handle, ticketId, "system", TicketEventKind.CASE_CLOSED_REPLY_SUPPRESSED, null, now);
            return;
        }
        Mailbox mailbox = received.mailbox();
        RenderedMail content = parts.acknowledgements().composeCaseClosed(reference, received.language(),
                mailbox.address());
        parts.outbox().enqueue(handle, new OutboxDao.NewMail(ticketId, CASE_CLOSED_PURPOSE, sealedId, null,
                mailbox.address(), parts.messageIds().next(), content, received.language().code()), now);
        parts.events().append(handle, ticketId, "system", TicketEventKind.CASE_CLOSED_REPLY_QUEUED, null, now);
    }

    private boolean acknowledge(Handle handle, long ticketId, TicketReference reference, long sealedId,
                                Received received, String receiptCode, Instant now) {
        Optional<String> reasonNotTo = received.automated();
        if (reasonNotTo.isEmpty() && received.identity().replyAddress().isEmpty()) {
            reasonNotTo = Optional.of("no reply address");
        }
        if (reasonNotTo.isEmpty() && !parts.acknowledgementPolicy().allows(handle, received.pseudonym(), now)) {
            reasonNotTo = Optional.of("acknowledgement limit per sender and hour reached");
        }
        if (reasonNotTo.isPresent()) {
            parts.events().append(handle, ticketId, "system", TicketEventKind.ACKNOWLEDGEMENT_SUPPRESSED, reasonNotTo.get(), now);
            return false;
        }
        Mailbox mailbox = received.mailbox();
        RenderedMail content = parts.acknowledgements().compose(reference, mailbox.kind(), received.language(),
                mailbox.address(), receiptCode);
        parts.outbox().enqueue(handle, new OutboxDao.NewMail(ticketId, AcknowledgementPolicy.PURPOSE, sealedId, null,
                mailbox.address(), parts.messageIds().next(), content, received.language().code()), now);
        parts.events().append(handle, ticketId, "system", TicketEventKind.ACKNOWLEDGEMENT_QUEUED, null, now);
        return true;
    }
}
