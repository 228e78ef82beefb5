package org.shahid.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches Shahid from outside while a phase runs: which mail keys have a committed ticket (new rows in
 * processed_mail joined to ticket, polled every few milliseconds) and, from {@link RelayArrivals}, which reporters
 * received their acknowledgement at the relay, each with the instant it was first seen. Called from one thread.
 */
final class CommitWatch {

    private final Connection database;
    private final RelayArrivals relay;
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private long lastTicketId;

    CommitWatch(Connection database, RelayArrivals relay, long lastTicketId) {
        this.database = database;
        this.relay = relay;
        this.lastTicketId = lastTicketId;
        this.startTicketId = lastTicketId;
    }

    private static final long IN_FLIGHT_WINDOW = 500;
    private final long startTicketId;

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
        try (PreparedStatement query = database.prepareStatement(
                "SELECT p.mail_key, t.id FROM ticket t JOIN processed_mail p ON p.ticket_id = t.id WHERE t.id > ?")) {
            // Mails commit concurrently, so ticket ids become visible out of order: look back over the ids that
            // may still have been in flight at the last poll (far more than intake's workers and lookahead).
            query.setLong(1, Math.max(startTicketId, lastTicketId - IN_FLIGHT_WINDOW));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    committedAt.putIfAbsent(result.getString(1), now);
                    lastTicketId = Math.max(lastTicketId, result.getLong(2));
                }
            }
        }
    }

    Map<String, Long> committedAt() {
        return committedAt;
    }

    /** Recipient → instant its acknowledgement reached the relay (reporters' addresses are unique per phase). */
    Map<String, Long> acknowledgedAt() {
        return relay.firstArrivalNanos();
    }
}
