package org.shahid.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches Shahid from outside while a phase runs: which mail keys have a committed ticket (new rows in
 * processed_mail joined to ticket, polled every few milliseconds) and, from {@link RelayArrivals}, which reporters
 * received their acknowledgement at the relay, each with the instant it was first seen. Called from one thread.
 * <p>
 * Mails commit concurrently, so ticket ids become visible out of order: an id below the highest one seen may still
 * be in flight. Each poll reads from the lowest such hole on, so it returns the mails in flight and the new ones,
 * not a fixed look-back (500 rows a poll, 100 polls a second, took CPU from Shahid that the baseline never paid).
 * A hole that stays empty for {@link #HOLE_EXPIRY_SECONDS} is an id no ticket will take (a rolled-back
 * transaction: a deadlock's retry, a second delivery of the same mail) and is forgotten.
 */
final class CommitWatch {

    static final long HOLE_EXPIRY_SECONDS = 30;
    /** New tickets from an id on, each with its mail's key: by ticket's primary key, then processed_mail's index. */
    static final String POLL = "SELECT p.mail_key, t.id FROM ticket t JOIN processed_mail p ON p.ticket_id = t.id"
            + " WHERE t.id > ? ORDER BY t.id";

    private final Connection database;
    private final RelayArrivals relay;
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    /** Ids below {@link #highestSeen} not seen yet, each with the instant it was first known to be missing. */
    private final TreeMap<Long, Long> holes = new TreeMap<>();
    private long highestSeen;

    private CommitWatch(Connection database, RelayArrivals relay, long highestSeen) {
        this.database = database;
        this.relay = relay;
        this.highestSeen = highestSeen;
    }

    static CommitWatch from(Connection database, RelayArrivals relay) throws SQLException {
        long last;
        try (PreparedStatement query = database.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM ticket");
             ResultSet result = query.executeQuery()) {
            result.next();
            last = result.getLong(1);
        }
        return new CommitWatch(database, relay, last);
    }

    /** Polls the database once; acknowledgements need no polling. */
    void poll() throws SQLException {
        long now = System.nanoTime();
        holes.values().removeIf(missingSince -> now - missingSince > TimeUnit.SECONDS.toNanos(HOLE_EXPIRY_SECONDS));
        long after = pollsAfter();
        try (PreparedStatement query = database.prepareStatement(POLL)) {
            query.setLong(1, after);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    committedAt.putIfAbsent(result.getString(1), now);
                    seen(result.getLong(2), now);
                }
            }
        }
    }

    /** The ticket id the next poll reads after: below the lowest hole, or the highest id seen. */
    long pollsAfter() {
        return holes.isEmpty() ? highestSeen : holes.firstKey() - 1;
    }

    /** Rows come in ascending id order: ids skipped between the highest seen and this one are holes now. */
    private void seen(long ticketId, long now) {
        holes.remove(ticketId);
        for (long missing = highestSeen + 1; missing < ticketId; missing++) {
            holes.put(missing, now);
        }
        highestSeen = Math.max(highestSeen, ticketId);
    }

    Map<String, Long> committedAt() {
        return committedAt;
    }

    /** Recipient → instant its acknowledgement reached the relay (reporters' addresses are unique per phase). */
    Map<String, Long> acknowledgedAt() {
        return relay.firstArrivalNanos();
    }
}
