package org.shahid.outbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.shahid.sealing.Pseudonymizer;

/**
 * A cap per clock hour for all senders and all instances together (the acknowledgements of every report) that no
 * intake transaction waits on. Counted in the intake transaction, as the per-sender limits are, its single row was
 * the lock every new report queued on until the report before it committed, so intake ran one mail at a time.
 * Instead each instance leases blocks of units from the hour's row in short transactions of their own and hands
 * them out from memory. The leases go over a connection that is not the pool's: a lease must never wait for a
 * connection that its own caller's transaction, or a caller waiting for this lease, is holding.
 * <p>
 * The cap holds across instances and under concurrency: a unit is counted in the database before it is handed
 * out. Where it errs, it errs towards fewer answers: units leased but not used before the hour ends, and units
 * taken by a transaction that then rolls back, are not given back (at most one block per instance and hour,
 * plus the rollbacks). Thread-safe.
 */
public final class SharedHourlyCap {

    /** Blocks of a fiftieth of the cap, between 1 and 50 units: one lease per 50 reports at the default cap. */
    private static final int BLOCKS_PER_CAP = 50;
    private static final int LARGEST_BLOCK = 50;

    private final Jdbi leases;
    private final String key;
    private final int perHour;
    private final int block;

    private Instant hour = Instant.EPOCH;
    private int left;
    private boolean reached;

    /**
     * @param leases a database reached over connections of its own (see the class comment)
     * @param name   the cap's name, hashed with the service's key like every other limit key
     */
    public SharedHourlyCap(Jdbi leases, Pseudonymizer pseudonymizer, String name, int perHour) {
        if (perHour < 0) {
            throw new IllegalArgumentException("an hourly cap must not be negative, was " + perHour);
        }
        this.leases = leases;
        this.key = pseudonymizer.keyedHash("send-limit", name + "\u0000");
        this.perHour = perHour;
        this.block = Math.max(1, Math.min(LARGEST_BLOCK, perHour / BLOCKS_PER_CAP));
    }

    /** Takes one unit of the hour that {@code now} falls in; false once the cap is reached. */
    public synchronized boolean take(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        if (!current.equals(hour)) {
            hour = current;
            left = 0;
            reached = perHour == 0;
        }
        if (left == 0 && !reached) {
            lease();
        }
        if (left == 0) {
            return false;
        }
        left--;
        return true;
    }

    /** Counts a block against the hour's row and keeps the part of it that is still under the cap. */
    private void lease() {
        long total = leases.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO send_limit_window (limit_key, window_start, used) VALUES (:key, :window, :block)
                        ON DUPLICATE KEY UPDATE used = LAST_INSERT_ID(used + :block)""")
                .bind("key", key)
                .bind("window", hour)
                .bind("block", block)
                .executeAndReturnGeneratedKeys()
                .mapTo(Long.class)
                .findFirst()
                .filter(count -> count > 0)
                .orElse((long) block));
        long before = total - block;
        left = (int) Math.max(0, Math.min(block, perHour - before));
        // Once a lease comes back short, the row is at the cap: no later lease of this hour can grant anything.
        reached = left < block;
    }
}
