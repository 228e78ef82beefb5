package org.shahid.sealing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Destroys every piece of one ticket's reporter identity at once: the reply channel and identity record of each of
 * its mails, their sealed originals, the receipt code, the receipt codes written in its outbox rows (and any mail to
 * the reporter not sent yet), its original attachments and members that no other ticket shares, and the quarantined
 * originals of its mails. The redacted ticket and its pseudonym stay. Retention calls it for tickets past the
 * retention period; the reporter's own "erase" calls it too. Files are deleted before the caller commits: a rollback
 * then leaves rows pointing at nothing, never identity behind. Thread-safe (no state besides the store).
 */
public final class ForgetReporter {

    /** A receipt code as {@code intake.ReceiptCode} writes it: four groups of four digits (any digit script). */
    private static final Pattern RECEIPT_CODE = Pattern.compile(
            "(?<![0-9\\u0660-\\u0669\\u06F0-\\u06F9])([0-9\\u0660-\\u0669\\u06F0-\\u06F9]{4}[\\s\\-\\u2010-\\u2015]?){3}"
                    + "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]{4}(?![0-9\\u0660-\\u0669\\u06F0-\\u06F9])");
    static final String SCRUBBED_CODE = "[receipt code removed]";

    private final SealedBlobStore blobs;

    public ForgetReporter(SealedBlobStore blobs) {
        this.blobs = blobs;
    }

    /** What one call destroyed, for the ticket's event and the log. */
    public record Forgotten(int identities, int files, int outboxRows) {
    }

    public void forget(Handle handle, long ticketId) {
        forgetCounting(handle, ticketId, Instant.now());
    }

    public Forgotten forgetCounting(Handle handle, long ticketId, Instant now) {
        List<String> files = new ArrayList<>(handle.createQuery("""
                        SELECT sealed_raw FROM sealed_identity WHERE ticket_id = :ticket AND sealed_raw IS NOT NULL""")
                .bind("ticket", ticketId).mapTo(String.class).list());
        int identities = handle.createUpdate("""
                        UPDATE sealed_identity SET ciphertext = X'', identity_record = NULL, sealed_raw = NULL,
                               purged_at = COALESCE(purged_at, :now), reply_erased_at = COALESCE(reply_erased_at, :now)
                        WHERE ticket_id = :ticket AND NOT purge_when_sent
                          AND (purged_at IS NULL OR sealed_raw IS NOT NULL
                               OR identity_record IS NOT NULL OR LENGTH(ciphertext) > 0)""")
                .bind("ticket", ticketId).bind("now", now).execute();
        handle.createUpdate("DELETE FROM receipt_code WHERE ticket_id = :ticket").bind("ticket", ticketId).execute();
        int outboxRows = scrubOutbox(handle, ticketId, now);
        files.addAll(handle.createQuery("""
                        SELECT q.sealed_raw FROM quarantine q JOIN processed_mail p ON p.mail_key = q.mail_key
                        WHERE p.ticket_id = :ticket AND q.sealed_raw IS NOT NULL""")
                .bind("ticket", ticketId).mapTo(String.class).list());
        handle.createUpdate("""
                        UPDATE quarantine q JOIN processed_mail p ON p.mail_key = q.mail_key
                        SET q.sealed_raw = NULL WHERE p.ticket_id = :ticket AND q.sealed_raw IS NOT NULL""")
                .bind("ticket", ticketId).execute();
        for (String sha256 : originalsOnlyOf(handle, ticketId)) {
            files.add(SealExaminedOriginals.SERVER_NAMESPACE + sha256);
            files.add(SealedBlobStore.CUSTODIAN_PREFIX + SealExaminedOriginals.SERVER_NAMESPACE + sha256);
        }
        int deleted = 0;
        for (String file : files) {
            if (blobs.delete(file)) {
                deleted++;
            }
        }
        return new Forgotten(identities, deleted, outboxRows);
    }

    /** Mails to the reporter: not sent yet ones are cancelled, and every receipt code in them is replaced. */
    private static int scrubOutbox(Handle handle, long ticketId, Instant now) {
        handle.createUpdate("""
                        UPDATE outbox SET status = 'FAILED', last_error = 'the reporter''s identity was erased',
                               claim_token = NULL
                        WHERE ticket_id = :ticket AND recipient_sealed_id IS NOT NULL AND status = 'PENDING'
                          AND recipient_sealed_id NOT IN (SELECT id FROM sealed_identity
                                                          WHERE ticket_id = :ticket AND purge_when_sent)""")
                .bind("ticket", ticketId).execute();
        List<Object[]> rows = handle.createQuery("""
                        SELECT id, body_text, body_html, subject FROM outbox
                        WHERE ticket_id = :ticket AND recipient_sealed_id IS NOT NULL AND status <> 'SENDING'""")
                .bind("ticket", ticketId)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        int scrubbed = 0;
        for (Object[] row : rows) {
            if (scrubRow(handle, (Long) row[0], (String) row[1], (String) row[2], (String) row[3], now)) {
                scrubbed++;
            }
        }
        return scrubbed;
    }

    /** Replaces receipt codes in one outbox row that will not be sent again; true when it held one. */
    public static boolean scrubRow(Handle handle, long id, String text, String html, String subject, Instant now) {
        String cleanText = RECEIPT_CODE.matcher(text).replaceAll(SCRUBBED_CODE);
        String cleanHtml = html == null ? null : RECEIPT_CODE.matcher(html).replaceAll(SCRUBBED_CODE);
        String cleanSubject = RECEIPT_CODE.matcher(subject).replaceAll(SCRUBBED_CODE);
        boolean changed = !cleanText.equals(text) || !java.util.Objects.equals(cleanHtml, html)
                || !cleanSubject.equals(subject);
        handle.createUpdate("""
                        UPDATE outbox SET body_text = :text, body_html = :html, subject = :subject,
                               receipt_scrubbed_at = :now WHERE id = :id""")
                .bind("text", cleanText).bind("html", cleanHtml).bind("subject", cleanSubject).bind("now", now)
                .bind("id", id).execute();
        return changed;
    }

    /** Hashes of this ticket's originals that no other ticket's attachment or member shares. */
    private static List<String> originalsOnlyOf(Handle handle, long ticketId) {
        return handle.createQuery("""
                        SELECT mine.sha256 FROM (
                            SELECT sha256 FROM attachment WHERE ticket_id = :ticket AND sha256 IS NOT NULL
                            UNION SELECT sha256 FROM attachment_member WHERE ticket_id = :ticket AND sha256 IS NOT NULL
                        ) mine
                        WHERE NOT EXISTS (SELECT 1 FROM attachment a WHERE a.sha256 = mine.sha256
                                          AND a.ticket_id <> :ticket)
                          AND NOT EXISTS (SELECT 1 FROM attachment_member m WHERE m.sha256 = mine.sha256
                                          AND m.ticket_id <> :ticket)""")
                .bind("ticket", ticketId).mapTo(String.class).list();
    }
}
