package org.shahid.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.shahid.sealing.RedactIdentity;
import org.shahid.authentication.SenderKey;
import org.shahid.evidence.EvidenceFile;
import org.shahid.evidence.ExtractUrls;
import org.shahid.evidence.SealEvidence;
import org.shahid.sealing.RedactionTerms;
import org.shahid.sealing.ReporterFreeMail;
import org.shahid.sealing.SealSender;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketMessageDao;

/**
 * Turns one raw mail into a ticket or a follow-up, exactly once, as a pipeline of named steps read top to bottom in
 * {@link #ingest}: parse and redact (within {@link IntakeBudget}), seal the sender, receive the evidence, and then
 * in ONE transaction thread or open the ticket, record the message, claim the mail's idempotency key, queue the
 * acknowledgement (or run the follow-up steps) and queue the monitors' notice. Redaction and sealing are the
 * identity gate: the transaction sees only the {@link ReporterFreeMail} and the sealed sender. No Camel types: the
 * {@code IngestMail} route step feeds it. Thread-safe.
 */
public final class MailIntake {

    /** The steps, in the order a mail passes them; wired once at start. */
    public record Steps(ParseMail parse, SealSender sealSender, RedactMail redact, UnaryOperator<String> detectLanguage,
                        SealEvidence receiveEvidence, ResolveThread thread, OpenTicket openTicket,
                        RecordFollowUp joinTicket, RecordMessage recordMessage, List<FollowUpStep> followUpSteps,
                        QueueAcknowledgement acknowledge, QueueMonitorsNotice noticeMonitors) {

        public Steps {
            followUpSteps = List.copyOf(followUpSteps);
        }
    }

    private final Jdbi jdbi;
    private final ProcessedMailDao processedMails;
    private final IntakeBudget budget;
    private final Steps steps;
    private final Clock clock;

    public MailIntake(Jdbi jdbi, ProcessedMailDao processedMails, IntakeBudget budget, Steps steps, Clock clock) {
        this.jdbi = jdbi;
        this.processedMails = processedMails;
        this.budget = budget;
        this.steps = steps;
        this.clock = clock;
    }

    /** True when this mail was processed before (by an earlier delivery, or before a crash). */
    public boolean alreadyProcessed(MailKey key) {
        return jdbi.withHandle(handle -> processedMails.isProcessed(handle, key));
    }

    /** What passes the gate: the reporter-free view, and the terms that redacted it (sealed for the examiner). */
    private record Gated(ParseMail.Parsed parsed, RedactionTerms terms, ReporterFreeMail view, String languageCode) {
    }

    /** The mail as the transaction records it; the sender only as sealed. */
    private record Received(Mailbox mailbox, MailKey key, ReporterFreeMail view, String languageCode,
                            SealSender.SealedSender sender, RedactionTerms terms, List<EvidenceFile> evidence,
                            List<EvidenceFile> notFetched) {

        ReplyPermit permit() {
            Optional<String> reason = view.automated()
                    .or(() -> sender.hasReplyAddress() ? Optional.empty() : Optional.of(ReplyPermit.NO_REPLY_ADDRESS));
            return new ReplyPermit(reason, sender.rateKey());
        }
    }

    public IntakeOutcome ingest(Mailbox mailbox, byte[] raw, MailKey key) throws Exception {
        return ingest(mailbox, raw, key, List.of());
    }

    /**
     * As {@link #ingest(Mailbox, byte[], MailKey)} for a mail too large to fetch: {@code raw} holds its headers and
     * text, {@code notFetched} the parts left on the server, recorded as attachments not kept and named in the
     * acknowledgement (also on a follow-up, so the reporter always learns which files did not arrive).
     */
    public IntakeOutcome ingest(Mailbox mailbox, byte[] raw, MailKey key, List<EvidenceFile> notFetched)
            throws Exception {
        Gated gated = budget.within(() -> {
            ParseMail.Parsed parsed = steps.parse().parse(raw);
            RedactionTerms terms = RedactIdentity.termsOf(parsed.mail());
            ReporterFreeMail view = steps.redact().redact(parsed.mail(), terms, parsed.automated(),
                    parsed.authenticated());
            return new Gated(parsed, terms, view, steps.detectLanguage().apply(view.subject() + "\n" + view.text()));
        });
        ParseMail.Parsed parsed = gated.parsed();
        SealSender.SealedSender sender = steps.sealSender().seal(raw, parsed.replyAddress(), parsed.displayName(),
                parsed.originalHeaders(), parsed.authenticated());
        // Only hashed and sealed here: examining (type, scrubbing, text, OCR) comes after the commit, off this path.
        // Parts left on the server pass the gate too: their names may name the reporter.
        List<EvidenceFile> unfetched = notFetched.stream().map(file -> EvidenceFile.notKept(
                gated.terms().replaceInFileName(file.fileName()), file.declaredType(), file.size(), file.note()))
                .toList();
        List<EvidenceFile> evidence = java.util.stream.Stream.concat(
                gated.view().attachments().stream().map(steps.receiveEvidence()::received), unfetched.stream())
                .toList();
        Received received = new Received(mailbox, key, gated.view(), gated.languageCode(), sender, gated.terms(),
                evidence, unfetched);
        for (int attempt = 1; ; attempt++) {
            try {
                // The ticket's history rows of this mail (three or four for a new report) go in one batch.
                return jdbi.inTransaction(handle -> TicketEventDao.collectedOn(handle,
                        () -> record(handle, received, clock.instant())));
            } catch (AlreadyRecorded duplicate) {
                steps.sealSender().discard(sender);
                return IntakeOutcome.duplicate();
            } catch (RuntimeException e) {
                if (attempt >= DEADLOCK_RETRIES || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private IntakeOutcome record(Handle handle, Received received, Instant now) {
        ReporterFreeMail view = received.view();
        SealSender.SealedSender sender = received.sender();
        ResolveThread.Resolution thread = steps.thread().resolve(handle, view,
                sender.authenticated() ? Optional.of(sender.pseudonym()) : Optional.empty(), sender.rateKey().shortKey(), now);
        boolean followUp = thread.ticket().isPresent();
        Ticket ticket;
        if (followUp) {
            ticket = thread.ticket().get();
            steps.joinTicket().record(handle, ticket, thread.receipt(), now);
        } else {
            ticket = steps.openTicket().open(handle, received.mailbox(), received.languageCode(), sender.pseudonym(),
                    view.automated().isPresent(), thread.receipt(), now);
        }
        RecordedMail recorded = steps.recordMessage().record(handle, ticket, followUp, received.mailbox(),
                received.languageCode(), view, sender, received.terms(), received.evidence(), now);
        // The mail's key is claimed last, with its outcome: a second delivery of the same mail, committed
        // concurrently, waits here on the unique key and then rolls back everything it wrote.
        ProcessedMailDao.Outcome outcome = followUp ? ProcessedMailDao.Outcome.FOLLOW_UP : ProcessedMailDao.Outcome.TICKET;
        if (!processedMails.claim(handle, received.key(), received.mailbox().name(), outcome, ticket.id(), now)) {
            throw new AlreadyRecorded();
        }
        boolean acknowledged = false;
        if (followUp) {
            // The follow-up steps read and rewrite the ticket's history (a withdrawal, an erasure): write first
            // what this mail appended to it so far.
            TicketEventDao.writeCollected(handle);
            boolean answered = false;
            for (FollowUpStep step : steps.followUpSteps()) {
                if (step.apply(handle, recorded, view, received.permit(), now)) {
                    answered = true;
                    break;
                }
            }
            // A follow-up too large to fetch is answered too: the reporter learns which files did not arrive.
            if (!answered && !received.notFetched().isEmpty()) {
                acknowledged = steps.acknowledge().acknowledge(handle, recorded, received.permit(), "",
                        received.notFetched(), now);
            }
        } else {
            String receiptCode = steps.thread().issueReceipt(handle, ticket.id(), now).value();
            acknowledged = steps.acknowledge().acknowledge(handle, recorded, received.permit(), receiptCode,
                    received.notFetched(), now);
        }
        // Links come from the REDACTED text: a profile or chat link of the reporter never reaches evidence tables.
        Set<String> bodyUrls = ExtractUrls.from(view.text());
        // Automated mail is not counted against a sender: it is never notified one by one anyway.
        Optional<SenderKey> countedSender = view.automated().isPresent() ? Optional.empty()
                : Optional.of(sender.rateKey());
        steps.noticeMonitors().notice(handle, recorded, countedSender, TicketMessageDao.asStored(view.text()), bodyUrls,
                received.evidence().stream().anyMatch(EvidenceFile::kept), now);
        return new IntakeOutcome(followUp ? IntakeOutcome.Kind.FOLLOW_UP : IntakeOutcome.Kind.NEW_TICKET,
                Optional.of(ticket.reference()), acknowledged);
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

    /** Rolls back a transaction whose mail another delivery (or a run before a crash) already recorded. */
    private static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super("mail already recorded", null, false, false);
        }
    }
}
