package org.shahid.outbound;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Limits acknowledgements per sender and hour ({@code shahid.ack.per-sender-per-hour}), so that a forged sender
 * or a loop the other guards miss cannot make Shahid send a flood. It counts by the sender's rate key (a keyed
 * hash of the address, in {@code sender_rate_event}, linked to no ticket): pseudonyms of unauthenticated mail are
 * fresh per ticket and cannot count. Thread-safe.
 */
public final class AcknowledgementPolicy {

    public static final String PURPOSE = "ACKNOWLEDGEMENT";
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;

    public AcknowledgementPolicy(int perHour) {
        this.perHour = perHour;
    }

    public boolean allows(Handle handle, String rateKey, Instant now) {
        int sent = handle.createQuery("""
                        SELECT COUNT(*) FROM sender_rate_event
                        WHERE sender_key = :key AND purpose = :purpose AND occurred_at >= :since""")
                .bind("key", rateKey)
                .bind("purpose", PURPOSE)
                .bind("since", now.minus(WINDOW))
                .mapTo(Integer.class)
                .one();
        return sent < perHour;
    }

    /**
     * Counts one answer to this sender; the sender's events older than the window go at the same time (only this
     * sender's rows, so concurrent intakes do not lock each other's ranges).
     */
    public void record(Handle handle, String rateKey, Instant now) {
        handle.createUpdate("""
                        DELETE FROM sender_rate_event
                        WHERE sender_key = :key AND purpose = :purpose AND occurred_at < :before""")
                .bind("key", rateKey)
                .bind("purpose", PURPOSE)
                .bind("before", now.minus(WINDOW))
                .execute();
        handle.createUpdate("""
                        INSERT INTO sender_rate_event (sender_key, purpose, occurred_at)
                        VALUES (:key, :purpose, :now)""")
                .bind("key", rateKey)
                .bind("purpose", PURPOSE)
                .bind("now", now)
                .execute();
    }
}
