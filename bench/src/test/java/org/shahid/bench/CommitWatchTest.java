package org.shahid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
