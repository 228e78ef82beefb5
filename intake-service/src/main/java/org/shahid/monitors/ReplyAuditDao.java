package org.shahid.monitors;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Appends to {@code monitor_reply_audit}: every mail at the monitors mailbox and its outcome. Thread-safe. */
public final class ReplyAuditDao {

    public enum Outcome { APPLIED, REFUSED, INVALID }

    public void record(Handle handle, String mailKey, String sender, Long ticketId, Outcome outcome, String reason,
                       boolean refusalSent, Instant now) {
        handle.createUpdate("""
                        INSERT INTO monitor_reply_audit (mail_key, sender, ticket_id, outcome, reason, refusal_sent,
                                                         received_at)
                        VALUES (:key, :sender, :ticketId, :outcome, :reason, :refusalSent, :now)""")
                .bind("key", mailKey).bind("sender", sender).bind("ticketId", ticketId)
                .bind("outcome", outcome.name())
                .bind("reason", reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000))
                .bind("refusalSent", refusalSent).bind("now", now)
                .execute();
    }

    public boolean refusalSentSince(Handle handle, String sender, Instant since) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM monitor_reply_audit
                        WHERE sender = :sender AND refusal_sent = TRUE AND received_at >= :since""")
                .bind("sender", sender).bind("since", since).mapTo(Integer.class).one() > 0;
    }

    /** Claims the mail in {@code processed_mail} (the intake's exactly-once table); false when seen before. */
    public boolean claim(Handle handle, String mailKey, String mailbox, Instant now) {
        return handle.createUpdate("""
                        INSERT IGNORE INTO processed_mail (mail_key, mailbox, outcome, ticket_id, processed_at)
                        VALUES (:key, :mailbox, 'MONITOR_REPLY', NULL, :now)""")
                .bind("key", mailKey).bind("mailbox", mailbox).bind("now", now)
                .execute() == 1;
    }
}
