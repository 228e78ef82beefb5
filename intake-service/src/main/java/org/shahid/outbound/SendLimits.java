package org.shahid.outbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;
import org.shahid.sealing.Pseudonymizer;

/**
 * Hourly counters for rate limits that hold under concurrency: {@link #take} increments the counter of this hour
 * with {@code INSERT … ON DUPLICATE KEY UPDATE} inside the caller's transaction, which locks the row until commit,
 * and reads it back with {@code FOR UPDATE}; concurrent transactions queue on that row, so no two of them can both
 * see room for the last unit. Windows are fixed clock hours (a burst at a boundary may see up to twice the limit
 * within sixty minutes, never more than the limit within one window). Keys are keyed hashes. Thread-safe.
 */
public final class SendLimits {

    private final Pseudonymizer pseudonymizer;

    public SendLimits(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /**
     * Takes one unit of limit {@code name} for {@code subject} (a sender key, or "" for a global cap); true when it
     * was within {@code perHour}. A refused take still counts, which only keeps a flood refused.
     */
    public boolean take(Handle handle, String name, String subject, int perHour, Instant now) {
        String key = pseudonymizer.keyedHash("send-limit", name + "\u0000" + subject);
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        handle.createUpdate("""
                        INSERT INTO send_limit_window (limit_key, window_start, used) VALUES (:key, :window, 1)
                        ON DUPLICATE KEY UPDATE used = used + 1""")
                .bind("key", key)
                .bind("window", window)
                .execute();
        int used = handle.createQuery("""
                        SELECT used FROM send_limit_window WHERE limit_key = :key AND window_start = :window
                        FOR UPDATE""")
                .bind("key", key)
                .bind("window", window)
                .mapTo(Integer.class)
                .one();
        // Earlier hours of this key are of no further use: dropped once per key and hour, on its first take.
        if (used == 1) {
            handle.createUpdate("DELETE FROM send_limit_window WHERE limit_key = :key AND window_start < :window")
                    .bind("key", key)
                    .bind("window", window)
                    .execute();
        }
        return used <= perHour;
    }
}
