package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.TestDatabase;

/**
 * The unseal audit against someone with database access: every TRUNCATE, DELETE, UPDATE or reordering of
 * {@code unseal_audit} or {@code unseal_request} is refused by the database or found by {@code audit verify}; the
 * service's account under the documented grants cannot TRUNCATE, DROP or ALTER at all.
 */
class AuditTamperingTest {

    @TempDir
    Path dataDir;

    private TestDatabase testDatabase;
    private Database database;
    private UnsealAudit audit;
    private long ticketId;

    @BeforeEach
    void chainOfSixEntries() {
        testDatabase = TestDatabase.create();
        database = Database.open(Settings.load(Map.of(), testDatabase.settings()));
        audit = new UnsealAudit(dataDir);
        Jdbi jdbi = database.jdbi();
        ticketId = jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, created_at,
                                            updated_at)
                        VALUES ('SHD-TEST-0001', 'REPORT', 'report', 'NEW', 'en', 'R-0000000000', NOW(3), NOW(3))""")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        for (int request = 0; request < 2; request++) {
            jdbi.useTransaction(handle -> {
                long id = handle.createUpdate("""
                                INSERT INTO unseal_request (ticket_id, requested_by, reason, requested_at)
                                VALUES (:ticket, 'account amal', 'Court order 2026/114, threats at school 12', NOW(3))""")
                        .bind("ticket", ticketId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                audit.append(handle, "account amal", "REQUESTED", ticketId, id,
                        "Court order 2026/114, threats at school 12", null, Instant.now());
                audit.append(handle, "key 0000ABCD share 1", "APPROVED", ticketId, id, null, "share 1 of 3", Instant.now());
                audit.append(handle, "custodians", "REVEALED", ticketId, id, null, "tickets revealed: SHD-TEST-0001",
                        Instant.now());
            });
        }
    }

    @AfterEach
    void drop() {
        database.close();
        testDatabase.close();
    }

    private AuditChainCheck.Result verify() {
        return database.jdbi().withHandle(handle -> new AuditChainCheck().check(handle, audit));
    }

    private void asRoot(String... statements) throws SQLException {
        try (Connection connection = testDatabase.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Test
    void anUntouchedChainHoldsAndItsHeadIsWrittenOutsideTheDatabase() {
        AuditChainCheck.Result result = verify();

        assertThat(result.problems()).isEmpty();
        assertThat(result.entries()).isEqualTo(6);
        assertThat(audit.publishedHead()).get().extracting(UnsealAudit.Head::sequence).isEqualTo(6L);
    }

    @Test
    void eachEntryLogsTheNewHeadAndWritesItToTheHeadFile() throws Exception {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                UnsealAudit.class);
        logger.addAppender(log);
        try {
            database.jdbi().useTransaction(handle -> audit.append(handle, "account basim", "REFUSED", ticketId, null,
                    null, "reason too short", Instant.now()));
        } finally {
            logger.detachAppender(log);
        }
        String head = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT row_hash FROM unseal_audit WHERE chain_seq = 7").mapTo(String.class).one());

        assertThat(log.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .contains("Unseal audit chain head: entry 7 sha256 " + head);
        assertThat(java.nio.file.Files.readString(audit.headFile()).strip()).isEqualTo("7 " + head);
    }

    @Test
    void auditVerifyExitsNonZeroOnATruncatedAuditAndZeroOnAnIntactOne() throws SQLException {
        Map<String, String> environment = new HashMap<>();
        environment.put("SHAHID_DB_URL", testDatabase.url());
        environment.put("SHAHID_DB_USER", testDatabase.user());
        environment.put("SHAHID_DB_PASSWORD", testDatabase.password());
        environment.put("SHAHID_DATA_DIR", dataDir.toString());
        assertThat(auditVerify(environment)).isZero();

        asRoot("TRUNCATE TABLE unseal_audit", "UPDATE unseal_audit_head SET chain_seq = 0, row_hash = REPEAT('0', 64)");

        java.io.StringWriter err = new java.io.StringWriter();
        assertThat(auditVerify(environment, err)).isNotZero();
        assertThat(err.toString()).contains("audit verify: ").contains("the chain ends at 0");
    }

    private static int auditVerify(Map<String, String> environment) {
        return auditVerify(environment, new java.io.StringWriter());
    }

    private static int auditVerify(Map<String, String> environment, java.io.StringWriter err) {
        picocli.CommandLine commandLine = org.shahid.admin.ShahidCommand.commandLine(environment);
        commandLine.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        return commandLine.execute("audit", "verify");
    }

    @Test
    void theDatabaseRefusesUpdateAndDeleteOfAuditRowsAndRequests() {
        assertThatThrownBy(() -> asRoot("UPDATE unseal_audit SET actor = 'nobody'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> asRoot("DELETE FROM unseal_audit")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> asRoot("UPDATE unseal_request SET reason = 'routine check of the system'"))
                .hasMessageContaining("audited steps");
        assertThatThrownBy(() -> asRoot("DELETE FROM unseal_request")).hasMessageContaining("audited steps");
        assertThat(verify().holds()).isTrue();
    }

    @Test
    void aChangedRowIsFoundEvenWithTheTriggerDropped() throws SQLException {
        asRoot("DROP TRIGGER unseal_audit_is_append_only_update",
                "UPDATE unseal_audit SET actor = 'nobody' WHERE chain_seq = 2");

        assertThat(verify().problems()).anyMatch(problem -> problem.contains("entry 2 was changed"));
    }

    @Test
    void aDeletedRowIsFound() throws SQLException {
        asRoot("DROP TRIGGER unseal_audit_is_append_only_delete", "DELETE FROM unseal_audit WHERE chain_seq = 3");

        assertThat(verify().problems()).anyMatch(problem -> problem.contains("missing before entry 4"));
    }

    @Test
    void truncatedLastRowsAreFoundByTheHeadOutsideTheDatabaseEvenWhenTheHeadRowIsReset() throws SQLException {
        String hashOfFour = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT row_hash FROM unseal_audit WHERE chain_seq = 4").mapTo(String.class).one());
        asRoot("DROP TRIGGER unseal_audit_is_append_only_delete", "DELETE FROM unseal_audit WHERE chain_seq > 4",
                "UPDATE unseal_audit_head SET chain_seq = 4, row_hash = '" + hashOfFour + "'");

        assertThat(verify().problems()).anyMatch(problem -> problem.contains("names entry 6, the chain ends at 4"));
    }

    @Test
    void truncateIsFound() throws SQLException {
        asRoot("TRUNCATE TABLE unseal_audit", "UPDATE unseal_audit_head SET chain_seq = 0, row_hash = REPEAT('0', 64)");

        assertThat(verify().problems()).anyMatch(problem -> problem.contains("names entry 6, the chain ends at 0"))
                .anyMatch(problem -> problem.contains("does not match its audited REQUESTED entry"));
    }

    @Test
    void reorderedRowsAreFound() throws SQLException {
        asRoot("DROP TRIGGER unseal_audit_is_append_only_update",
                "UPDATE unseal_audit SET chain_seq = -2 WHERE chain_seq = 2",
                "UPDATE unseal_audit SET chain_seq = 2 WHERE chain_seq = 3",
                "UPDATE unseal_audit SET chain_seq = 3 WHERE chain_seq = -2");

        assertThat(verify().problems()).anyMatch(problem -> problem.contains("out of order")
                || problem.contains("does not follow"));
    }

    @Test
    void aRewrittenRequestIsFound() throws SQLException {
        asRoot("DROP TRIGGER unseal_request_is_append_only_update",
                "UPDATE unseal_request SET reason = 'routine check of the system' WHERE id = 1");

        assertThat(verify().problems()).containsExactly("unseal request 1 does not match its audited REQUESTED entry");
    }

    @Test
    void theServiceAccountOfTheDocumentedGrantsCannotTruncateDropOrAlterAndTheMigrationAccountMigrates()
            throws SQLException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String service = "svc_" + suffix;
        String migrator = "mig_" + suffix;
        String schema = testDatabase.url().substring(testDatabase.url().lastIndexOf('/') + 1);
        // The grants of the README, "Database accounts" (and docs/custodians.md, "Grants").
        asRoot("CREATE USER '" + service + "'@'%' IDENTIFIED BY 'service-pw'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON " + schema + ".* TO '" + service + "'@'%'",
                "CREATE USER '" + migrator + "'@'%' IDENTIFIED BY 'migration-pw'",
                "GRANT ALL PRIVILEGES ON " + schema + ".* TO '" + migrator + "'@'%'");
        try {
            Map<String, String> settings = new HashMap<>(testDatabase.settings());
            settings.put("shahid.db.user", service);
            settings.put("shahid.db.password", "service-pw");
            settings.put("shahid.db.migration-user", migrator);
            settings.put("shahid.db.migration-password", "migration-pw");
            try (Database asService = Database.open(Settings.load(Map.of(), settings));
                 Connection connection = DriverManager.getConnection(testDatabase.url(), service, "service-pw");
                 Statement statement = connection.createStatement()) {
                asService.jdbi().useTransaction(handle -> audit.append(handle, "account amal", "REQUESTED", ticketId,
                        null, "Court order 2026/114, threats at school 12", null, Instant.now()));
                assertThatThrownBy(() -> statement.execute("TRUNCATE TABLE unseal_audit"))
                        .hasMessageContaining("denied");
                assertThatThrownBy(() -> statement.execute("DROP TABLE unseal_audit")).hasMessageContaining("denied");
                assertThatThrownBy(() -> statement.execute("DROP TRIGGER unseal_audit_is_append_only_delete"))
                        .hasMessageContaining("denied");
                assertThatThrownBy(() -> statement.execute("ALTER TABLE unseal_audit DROP COLUMN row_hash"))
                        .hasMessageContaining("denied");
                assertThatThrownBy(() -> statement.execute("DELETE FROM unseal_audit"))
                        .hasMessageContaining("append-only");
            }
            assertThat(verify().problems()).isEmpty();
        } finally {
            asRoot("DROP USER '" + service + "'@'%'", "DROP USER '" + migrator + "'@'%'");
        }
    }
}
