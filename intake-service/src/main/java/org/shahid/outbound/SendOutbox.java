package org.shahid.outbound;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.shahid.kernel.IntakeMetrics;
import org.shahid.sealing.SealedIdentity;
import org.shahid.sealing.SealedIdentityDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox rows over one SMTP connection per run (Camel's smtp producer would open one per mail), claiming
 * batch after batch while they come back full, marks each mail sent as soon as the relay accepts it, and retries
 * failures with exponential backoff. A reporter's address is opened from the sealed store here
 * and nowhere else, and never logged. Called by the {@code outbox} route on a Quartz trigger; reads
 * {@code shahid.smtp.*} and {@code shahid.outbox.*}. Thread-safe: concurrent calls claim disjoint rows.
 */
public final class SendOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(SendOutbox.class);

    /**
     * How the outbox paces itself. {@code timeSlice}: after it, a run sends no further batch and leaves the rest
     * to the next run of the trigger.
     */
    public record Pacing(int batchSize, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                         Duration claimLease, String senderName, Duration timeSlice) {
    }

    private final Jdbi jdbi;
    private final OutboxDao outbox;
    private final SealedIdentityDao sealedIdentities;
    private final SmtpSettings smtp;
    private final Pacing pacing;
    private final Clock clock;
    private final java.util.function.BooleanSupplier intakeBusy;
    private final long maxDeferralNanos;
    private volatile long lastFullClaimNanos = System.nanoTime();
    private final Session session;
    private final VerpAddress verp;
    private final ComposeMimeContent content;
    /** Mails the relay accepted whose "sent" could not be recorded (database down): recorded before anything else. */
    private final java.util.Set<Long> sentNotRecorded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.atomic.AtomicBoolean askedAgain = new java.util.concurrent.atomic.AtomicBoolean();

    public SendOutbox(Jdbi jdbi, OutboxDao outbox, SealedIdentityDao sealedIdentities, SmtpSettings smtp,
                      Pacing pacing, Clock clock) {
        this(jdbi, outbox, sealedIdentities, smtp, pacing, clock, () -> false, Duration.ZERO);
    }

    /**
     * With {@code intakeBusy}: while it says the mailboxes are busy, only mail to reporters is sent; the monitors'
     * notifications wait for a quiet moment (seconds, in a burst), so they do not take the CPU from intake, but
     * never longer than {@code maxDeferral}: under steady traffic the mailboxes may never be quiet.
     */
    public SendOutbox(Jdbi jdbi, OutboxDao outbox, SealedIdentityDao sealedIdentities, SmtpSettings smtp,
                      Pacing pacing, Clock clock, java.util.function.BooleanSupplier intakeBusy,
                      Duration maxDeferral) {
        this(jdbi, outbox, sealedIdentities, smtp, pacing, clock, intakeBusy, maxDeferral, new VerpAddress(null, ""));
    }

    /** With {@code verp}: each mail's envelope sender names its outbox row, so its bounce finds it. */
    public SendOutbox(Jdbi jdbi, OutboxDao outbox, SealedIdentityDao sealedIdentities, SmtpSettings smtp,
                      Pacing pacing, Clock clock, java.util.function.BooleanSupplier intakeBusy,
                      Duration maxDeferral, VerpAddress verp) {
        this(jdbi, outbox, sealedIdentities, smtp, pacing, clock, intakeBusy, maxDeferral, verp,
                new ComposeMimeContent(sha256 -> {
                    throw new IllegalStateException("this sender has no scrubbed-copy store");
                }));
    }

    /** With {@code content}: builds each mail's body, reading the files a mail carries from the scrubbed-copy store. */
    public SendOutbox(Jdbi jdbi, OutboxDao outbox, SealedIdentityDao sealedIdentities, SmtpSettings smtp,
                      Pacing pacing, Clock clock, java.util.function.BooleanSupplier intakeBusy,
                      Duration maxDeferral, VerpAddress verp, ComposeMimeContent content) {
        this.content = content;
        this.verp = verp;
        this.intakeBusy = intakeBusy;
        this.maxDeferralNanos = maxDeferral.toNanos();
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.sealedIdentities = sealedIdentities;
        this.smtp = smtp;
        this.pacing = pacing;
        this.clock = clock;
        this.session = Session.getInstance(smtp.sessionProperties());
    }

    /**
     * Sends what is due, batch after batch over one SMTP connection while batches come back full, until the queue
     * is drained or the time slice is used up (so one run neither starves the trigger nor delays shutdown);
     * returns how many mails the relay accepted.
     */
    public int deliverDue() {
        // One run at a time in this instance: the trigger's run and intake's wake-up would otherwise each have a
        // mail in flight, and a crash between the relay's acceptance and the record would resend two. A run asked
        // for while another is under way is not dropped: the run under way goes round once more (its last claim
        // may have come before the rows the asker wants sent), or the asker runs itself if that one just ended.
        int sent = 0;
        while (true) {
            if (running.tryLock()) {
                try {
                    askedAgain.set(false);
                    sent += deliverDueAlone();
                } finally {
                    running.unlock();
                }
                if (!askedAgain.get()) {
                    return sent;
                }
                continue;
            }
            askedAgain.set(true);
            if (running.isLocked()) {
                return sent;
            }
        }
    }

    private int deliverDueAlone() {
        recordSentBeforeOutage();
        long sliceEnds = System.nanoTime() + pacing.timeSlice().toNanos();
        Transport transport = null;
        int sent = 0;
        int tried = 0;
        try {
            while (true) {
                List<OutboxMail> batch = claimBatch();
                if (batch.isEmpty()) {
                    break;
                }
                if (transport == null) {
                    transport = connect(batch);
                    if (transport == null) {
                        break;
                    }
                }
                tried += batch.size();
                BatchOutcome outcome = sendBatch(transport, batch);
                sent += outcome.sent();
                if (!outcome.canContinue() || batch.size() < pacing.batchSize() || System.nanoTime() >= sliceEnds) {
                    break;
                }
            }
        } finally {
            if (transport != null) {
                closeQuietly(transport);
            }
        }
        if (tried > 0) {
            LOG.info("Outbox: {} of {} mails sent", sent, tried);
        }
        return sent;
    }

    /** What one batch did: how many the relay accepted, and whether the next batch may follow on this run. */
    private record BatchOutcome(int sent, boolean canContinue) {
    }

    /** Only mail to reporters while intake is busy, unless the rest has waited {@code maxDeferral} already. */
    private boolean reportersOnly() {
        long now = System.nanoTime();
        if (now - lastFullClaimNanos < maxDeferralNanos && intakeBusy.getAsBoolean()) {
            return true;
        }
        lastFullClaimNanos = now;
        return false;
    }

    private List<OutboxMail> claimBatch() {
        Instant now = clock.instant();
        // READ COMMITTED: the claim's scan takes no gap locks, which under REPEATABLE READ deadlocked with intake
        // transactions inserting their acknowledgement and notifications (seen in the benchmark). Two claimers
        // still get disjoint rows: the second waits for the first's row locks and then sees those rows SENDING.
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
            outbox.releaseExpiredClaims(handle, now.minus(pacing.claimLease()));
            return outbox.claimDue(handle, pacing.batchSize(), now, reportersOnly());
        });
    }

    /** Connects to the relay, or hands the batch back untried and returns null when it does not answer. */
    private Transport connect(List<OutboxMail> batch) {
        try {
            Transport transport = session.getTransport(smtp.protocol());
            transport.connect(smtp.host(), smtp.port(), blankToNull(smtp.username()), blankToNull(smtp.password()));
            return transport;
        } catch (MessagingException e) {
            LOG.warn("SMTP relay {}:{} unavailable ({}): {} mails wait in the outbox", smtp.host(), smtp.port(),
                    SafeError.describe(e), batch.size());
            releaseUntried(batch, SafeError.describe(e));
            return null;
        }
    }

    /**
     * What a batch needs from the database besides its rows, read in one query each before the first mail goes
     * (not one query a mail): the sealed reply channels of its reporters and the files its mails carry.
     */
    private record BatchReadAhead(Map<Long, SealedIdentityDao.SealedReplyChannel> channels,
                                  Map<Long, List<OutboxAttachment>> attachments) {

        /** Whether {@code mail}'s recipient was kept for this one mail, to be purged once it is sent. */
        boolean lastMailOf(OutboxMail mail) {
            SealedIdentityDao.SealedReplyChannel channel = mail.recipientSealedId() == null ? null
                    : channels.get(mail.recipientSealedId());
            return channel != null && channel.purgeWhenSent();
        }
    }

    private BatchReadAhead readAhead(List<OutboxMail> batch) {
        List<Long> sealedIds = batch.stream().map(OutboxMail::recipientSealedId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        List<Long> ids = batch.stream().map(OutboxMail::id).toList();
        return jdbi.withHandle(handle -> new BatchReadAhead(sealedIdentities.replyChannels(handle, sealedIds),
                outbox.attachmentsOf(handle, ids)));
    }

    private BatchOutcome sendBatch(Transport transport, List<OutboxMail> batch) {
        BatchReadAhead readAhead = readAhead(batch);
        int accepted = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxMail mail = batch.get(i);
            SendResult result = sendOne(transport, mail, readAhead);
            if (result == SendResult.CONNECTION_LOST) {
                releaseUntried(batch.subList(i + 1, batch.size()), "connection to the relay lost");
                return new BatchOutcome(accepted, false);
            }
            if (result == SendResult.ACCEPTED) {
                accepted++;
                // Recorded at once, one mail at a time (~1 ms): a crash after the relay accepted a mail resends
                // at most that one mail, not the rest of its batch. The rest of the batch waits for its lease
                // when the database has gone away.
                if (!recordSent(List.of(mail.id()), readAhead.lastMailOf(mail))) {
                    return new BatchOutcome(accepted, false);
                }
            }
        }
        return new BatchOutcome(accepted, true);
    }

    /**
     * What became of one mail: the relay accepted it; it was not sent (failed, or to be retried); or it was not
     * sent and the connection went with it, so the rest of its batch goes back untried.
     */
    private enum SendResult { ACCEPTED, NOT_SENT, CONNECTION_LOST }

    private SendResult sendOne(Transport transport, OutboxMail mail, BatchReadAhead readAhead) {
        Optional<String> recipient;
        try {
            recipient = recipientOf(mail, readAhead);
        } catch (org.shahid.sealing.SealingException unopenable) {
            // A row this instance cannot open (its sealed recipient does not decrypt) fails alone, with its
            // reason; the rest of the batch goes on.
            String reason = "sealed recipient does not open with this instance's keys";
            jdbi.useHandle(handle -> outbox.markFailed(handle, mail.id(), reason));
            IntakeMetrics.mailSent(mail.purpose(), "FAILED");
            LOG.warn("Outbox mail {} failed: {}", mail.id(), reason);
            return SendResult.NOT_SENT;
        }
        if (recipient.isEmpty()) {
            jdbi.useHandle(handle -> outbox.markFailed(handle, mail.id(), "recipient no longer known (identity purged)"));
            LOG.warn("Outbox mail {} dropped: its recipient's sealed identity is gone", mail.id());
            return SendResult.NOT_SENT;
        }
        try {
            SMTPMessage message = build(mail, recipient.get(), readAhead.attachments().getOrDefault(mail.id(),
                    List.of()));
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | UnsupportedEncodingException e) {
            handleFailure(mail, e);
            // Asked only after a failure: Angus' isConnected() costs a NOOP round trip, and asked before every
            // mail it was one exchange in five with the relay. A connection that broke is already closed.
            return transport.isConnected() ? SendResult.NOT_SENT : SendResult.CONNECTION_LOST;
        }
        IntakeMetrics.mailSent(mail.purpose(), "SENT");
        return SendResult.ACCEPTED;
    }

    /**
     * Records accepted mails as sent. If the database does not answer, they are
     * remembered: were their claims released and the rows sent again, each recipient would get the mail twice.
     * Returns whether the record was written.
     */
    private boolean recordSent(List<Long> ids, boolean lastChannels) {
        if (ids.isEmpty()) {
            return true;
        }
        try {
            markSentRetryingDeadlocks(ids, lastChannels);
            return true;
        } catch (RuntimeException databaseDown) {
            sentNotRecorded.addAll(ids);
            LOG.warn("Outbox: {} mails sent, but recording them failed ({}); recorded once the database answers",
                    ids.size(), databaseDown.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * A deadlock says nothing about the database being away: InnoDB rolled back this statement in favour of a
     * concurrent claim or intake transaction, so try again at once (a few times) instead of leaving the rest of
     * the batch to wait for its claim's lease.
     */
    private void markSentRetryingDeadlocks(List<Long> ids, boolean lastChannels) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi.useHandle(handle -> outbox.markSent(handle, ids, clock.instant(), lastChannels));
                return;
            } catch (RuntimeException e) {
                if (attempt >= 3 || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isDeadlock(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    /** Records the mails sent while the database was away, before expired claims could hand them out again. */
    private void recordSentBeforeOutage() {
        List<Long> ids = List.copyOf(sentNotRecorded);
        if (!ids.isEmpty()) {
            jdbi.useHandle(handle -> outbox.markSent(handle, ids, clock.instant()));
            sentNotRecorded.removeAll(ids);
        }
    }

    private void handleFailure(OutboxMail mail, Exception error) {
        String description = SafeError.describe(error);
        boolean permanent = IsPermanentSendFailure.test(error);
        if (permanent || mail.attempts() + 1 >= pacing.maxAttempts()) {
            jdbi.useHandle(handle -> outbox.markFailed(handle, mail.id(), description));
            IntakeMetrics.mailSent(mail.purpose(), "FAILED");
            LOG.warn("Outbox mail {} failed for good after {} attempts: {}", mail.id(), mail.attempts() + 1,
                    description);
        } else {
            Instant next = clock.instant().plus(backoff(mail.attempts() + 1));
            jdbi.useHandle(handle -> outbox.markRetry(handle, mail.id(), description, next));
            IntakeMetrics.mailSent(mail.purpose(), "RETRY");
            LOG.info("Outbox mail {} will be retried at {}: {}", mail.id(), next, description);
        }
    }

    /** Doubles from the initial backoff with each attempt, up to the maximum. */
    Duration backoff(int attempts) {
        Duration delay = pacing.initialBackoff();
        for (int i = 1; i < attempts && delay.compareTo(pacing.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(pacing.maxBackoff()) > 0 ? pacing.maxBackoff() : delay;
    }

    private void releaseUntried(List<OutboxMail> mails, String reason) {
        Instant next = clock.instant().plus(pacing.initialBackoff());
        jdbi.useTransaction(handle -> mails.forEach(mail -> outbox.releaseUntried(handle, mail.id(), reason, next)));
    }

    private Optional<String> recipientOf(OutboxMail mail, BatchReadAhead readAhead) {
        if (mail.recipientSealedId() == null) {
            return Optional.ofNullable(mail.recipientAddress());
        }
        return Optional.ofNullable(readAhead.channels().get(mail.recipientSealedId()))
                .map(sealedIdentities::open)
                .map(SealedIdentity::replyAddress)
                .filter(address -> !address.isBlank());
    }

    private SMTPMessage build(OutboxMail mail, String recipient, List<OutboxAttachment> attachments)
            throws MessagingException,
            UnsupportedEncodingException {
        SMTPMessage message = new SMTPMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The id was recorded when the row was written, so replies can be threaded to the ticket.
                setHeader("Message-ID", "<" + mail.messageId() + ">");
            }
        };
        message.setEnvelopeFrom(verp.envelopeSenderOf(mail.id(), mail.fromAddress()));
        message.setFrom(new InternetAddress(mail.fromAddress(), pacing.senderName(), StandardCharsets.UTF_8.name()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, false));
        if (mail.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo(), false)});
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.setHeader("Content-Language", mail.language());
        message.setContent(content.compose(mail, attachments));
        message.saveChanges();
        return message;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("Closing the SMTP connection failed: {}", e.getClass().getSimpleName());
        }
    }
}
