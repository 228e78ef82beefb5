package org.shahid.intake;

import jakarta.mail.Message;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailMessage;
import org.shahid.kernel.IntakeMetrics;
import org.shahid.tickets.TicketKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step every mailbox route calls: reads the raw mail from IMAP, hands it to {@link MailIntake}, and tells
 * camel-mail what to do with it afterwards. On success the consumer flags the mail seen (it stays UNSEEN until
 * then, so a crash before the commit refetches it and the idempotency key makes that harmless). A mail that
 * fails {@code shahid.intake.max-attempts} times, or is too large, is quarantined and moved to
 * {@code shahid.intake.quarantine-folder}; a hostile one ({@link QuarantineAtOnce}: a huge header block, its parsing
 * budget used up) at its first failure. Database and I/O outages are not counted as attempts: the mail
 * simply stays for the next poll. The push listener hands over raw mails through {@link #handle} and mails over the
 * size limit through {@link #handleOversized}. Thread-safe.
 */
public final class IngestMail implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(IngestMail.class);

    private final MailIntake intake;
    private final IntakeAttemptDao attempts;
    private final QuarantineMail quarantine;
    private final long maxMessageBytes;
    private final int maxAttempts;
    private final String quarantineFolder;
    private final Clock clock;
    private final PrefetchMailAttributes polls;
    private final IntakeLookahead lookahead;
    private final IntakeActivity activity;
    private final DeliveryReportDiversion deliveryReports;
    private final FetchTextParts textParts;

    public IngestMail(MailIntake intake, IntakeAttemptDao attempts, QuarantineMail quarantine, long maxMessageBytes,
                      int maxAttempts, String quarantineFolder, Clock clock, PrefetchMailAttributes polls,
                      IntakeLookahead lookahead, IntakeActivity activity, DeliveryReportDiversion deliveryReports,
                      FetchTextParts textParts) {
        this.deliveryReports = deliveryReports;
        this.textParts = textParts;
        this.intake = intake;
        this.attempts = attempts;
        this.quarantine = quarantine;
        this.maxMessageBytes = maxMessageBytes;
        this.maxAttempts = maxAttempts;
        this.quarantineFolder = quarantineFolder;
        this.clock = clock;
        this.polls = polls;
        this.lookahead = lookahead;
        this.activity = activity;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        IntakeHeaders.COMMIT_OVERRIDES.forEach(exchange.getIn()::removeHeader);
        Mailbox mailbox = mailboxOf(exchange);
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        lookahead.startAhead(polls.pollOf(message.getFolder()), message, next -> startedAhead(mailbox, next));
        Optional<Disposition> startedAhead = lookahead.await(message);
        if (startedAhead.isPresent()) {
            moveIfQuarantined(exchange, startedAhead.get());
            return;
        }
        long declaredSize = declaredSize(message);
        if (declaredSize > maxMessageBytes) {
            openTooLarge(exchange, mailbox, message, declaredSize);
            return;
        }
        byte[] raw;
        try {
            raw = readRaw(message);
        } catch (FolderClosedException | StoreClosedException e) {
            throw new IntakeFailure("the IMAP connection closed while a mail was read; it stays for the next poll");
        } catch (MessagingException e) {
            quarantineUnreadable(exchange, mailbox, message, "the IMAP server cannot deliver this mail ("
                    + e.getClass().getSimpleName() + ")");
            return;
        }
        if (raw == null) {
            openTooLarge(exchange, mailbox, message, Math.max(declaredSize, maxMessageBytes + 1));
            return;
        }
        moveIfQuarantined(exchange, handle(mailbox, raw));
    }

    /**
     * The size the server declares, or -1 when its description of the mail cannot be read: Angus loads the size
     * with the envelope, and a fuzzed mail can have an envelope Angus cannot parse. Such a mail is still read
     * (the raw fetch does not need the envelope) and handled like any other; the buffer's limit still applies.
     */
    private static long declaredSize(Message message) throws MessagingException {
        try {
            return message.getSize();
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException e) {
            LOG.info("Mail {} has an IMAP envelope that cannot be read; reading its raw bytes instead",
                    message.getMessageNumber());
            return -1;
        }
    }

    private void quarantineUnreadable(Exchange exchange, Mailbox mailbox, Message message, String reason) {
        MailKey key = MailKey.of((mailbox.name() + "/" + message.getFolder().getFullName() + "/" + uidOf(message))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!intake.alreadyProcessed(key)) {
            IntakeMetrics.mailProcessed(mailbox.name(), IntakeOutcome.Kind.QUARANTINED.name());
            long entry = quarantine.hold(mailbox, key, null, 0, reason, 1);
            LOG.warn("Mail {} in {} quarantined as entry {}: {}", key.shortForm(), mailbox.name(), entry, reason);
        }
        exchange.getIn().setHeader(IntakeHeaders.CAMEL_MAIL_MOVE_TO, quarantineFolder);
    }

    private static String uidOf(Message message) {
        try {
            if (message.getFolder() instanceof UIDFolder folder) {
                return folder.getUIDValidity() + "-" + folder.getUID(message);
            }
        } catch (MessagingException | RuntimeException e) {
            // fall through to the message number, unique within this session
        }
        return "n" + message.getMessageNumber();
    }

    private void moveIfQuarantined(Exchange exchange, Disposition disposition) {
        if (disposition == Disposition.QUARANTINED) {
            exchange.getIn().setHeader(IntakeHeaders.CAMEL_MAIL_MOVE_TO, quarantineFolder);
        }
    }

    /**
     * A later mail of the poll, read now so that its intake can run on a worker; mails that are too large, or
     * that cannot be read now, are left for the route to handle (and quarantine) when it reaches them.
     */
    private Optional<IntakeLookahead.Started> startedAhead(Mailbox mailbox, Message message) {
        try {
            if (message.getSize() > maxMessageBytes) {
                return Optional.empty();
            }
            byte[] raw = readRaw(message);
            return raw == null ? Optional.empty()
                    : Optional.of(new IntakeLookahead.Started(() -> handle(mailbox, raw), raw.length));
        } catch (IOException | MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What the mailbox should do with a mail once intake is done with it. */
    public enum Disposition {
        /** Processed (now or before): flag it seen. */
        DONE,
        /** Put aside: move it to the quarantine folder. */
        QUARANTINED
    }

    /**
     * Processes one raw mail. Throws {@link IntakeFailure} when the mail must stay in the inbox for a later
     * poll (an outage, or a failure that has not yet used up its attempts).
     */
    public Disposition handle(Mailbox mailbox, byte[] raw) {
        activity.started();
        try {
            // Bounces and delay notices of Shahid's own mail never reach intake (docs/sender-authentication.md).
            if (deliveryReports.divert(mailbox.name(), raw)) {
                return Disposition.DONE;
            }
            return ingestOne(mailbox, raw);
        } finally {
            activity.ended();
        }
    }

    private Disposition ingestOne(Mailbox mailbox, byte[] raw) {
        MailKey key = MailKey.of(raw);
        try {
            IntakeOutcome outcome = intake.ingest(mailbox, raw, key);
            LOG.info("Mail {} in {}: {} {}{}", key.shortForm(), mailbox.name(), outcome.kind(),
                    outcome.ticket().map(Object::toString).orElse(""), outcome.acknowledged() ? ", acknowledged" : "");
            IntakeMetrics.mailProcessed(mailbox.name(), outcome.kind().name());
            return Disposition.DONE;
        } catch (Exception e) {
            if (isOutage(e)) {
                throw new IntakeFailure("mail " + key.shortForm() + " waits for the next poll: "
                        + SafeReason.of(e));
            }
            return handleFailure(mailbox, key, raw, e);
        }
    }

    private Disposition handleFailure(Mailbox mailbox, MailKey key, byte[] raw, Exception error) {
        if (intake.alreadyProcessed(key)) {
            // Quarantined before, but the move to the quarantine folder did not happen (a crash in between).
            LOG.info("Mail {} in {} was quarantined before; moving it to the quarantine folder", key.shortForm(),
                    mailbox.name());
            return Disposition.QUARANTINED;
        }
        String reason = SafeReason.of(error);
        int attempt = attempts.recordFailure(key, mailbox.name(), reason, clock.instant());
        // A hostile mail (a huge header block, its time budget used up) would fail again on every poll: no retry.
        if (attempt < maxAttempts && !(error instanceof QuarantineAtOnce)) {
            IntakeMetrics.mailProcessed(mailbox.name(), "RETRY");
            throw new IntakeFailure("mail " + key.shortForm() + " failed (attempt " + attempt + " of " + maxAttempts
                    + "): " + reason);
        }
        long entry = quarantine.hold(mailbox, key, raw, raw.length, reason, attempt);
        LOG.warn("Mail {} in {} quarantined as entry {} after {} attempts: {}", key.shortForm(), mailbox.name(),
                entry, attempt, reason);
        IntakeMetrics.mailProcessed(mailbox.name(), IntakeOutcome.Kind.QUARANTINED.name());
        return Disposition.QUARANTINED;
    }

    /**
     * A mail over the size limit is answered, not dropped: its text opens the ticket (or joins one) with a record of
     * each part left unfetched, the acknowledgement names those files, and the mail itself goes to the quarantine
     * folder for an admin. Only when even its structure or text cannot be read is it quarantined unanswered.
     */
    private void openTooLarge(Exchange exchange, Mailbox mailbox, Message message, long size)
            throws MessagingException {
        MailKey key = keyOfUnfetched(mailbox, message, size);
        String reason = tooLarge(size);
        try {
            if (!intake.alreadyProcessed(key)) {
                FetchTextParts.PartialMail partial = textParts.fetch(message,
                        "not fetched: the mail was larger than the limit; it is in the quarantine folder");
                openFromText(mailbox, key, partial, "left on the server");
            }
            quarantine.recordKept(mailbox, key, size, reason + "; its text was recorded, its files were not fetched");
            exchange.getIn().setHeader(IntakeHeaders.CAMEL_MAIL_MOVE_TO, quarantineFolder);
        } catch (FolderClosedException | StoreClosedException e) {
            throw new IntakeFailure("the IMAP connection closed while a large mail's text was read; it stays");
        } catch (Exception e) {
            if (isOutage(e)) {
                throw new IntakeFailure("large mail " + key.shortForm() + " waits for the next poll: "
                        + SafeReason.of(e));
            }
            LOG.warn("Mail {} in {}: the text of a mail over the size limit could not be read ({})", key.shortForm(),
                    mailbox.name(), SafeReason.of(e));
            quarantineTooLarge(exchange, mailbox, key, size, reason);
        }
    }

    /**
     * A mail over the size limit pushed over SMTP, parsed from the listener's spool: answered from its text as one
     * polled over IMAP is, but nothing else of it is kept, since the mail server forgets a pushed mail once it has
     * its 250. The key comes from the text and headers, so a resend after a lost 250 opens no second ticket. The
     * quarantine entry tells the admin that the mail came and that its original was not kept. Returns false, with
     * nothing recorded, when its text cannot be read (the listener then refuses it, so its sender hears of it);
     * throws {@link IntakeFailure} on an outage.
     */
    public boolean handleOversized(Mailbox mailbox, Message message, long size) {
        activity.started();
        try {
            FetchTextParts.PartialMail partial = textParts.fetch(message, "not kept: the mail was larger than the"
                    + " limit, and the mail server keeps no copy of mail it hands to Shahid");
            MailKey key = MailKey.of(partial.raw());
            if (!intake.alreadyProcessed(key)) {
                openFromText(mailbox, key, partial, "not kept");
            }
            quarantine.recordKept(mailbox, key, size, tooLarge(size) + ", pushed over SMTP; its text was recorded,"
                    + " its files and the original were not kept (the mail server keeps no copy of pushed mail)");
            return true;
        } catch (Exception e) {
            if (isOutage(e)) {
                throw new IntakeFailure("a pushed mail over the size limit is not taken yet: " + SafeReason.of(e));
            }
            LOG.warn("Pushed mail for {} over the size limit refused: its text could not be read ({})", mailbox.name(),
                    SafeReason.of(e));
            IntakeMetrics.mailProcessed(mailbox.name(), "REFUSED");
            return false;
        } finally {
            activity.ended();
        }
    }

    private void openFromText(Mailbox mailbox, MailKey key, FetchTextParts.PartialMail partial, String partsWere)
            throws Exception {
        IntakeOutcome outcome = intake.ingest(mailbox, partial.raw(), key, partial.notFetched());
        LOG.info("Mail {} in {} over the size limit: {} {} from its text, {} parts {}", key.shortForm(),
                mailbox.name(), outcome.kind(), outcome.ticket().map(Object::toString).orElse(""),
                partial.notFetched().size(), partsWere);
        IntakeMetrics.mailProcessed(mailbox.name(), outcome.kind().name());
    }

    private String tooLarge(long size) {
        return "larger than the limit of " + maxMessageBytes + " bytes (" + size + " bytes)";
    }

    /** Not fetched, so the key comes from what the server tells about the mail, not from its bytes. */
    private static MailKey keyOfUnfetched(Mailbox mailbox, Message message, long size) throws MessagingException {
        return MailKey.ofUnfetched(mailbox.name(), message.getFolder().getFullName(), size, message.getReceivedDate(),
                message.getHeader("Message-ID"));
    }

    private void quarantineTooLarge(Exchange exchange, Mailbox mailbox, MailKey key, long size, String reason) {
        if (!intake.alreadyProcessed(key)) {
            IntakeMetrics.mailProcessed(mailbox.name(), IntakeOutcome.Kind.QUARANTINED.name());
            long entry = quarantine.hold(mailbox, key, null, size, reason, 1);
            LOG.warn("Mail {} in {} quarantined as entry {}: {}", key.shortForm(), mailbox.name(), entry, reason);
        }
        exchange.getIn().setHeader(IntakeHeaders.CAMEL_MAIL_MOVE_TO, quarantineFolder);
    }

    /** The raw bytes, or null when the mail turns out larger than the limit (the declared size can lie). */
    private byte[] readRaw(Message message) throws IOException, MessagingException {
        LimitedBuffer buffer = new LimitedBuffer(maxMessageBytes);
        try {
            message.writeTo(buffer);
        } catch (LimitedBuffer.LimitExceeded e) {
            return null;
        }
        return buffer.toByteArray();
    }

    private static Mailbox mailboxOf(Exchange exchange) {
        String name = exchange.getIn().getHeader(IntakeHeaders.MAILBOX, String.class);
        String address = exchange.getIn().getHeader(IntakeHeaders.MAILBOX_ADDRESS, String.class);
        String kind = exchange.getIn().getHeader(IntakeHeaders.TICKET_KIND, "REPORT", String.class);
        return new Mailbox(name, address, TicketKind.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    /**
     * Outages (database unreachable, disk or connection trouble) say nothing about the mail, so they must not
     * push it towards quarantine; data errors and parse failures do.
     */
    static boolean isOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** An output stream that refuses to grow beyond a limit, so a huge mail never fills the heap. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {
        private final long limit;

        LimitedBuffer(long limit) {
            super(64 * 1024);
            this.limit = limit;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (count + (long) length > limit) {
                throw new LimitExceeded();
            }
            super.write(bytes, offset, length);
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1L > limit) {
                throw new LimitExceeded();
            }
            super.write(b);
        }

        static final class LimitExceeded extends RuntimeException {
            LimitExceeded() {
                super("mail larger than the limit", null, false, false);
            }
        }
    }
}
