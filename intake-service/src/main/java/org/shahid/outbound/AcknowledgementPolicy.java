package org.shahid.outbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;

/**
 * Limits acknowledgements per sender and clock hour ({@code shahid.ack.per-sender-per-hour}), so that a forged
 * sender or a loop the other guards miss cannot make Shahid send a flood. It counts by the sender's rate key (a
 * keyed hash of the address, in {@code sender_rate}, linked to no ticket): pseudonyms of unauthenticated mail are
 * fresh per ticket and cannot count. {@link #allows} locks the sender's counter row until the transaction ends, so
 * concurrent intakes of one sender are counted one after the other. Thread-safe.
 */
public final class AcknowledgementPolicy {

    public static final String PURPOSE = "ACKNOWLEDGEMENT";

    private final int perHour;

    public AcknowledgementPolicy(int perHour) {
        this.perHour = perHour;
    }

    /** Whether one more answer to this sender fits this hour; call {@link #record} in the same transaction. */
    public boolean allows(Handle handle, String rateKey, Instant now) {
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        handle.createUpdate("""
                        INSERT INTO sender_rate (sender_key, purpose, window_start, sent)
                        VALUES (:key, :purpose, :window, 0) ON DUPLICATE KEY UPDATE sent = sent""")
                .bind("key", rateKey)
                .bind("purpose", PURPOSE)
                .bind("window", window)
                .execute();
        int sent = handle.createQuery("""
                        SELECT sent FROM sender_rate
                        WHERE sender_key = :key AND purpose = :purpose AND window_start = :window FOR UPDATE""")
                .bind("key", rateKey)
                .bind("purpose", PURPOSE)
                .bind("window", window)
                .mapTo(Integer.class)
                .one();
        return sent < perHour;
    }

    /** Counts one answer to this sender; the sender's earlier hours go at the same time. */
    public void record(Handle handle, String rateKey, Instant now) {
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        handle.createUpdate("""
                        UPDATE sender_rate SET sent = sent + 1
                        WHERE sender_key = :key AND purpose = :purpose AND window_start = :window""")
                .bind("key", rateKey)
                .bind("purpose", PURPOSE)
                .bind("window", window)
                .execute();
        handle.createUpdate("""
                        DELETE FROM sender_rate
                        WHERE sender_key = :key AND purpose = :purpose AND window_start < :window""")
                .bind("key", rateKey)
                .bind("purpose", PURPOSE)
                .bind("window", window)
                .execute();
    }
}
