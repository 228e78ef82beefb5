package org.shahid.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.shahid.intake.IngestMail;
import org.shahid.intake.Mailbox;
import org.shahid.intake.IntakeFailure;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP transaction on the push listener: accepts only Shahid's own recipients, reads the data (at most
 * {@code maxBytes}), and hands it to {@link IngestMail#handle} once per recipient mailbox. The reply to the data
 * is {@code 250} only after intake returned, i.e. after the ticket (or the quarantine entry) is committed; any
 * failure answers {@code 451} so that the mail server keeps the mail and retries. Nothing about the sender is
 * logged. One instance per transaction, used by one thread.
 */
final class AcceptPushedMail implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptPushedMail.class);

    private final IngestMail ingestMail;
    private final PushRecipients recipients;
    private final long maxBytes;
    private final Set<Mailbox> mailboxes = new LinkedHashSet<>();

    AcceptPushedMail(IngestMail ingestMail, PushRecipients recipients, long maxBytes) {
        this.ingestMail = ingestMail;
        this.recipients = recipients;
        this.maxBytes = maxBytes;
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
        byte[] raw = readAtMost(data);
        for (Mailbox mailbox : mailboxes) {
            try {
                ingestMail.handle(mailbox, raw);
            } catch (RuntimeException e) {
                // An outage or a retryable failure: the mail server keeps the mail and sends it again later,
                // exactly as an unseen IMAP mail waits for the next poll. The key makes a repeat harmless.
                // IntakeFailure's message is safe to log by design; any other message might quote the mail.
                LOG.warn("Pushed mail for {} not taken yet, answered 451: {}", mailbox.name(),
                        e instanceof IntakeFailure ? e.getMessage() : e.getClass().getSimpleName());
                throw new RejectException(451, "4.3.0 not stored yet, try again later");
            }
        }
        return null;
    }

    private byte[] readAtMost(InputStream data) throws IOException, RejectException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = data.read(buffer)) >= 0) {
            total += read;
            if (total > maxBytes) {
                // Drain the rest so that the session stays in step, then refuse for good: the mail server
                // returns the mail to its sender, who learns it was too large.
                data.transferTo(OutputStream.nullOutputStream());
                throw new RejectException(552, "5.3.4 message larger than " + maxBytes + " bytes");
            }
            raw.write(buffer, 0, read);
        }
        return raw.toByteArray();
    }

    @Override
    public void done() {
        mailboxes.clear();
    }
}
