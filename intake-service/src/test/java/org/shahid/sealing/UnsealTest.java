package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.AdminCli;
import org.shahid.testing.AdminCli.Run;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** Two-person, audited unsealing through the jar's own verbs, against the real MariaDB. */
class UnsealTest {

    private static final String REPORTER = "noor.jabbar@example.org";
    private static final String REASON = "Court order 2026/114 of the Baghdad Karkh court, case of threats";

    @TempDir
    static Path state;

    private static RunningShahid shahid;
    private static String reference;

    @BeforeAll
    static void reportOnce() {
        shahid = RunningShahid.start(state);
        shahid.deliverRaw(REPORT, TestMails.plain("Noor Jabbar <" + REPORTER + ">", REPORT, "Threats",
                "The candidate's guards threatened voters at the entrance."));
        shahid.awaitReceived(REPORTER, 1);
        reference = shahid.text("SELECT reference FROM ticket");
        shahid.stopService();
    }

    @AfterAll
    static void stop() {
        shahid.close();
    }

    private static Run run(String... args) {
        return AdminCli.run(shahid, args);
    }

    private static long requestId(Run run) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("unseal request (\\d+) recorded").matcher(run.out());
        assertThat(id.find()).as(run.out() + run.err()).isTrue();
        return Long.parseLong(id.group(1));
    }

    @Test
    void refusesARequestWithoutAReasonOrWithAnEmptyOne() {
        Run missing = run("unseal", "request", reference, "--by", "amal");
        Run tooShort = run("unseal", "request", reference, "--by", "amal", "--reason", "check");

        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("--reason");
        assertThat(tooShort.exit()).isEqualTo(1);
        assertThat(tooShort.err()).contains("reason of at least 20 characters");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_request WHERE reason = 'check'")).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE action = 'REFUSED' AND actor = 'amal'"
                + " AND reason = 'check'")).isEqualTo(1);
    }

    @Test
    void refusesApprovalByTheRequesterEvenInAnotherCase() {
        long id = requestId(run("unseal", "request", reference, "--by", "basim", "--reason", REASON));

        Run self = run("unseal", "approve", String.valueOf(id), "--by", "Basim");

        assertThat(self.exit()).isEqualTo(1);
        assertThat(self.err()).contains("cannot approve their own request");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_request WHERE id = " + id + " AND approved_by IS NULL"))
                .isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE action = 'REFUSED' AND request_id = " + id))
                .isEqualTo(1);
    }

    @Test
    void showsNothingWithoutApproval() {
        long id = requestId(run("unseal", "request", reference, "--by", "dalia", "--reason", REASON));

        Run show = run("unseal", "show", String.valueOf(id), "--by", "dalia");

        assertThat(show.exit()).isEqualTo(1);
        assertThat(show.err()).contains("not approved");
        assertThat(show.out() + show.err()).doesNotContain(REPORTER).doesNotContain("Noor");
    }

    @Test
    void revealsToTheRequesterOnlyAfterASecondAdminApprovesAndAuditsEveryStep() {
        long id = requestId(run("unseal", "request", reference, "--by", "farah", "--reason", REASON));
        assertThat(run("unseal", "approve", String.valueOf(id), "--by", "ghassan").exit()).isZero();

        Run stranger = run("unseal", "show", String.valueOf(id), "--by", "ghassan");
        Run requester = run("unseal", "show", String.valueOf(id), "--by", "farah", "--headers");
        Run again = run("unseal", "show", String.valueOf(id), "--by", "farah");
        Run audit = run("audit", "--ticket", reference);

        assertThat(stranger.exit()).isEqualTo(1);
        assertThat(stranger.out()).doesNotContain(REPORTER);
        assertThat(requester.exit()).isZero();
        assertThat(requester.out()).contains("Noor Jabbar <" + REPORTER + ">").contains("Message-ID:");
        assertThat(again.out()).contains(REPORTER);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE request_id = " + id + " AND action = 'REVEALED'"
                + " AND actor = 'farah'")).isEqualTo(2);
        assertThat(audit.exit()).isZero();
        assertThat(audit.out()).contains("farah").contains("REQUESTED").contains(REASON).contains("ghassan")
                .contains("APPROVED").contains("REVEALED").contains(reference).doesNotContain(REPORTER);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRows() throws SQLException {
        run("unseal", "request", reference, "--by", "hadi", "--reason", REASON);

        try (Connection connection = shahid.database().connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE unseal_audit SET actor = 'nobody'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM unseal_audit"))
                    .hasMessageContaining("append-only");
        }
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE actor = 'hadi'")).isEqualTo(1);
    }
}
