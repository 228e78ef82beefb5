package org.shahid.bench;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketMessageDao;
import org.shahid.tickets.TicketReference;

/**
 * Lookups with many tickets: bulk-inserts {@code count} tickets with one inbound message each (multi-row INSERTs),
 * then times {@link TicketDao#findByReference} and {@link TicketMessageDao#ticketOfMessageIdHash} (the thread
 * lookup by Message-ID hash) through Shahid's own DAOs, and checks with EXPLAIN that both use an index. Not
 * thread-safe.
 */
final class LookupsAtScale {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int ROWS_PER_INSERT = 2000;

    record Result(int tickets, double insertSeconds, Percentiles byReference, Percentiles byMessageId,
                  String referenceIndex, String messageIdIndex) {
    }

    static Result run(Connection connection, int count) throws Exception {
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        long firstId = nextTicketId(connection);
        try (Statement statement = connection.createStatement()) {
            for (int from = 0; from < count; from += ROWS_PER_INSERT) {
                int to = Math.min(count, from + ROWS_PER_INSERT);
                StringBuilder tickets = new StringBuilder("INSERT INTO ticket (id, reference, kind, mailbox, status,"
                        + " language, reporter_pseudonym, automated, created_at, updated_at) VALUES ");
                StringBuilder messages = new StringBuilder("INSERT INTO ticket_message (ticket_id, direction, subject,"
                        + " body_text, language, automated, message_id_hash, created_at) VALUES ");
                for (int i = from; i < to; i++) {
                    long id = firstId + i;
                    tickets.append(i == from ? "" : ",").append("(").append(id).append(",'").append(reference(i))
                            .append("','REPORT','report','NEW','en','R-BENCH',0,NOW(3),NOW(3))");
                    messages.append(i == from ? "" : ",").append("(").append(id).append(",'IN','bench','','en',0,'")
                            .append(hash(i)).append("',NOW(3))");
                }
                statement.executeUpdate(tickets.toString());
                statement.executeUpdate(messages.toString());
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        Jdbi jdbi = Jdbi.create(() -> new NonClosing(connection).connection());
        TicketDao tickets = new TicketDao();
        TicketMessageDao messages = new TicketMessageDao();
        Random random = new Random(11);
        List<Long> byReference = new ArrayList<>();
        List<Long> byMessageId = new ArrayList<>();
        try (Handle handle = jdbi.open()) {
            for (int i = 0; i < 2000; i++) {
                int pick = random.nextInt(count);
                long t0 = System.nanoTime();
                if (tickets.findByReference(handle, new TicketReference(reference(pick))).isEmpty()) {
                    throw new IllegalStateException("ticket " + pick + " not found by reference");
                }
                long t1 = System.nanoTime();
                if (messages.ticketOfMessageIdHash(handle, hash(pick)).isEmpty()) {
                    throw new IllegalStateException("ticket " + pick + " not found by Message-ID hash");
                }
                long t2 = System.nanoTime();
                if (i >= 200) { // the first lookups warm the JIT and the buffer pool
                    byReference.add((t1 - t0) / 1000);
                    byMessageId.add((t2 - t1) / 1000);
                }
            }
        }
        return new Result(count, insertSeconds, Percentiles.of(byReference), Percentiles.of(byMessageId),
                indexOf(connection, "SELECT * FROM ticket WHERE reference = '" + reference(7) + "'"),
                indexOf(connection, "SELECT ticket_id FROM ticket_message WHERE message_id_hash = '" + hash(7)
                        + "' ORDER BY id LIMIT 1"));
    }

    private static long nextTicketId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM ticket")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String indexOf(Connection connection, String query) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query);
             ResultSet result = explain.executeQuery()) {
            result.next();
            return result.getString("key") + " (" + result.getString("type") + ", rows " + result.getString("rows")
                    + ")";
        }
    }

    /** A well-formed, unique reference for the i-th bench ticket (the real ones are random). */
    static String reference(int index) {
        StringBuilder code = new StringBuilder();
        long value = index;
        for (int i = 0; i < 12; i++) {
            code.append(ALPHABET.charAt((int) (value % 32)));
            value /= 32;
        }
        code.reverse();
        return "SHD-" + code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12);
    }

    private static String hash(int index) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("bench-message-" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Lends Jdbi the bench's connection without letting it close it. */
    private record NonClosing(Connection delegate) {
        Connection connection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) ->
                            method.getName().equals("close") ? null : method.invoke(delegate, args));
        }
    }
}
