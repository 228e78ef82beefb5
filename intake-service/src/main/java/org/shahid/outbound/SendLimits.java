package org.shahid.outbound;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.shahid.sealing.Pseudonymizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly counters for rate limits that hold under concurrency: {@link #take} increments the counter of this hour
 * with {@code INSERT … ON DUPLICATE KEY UPDATE} inside the caller's transaction, which locks the row until commit
 * and returns the new count; concurrent transactions queue on that row, so no two of them can both see room for the
 * last unit. Windows are fixed clock hours (a burst at a boundary may see up to twice the limit
 * within sixty minutes, never more than the limit within one window). Keys are keyed hashes. Thread-safe.
 */
public final class SendLimits {

    private static final Logger LOG = LoggerFactory.getLogger(SendLimits.class);
    /** Sweeps run beside the takes; a thread lives only while there is a sweep to run. */
    private static final ExecutorService SWEEPER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "shahid-limit-sweep");
        thread.setDaemon(true);
        return thread;
    });

    private final Pseudonymizer pseudonymizer;
    private final Jdbi sweeps;
    /** The hour before which this instance last dropped the windows of every key. */
    private final AtomicReference<Instant> sweptBefore = new AtomicReference<>(Instant.EPOCH);

    /**
     * @param sweeps the database, for dropping the windows of earlier hours outside the caller's transaction
     */
    public SendLimits(Pseudonymizer pseudonymizer, Jdbi sweeps) {
        this.pseudonymizer = pseudonymizer;
        this.sweeps = sweeps;
    }

    /**
     * Takes one unit of limit {@code name} for {@code subject} (a sender key, or "" for a global cap); true when it
     * was within {@code perHour}. A refused take still counts, which only keeps a flood refused.
     */
    public boolean take(Handle handle, String name, String subject, int perHour, Instant now) {
        String key = keyOf(name, subject);
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        // One statement: the update hands the new count back as the connection's insert id (LAST_INSERT_ID(expr)),
        // read under the row lock the statement took; a fresh row has no insert id and a count of 1.
        long used = handle.createUpdate("""
                        INSERT INTO send_limit_window (limit_key, window_start, used) VALUES (:key, :window, 1)
                        ON DUPLICATE KEY UPDATE used = LAST_INSERT_ID(used + 1)""")
                .bind("key", key)
                .bind("window", window)
                .executeAndReturnGeneratedKeys()
                .mapTo(Long.class)
                .findFirst()
                .filter(count -> count > 0)
                .orElse(1L);
        dropEarlierHours(window);
        return used <= perHour;
    }

    /**
     * This hour's count of limit {@code name} for {@code subject}, without taking a unit: the row is made if need be
     * and locked (an upsert takes its row lock, the locking read sees the newest count), so that a caller that
     * decides on the count and then {@link #take}s a unit cannot be overtaken by a concurrent one.
     */
    public int lockedCount(Handle handle, String name, String subject, Instant now) {
        String key = keyOf(name, subject);
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        handle.createUpdate("""
                        INSERT INTO send_limit_window (limit_key, window_start, used) VALUES (:key, :window, 0)
                        ON DUPLICATE KEY UPDATE used = used""")
                .bind("key", key).bind("window", window).execute();
        return handle.createQuery("""
                        SELECT used FROM send_limit_window WHERE limit_key = :key AND window_start = :window
                        FOR UPDATE""")
                .bind("key", key).bind("window", window).mapTo(Integer.class).one();
    }

    private String keyOf(String name, String subject) {
        return pseudonymizer.keyedHash("send-limit", name + "\u0000" + subject);
    }

    /**
     * Earlier hours are of no further use: dropped for every key at once, on the first take of each hour (one
     * statement an hour instead of one for each new sender). Neither in the caller's transaction (the DELETE scans
     * the table, and its locks, held until that transaction committed, made every other take wait) nor on the
     * caller's thread (it would wait for the rows the caller's own transaction has locked, while the caller waits
     * for it): on a thread of its own, once those transactions have committed, in READ COMMITTED so that it locks
     * only the rows it deletes.
     */
    private void dropEarlierHours(Instant window) {
        Instant swept = sweptBefore.get();
        if (window.isAfter(swept) && sweptBefore.compareAndSet(swept, window)) {
            SWEEPER.execute(() -> {
                try {
                    sweeps.useHandle(handle -> {
                        handle.setTransactionIsolationLevel(TransactionIsolationLevel.READ_COMMITTED);
                        handle.createUpdate("DELETE FROM send_limit_window WHERE window_start < :window")
                                .bind("window", window)
                                .execute();
                    });
                } catch (RuntimeException e) {
                    // Harmless: only the current hour is ever read, and the next hour's first take sweeps again.
                    LOG.warn("Could not drop the send limits of earlier hours: {}", e.getClass().getSimpleName());
                }
            });
        }
    }
}
