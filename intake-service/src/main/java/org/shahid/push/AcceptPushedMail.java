package org.shahid.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.shahid.intake.IngestMail;
import org.shahid.intake.Mailbox;
import org.shahid.intake.IntakeFailure;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP transaction on the push listener: accepts only Shahid's own recipients, reads the data, and hands it to
 * {@link IngestMail#handle} once per recipient mailbox. A mail over {@code maxBytes} (and within the listener's hard
 * cap) is spooled, encrypted, to {@code workFolder} while it is read and answered from its text
 * ({@link IngestMail#handleOversized}), as an oversized mail polled over IMAP is. The reply to the data is
 * {@code 250} only after intake returned, i.e. after the ticket (or the quarantine entry) is committed; any failure
 * answers {@code 451} so that the mail server keeps the mail and retries. Nothing about the sender is logged. One
 * instance per transaction, used by one thread.
 */
final class AcceptPushedMail implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptPushedMail.class);
    private static final Session PARSING = Session.getInstance(new Properties());

    private final IngestMail ingestMail;
    private final PushRecipients recipients;
    private final long maxBytes;
    private final long maxOversizedBytes;
    private final Path workFolder;
    private final Set<Mailbox> mailboxes = new LinkedHashSet<>();
    /** The data while it fits the message limit; a field so that a mail over it lets go of it once spooled. */
    private ByteArrayOutputStream readSoFar;

    AcceptPushedMail(IngestMail ingestMail, PushRecipients recipients, long maxBytes, long maxOversizedBytes,
                     Path workFolder) {
        this.ingestMail = ingestMail;
        this.recipients = recipients;
        this.maxBytes = maxBytes;
        this.maxOversizedBytes = maxOversizedBytes;
        this.workFolder = workFolder;
    }

    @Override
    public void from(String sender) {
        // Any envelope sender, including the null sender of bounces: intake's loop guards judge the mail itself.
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        mailboxes.add(recipients.mailboxFor(recipient)
                .orElseThrow(() -> new RejectException(550, "5.1.1 not a mailbox of this service")));
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        readSoFar = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = data.read(buffer)) >= 0) {
            if ((long) readSoFar.size() + read > maxBytes) {
                takeOversized(data, buffer, read);
                return null;
            }
            readSoFar.write(buffer, 0, read);
        }
        byte[] mail = readSoFar.toByteArray();
        readSoFar = null;
        for (Mailbox mailbox : mailboxes) {
            answerFailureWith451(mailbox, () -> ingestMail.handle(mailbox, mail));
        }
        return null;
    }

    /**
     * The rest of a mail over the limit goes to the spool behind what was read so far; the plaintext stays in memory
     * only until the spool has it. The spool is gone when this returns, whatever the answer.
     */
    private void takeOversized(InputStream data, byte[] buffer, int pending) throws IOException, RejectException {
        try (EncryptedSpool spool = EncryptedSpool.create(workFolder)) {
            long size = spool(data, buffer, pending, spool);
            MimeMessage message = parse(spool.reader());
            for (Mailbox mailbox : mailboxes) {
                answerFailureWith451(mailbox, () -> {
                    if (!ingestMail.handleOversized(mailbox, message, size)) {
                        throw new RejectException(552, "5.3.4 message larger than " + maxBytes
                                + " bytes, and its text cannot be read");
                    }
                });
            }
        } catch (IOException spoolFailed) {
            // The work folder failed (full, unwritable): read what is left so that the session stays in step, and
            // let the mail server keep the mail. A broken session throws again here and ends the connection.
            data.transferTo(OutputStream.nullOutputStream());
            LOG.warn("Pushed mail over the size limit not taken yet, answered 451: its spool failed ({})",
                    spoolFailed.getClass().getSimpleName());
            throw new RejectException(451, "4.3.0 not stored yet, try again later");
        }
    }

    /** Writes the mail to the spool, up to the hard cap; returns its size. */
    private long spool(InputStream data, byte[] buffer, int pending, EncryptedSpool spool)
            throws IOException, RejectException {
        long size = readSoFar.size() + (long) pending;
        try (OutputStream spooled = spool.writer()) {
            readSoFar.writeTo(spooled);
            // Up to the message limit in memory: let it go before the parse and the intake.
            readSoFar = null;
            spooled.write(buffer, 0, pending);
            int read;
            while ((read = data.read(buffer)) >= 0) {
                size += read;
                if (size > maxOversizedBytes) {
                    // Drain the rest so that the session stays in step, then refuse for good: the mail server
                    // returns the mail to its sender, who learns it was too large.
                    data.transferTo(OutputStream.nullOutputStream());
                    throw new RejectException(552, "5.3.4 message larger than " + maxOversizedBytes + " bytes");
                }
                spooled.write(buffer, 0, read);
            }
        }
        return size;
    }

    private static MimeMessage parse(InputStream spooled) throws RejectException {
        try {
            return new MimeMessage(PARSING, spooled);
        } catch (MessagingException e) {
            throw new RejectException(552, "5.6.0 message larger than the limit, and not a mail that can be read");
        }
    }

    /** One mailbox's intake; an outage or a retryable failure becomes 451, a refusal stays as it is. */
    private static void answerFailureWith451(Mailbox mailbox, Intake intake) throws RejectException {
        try {
            intake.run();
        } catch (RuntimeException e) {
            // An outage or a retryable failure: the mail server keeps the mail and sends it again later,
            // exactly as an unseen IMAP mail waits for the next poll. The key makes a repeat harmless.
            // IntakeFailure's message is safe to log by design; any other message might quote the mail.
            LOG.warn("Pushed mail for {} not taken yet, answered 451: {}", mailbox.name(),
                    e instanceof IntakeFailure ? e.getMessage() : e.getClass().getSimpleName());
            throw new RejectException(451, "4.3.0 not stored yet, try again later");
        }
    }

    @FunctionalInterface
    private interface Intake {
        void run() throws RejectException;
    }

    @Override
    public void done() {
        mailboxes.clear();
        readSoFar = null;
    }
}
