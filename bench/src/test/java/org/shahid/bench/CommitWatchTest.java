package org.shahid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.TestDatabase;

/**
 * The bench's watch sees a ticket whose transaction commits after tickets with higher ids, and its polls read from
 * the lowest id still in flight, not a fixed look-back. Real MariaDB, two connections committing out of order.
 */
class CommitWatchTest {

    private static TestDatabase database;

    @BeforeAll
    static void schema() throws SQLException {
        database = TestDatabase.create();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ticket (id BIGINT AUTO_INCREMENT PRIMARY KEY) ENGINE = InnoDB");
            statement.execute("CREATE TABLE processed_mail (mail_key CHAR(64) PRIMARY KEY, ticket_id BIGINT)"
                    + " ENGINE = InnoDB");
        }
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void aTicketCommittedAfterHigherOnesIsSeenAndPollsThenReadOnlyNewRows() throws SQLException {
        try (Connection watching = database.connect(); Connection slow = database.connect();
             Connection fast = database.connect()) {
            CommitWatch watch = CommitWatch.from(watching, null);
            long before = watch.pollsAfter();

            slow.setAutoCommit(false);
            long slowTicket = openTicket(slow, "slow");
            long fastTicket = openTicket(fast, "fast");
            watch.poll();

            assertThat(fastTicket).isGreaterThan(slowTicket);
            assertThat(watch.committedAt()).containsOnlyKeys("fast");
            assertThat(watch.pollsAfter()).isEqualTo(before).isLessThan(slowTicket);

            slow.commit();
            watch.poll();

            assertThat(watch.committedAt()).containsOnlyKeys("fast", "slow");
            assertThat(watch.pollsAfter()).isEqualTo(fastTicket);
        }
    }

    /**
     * On Shahid's own schema the watch's join reads each new ticket's mail by index: a poll that read the whole of
     * processed_mail (as before V26) spent MariaDB's CPU on every poll, growing with the table, during the very
     * phase it timed.
     */
    @Test
    void pollsReadTheMailsOfNewTicketsByIndexOnShahidsSchema() throws SQLException {
        try (TestDatabase shahid = TestDatabase.create()) {
            Database.open(Settings.load(Map.of(), shahid.settings())).close();
            try (Connection connection = shahid.connect(); Statement statement = connection.createStatement();
                 ResultSet plan = statement.executeQuery("EXPLAIN " + CommitWatch.POLL.replace("?", "0"))) {
                Map<String, String> typeByTable = new HashMap<>();
                Map<String, String> keyByTable = new HashMap<>();
                while (plan.next()) {
                    typeByTable.put(plan.getString("table"), plan.getString("type"));
                    keyByTable.put(plan.getString("table"), plan.getString("key"));
                }
                assertThat(typeByTable).containsEntry("t", "range").containsEntry("p", "ref");
                assertThat(keyByTable).containsEntry("t", "PRIMARY").containsEntry("p", "ix_processed_ticket");
            }
        }
    }

    private static long openTicket(Connection connection, String mailKey) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO ticket () VALUES ()", Statement.RETURN_GENERATED_KEYS);
            long id;
            try (var keys = statement.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            statement.executeUpdate("INSERT INTO processed_mail (mail_key, ticket_id) VALUES ('" + mailKey + "', "
                    + id + ")");
            return id;
        }
    }
}
