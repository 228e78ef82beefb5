package org.shahid.monitors;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Messages whose monitors' notification was held back because their sender passed
 * {@code shahid.monitors.notifications-per-sender-per-hour}: {@link NotifyMonitors} skips them and the next
 * {@link SendDigest} lists their tickets once. Thread-safe (all state is in the database).
 */
public final class HeldNotices {

    public void hold(Handle handle, long ticketId, long messageId, Instant now) {
        handle.createUpdate("""
                        INSERT IGNORE INTO monitor_notice_held (message_id, ticket_id, held_at)
                        VALUES (:messageId, :ticketId, :now)""")
                .bind("messageId", messageId)
                .bind("ticketId", ticketId)
                .bind("now", now)
                .execute();
    }

    public boolean isHeld(Handle handle, long messageId) {
        return handle.createQuery("SELECT COUNT(*) FROM monitor_notice_held WHERE message_id = :messageId")
                .bind("messageId", messageId)
                .mapTo(Integer.class)
                .one() > 0;
    }

    /** References of tickets with held notices not yet in a digest, oldest first; marks them digested. */
    public List<String> takeForDigest(Handle handle, Instant now) {
        List<String> references = handle.createQuery("""
                        SELECT t.reference FROM monitor_notice_held h JOIN ticket t ON t.id = h.ticket_id
                        WHERE h.digested_at IS NULL GROUP BY t.reference ORDER BY MIN(h.held_at)""")
                .mapTo(String.class)
                .list();
        handle.createUpdate("UPDATE monitor_notice_held SET digested_at = :now WHERE digested_at IS NULL")
                .bind("now", now)
                .execute();
        return references;
    }
}
