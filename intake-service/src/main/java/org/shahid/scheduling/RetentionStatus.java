package org.shahid.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.shahid.sealing.SealedBlobStore;

/**
 * {@code retention status}: in counts, what identity material Shahid holds and when each part goes, from the
 * periods of {@link PurgeSealedIdentities.Periods}. Reads only; thread-safe (no state).
 */
public final class RetentionStatus {

    /** One kind of identity material: how much is held, and when it goes. */
    public record Line(String what, long count, String goes) {
    }

    public List<Line> status(Handle handle, SealedBlobStore blobs, PurgeSealedIdentities.Periods periods,
                             Instant now) {
        List<Line> lines = new ArrayList<>();
        String finished = "(t.status IN ('RESOLVED', 'REJECTED', 'CLOSED') OR t.automated)";
        long replyDays = periods.replyGrace().toDays();
        long retentionDays = periods.retention().toDays();
        lines.add(new Line("reply addresses (server key)", count(handle, """
                SELECT COUNT(*) FROM sealed_identity s WHERE s.purged_at IS NULL AND s.reply_erased_at IS NULL
                AND LENGTH(s.ciphertext) > 0"""), "erased " + replyDays + " days after the ticket's last activity once"
                + " it is finished; next: " + next(handle, "SELECT MIN(t.updated_at) FROM sealed_identity s JOIN ticket t"
                + " ON t.id = s.ticket_id WHERE s.purged_at IS NULL AND s.reply_erased_at IS NULL AND "
                + finished, replyDays)));
        lines.add(new Line("identity records (custodian key)", count(handle, """
                SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NULL AND identity_record IS NOT NULL"""),
                purgeText(handle, finished, retentionDays)));
        lines.add(new Line("identity records (server key, before custodians: run `custodians migrate`)",
                count(handle, "SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NULL AND custodian_key_id IS NULL"),
                purgeText(handle, finished, retentionDays)));
        lines.add(new Line("original mails", count(handle,
                "SELECT COUNT(*) FROM sealed_identity WHERE sealed_raw IS NOT NULL"), "with the identity records"));
        lines.add(new Line("receipt codes (keyed hash)", count(handle, "SELECT COUNT(*) FROM receipt_code"),
                "with the identity records"));
        Map<String, Instant> files = blobs.list();
        lines.add(new Line("original attachments (server key, awaiting examination)", files.keySet().stream()
                .filter(key -> key.startsWith("evidence/")).count(), "sealed to the custodians when examined"));
        lines.add(new Line("original attachments (custodian key)", files.keySet().stream()
                .filter(key -> key.startsWith("custodian-evidence/")).count(), "with the last ticket that has them"));
        lines.add(new Line("quarantined originals", count(handle,
                "SELECT COUNT(*) FROM quarantine WHERE sealed_raw IS NOT NULL"), "on release or discard, or "
                + periods.quarantine().toDays() + " days after arrival; next: " + next(handle,
                "SELECT MIN(created_at) FROM quarantine WHERE sealed_raw IS NOT NULL", periods.quarantine().toDays())));
        lines.add(new Line("receipt codes in outbox rows not to be sent again", count(handle, """
                SELECT COUNT(*) FROM outbox WHERE recipient_sealed_id IS NOT NULL
                AND status NOT IN ('PENDING', 'SENDING') AND receipt_scrubbed_at IS NULL"""),
                "scrubbed at the next retention run"));
        return lines;
    }

    private static String purgeText(Handle handle, String finished, long retentionDays) {
        return "purged " + retentionDays + " days after the ticket's last activity once it is finished; next: "
                + next(handle, "SELECT MIN(t.updated_at) FROM sealed_identity s JOIN ticket t ON t.id = s.ticket_id"
                + " WHERE s.purged_at IS NULL AND " + finished, retentionDays);
    }

    private static long count(Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(Long.class).one();
    }

    private static String next(Handle handle, String sql, long days) {
        return handle.createQuery(sql).mapTo(java.sql.Timestamp.class).findOne()
                .map(oldest -> oldest.toInstant().plus(java.time.Duration.ofDays(days)).toString())
                .orElse("none due");
    }
}
