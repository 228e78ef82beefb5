package org.shahid.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.PushClient;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * Push intake end to end: an SMTP client in the mail server's place, the real listener, MariaDB and GreenMail. One
 * service for the class (it takes seconds to start); each test counts what its own mail added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushIntakeFlowTest {

    @TempDir
    static Path state;

    private RunningShahid shahid;
    private int port;

    @BeforeAll
    void start() {
        shahid = RunningShahid.prepare(state, Map.of("shahid.push.port", "0", "shahid.limits.message-bytes", "300000"));
        shahid.startService();
        port = shahid.service().push().orElseThrow().port();
    }

    @AfterAll
    void stop() {
        shahid.close();
    }

    @Test
    void answers250OnlyOnceTheTicketIsCommittedAndAcknowledgesTheReporter() throws Exception {
        String reporter = "amal@example.org";
        long tickets = shahid.count("SELECT COUNT(*) FROM ticket WHERE kind = 'REPORT'");
        byte[] raw = TestMails.plain(reporter, RunningShahid.REPORT, "Vote buying", "Cash for votes at school 4.");

        try (PushClient client = PushClient.connect(port)) {
            assertThat(client.send(reporter, List.of(RunningShahid.REPORT), raw)).isEqualTo(250);
        }

        // No waiting: the 250 came after the commit.
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE kind = 'REPORT'")).isEqualTo(tickets + 1);
        assertThat(shahid.awaitReceived(reporter, 1).get(0).getSubject()).containsPattern("\\[SHD-[A-Z0-9-]+\\]");
    }

    @Test
    void takesInfoMailAsAComment() throws Exception {
        String reporter = "badr@example.org";
        long comments = shahid.count("SELECT COUNT(*) FROM ticket WHERE kind = 'COMMENT'");
        byte[] raw = TestMails.plain(reporter, RunningShahid.INFO, "A suggestion", "Please publish the counts.");

        try (PushClient client = PushClient.connect(port)) {
            assertThat(client.send(reporter, List.of(RunningShahid.INFO), raw)).isEqualTo(250);
        }

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE kind = 'COMMENT'")).isEqualTo(comments + 1);
    }

    @Test
    void refusesEveryOtherRecipientAndStoresNothing() throws Exception {
        String reporter = "chiya@example.org";
        long processed = shahid.count("SELECT COUNT(*) FROM processed_mail");
        byte[] raw = TestMails.plain(reporter, "someone@elsewhere.test", "Hello", "Not for Shahid.");

        try (PushClient client = PushClient.connect(port)) {
            assertThat(client.send(reporter, List.of("someone@elsewhere.test"), raw)).isEqualTo(550);
            assertThat(client.send(reporter, List.of("monitors@shahid.test"), raw)).isEqualTo(550);
        }

        assertThat(shahid.count("SELECT COUNT(*) FROM processed_mail")).isEqualTo(processed);
    }

    @Test
    void refusesForGoodAMailLargerThanTheLimit() throws Exception {
        String reporter = "farhad@example.org";
        long processed = shahid.count("SELECT COUNT(*) FROM processed_mail");
        byte[] raw = TestMails.plain(reporter, RunningShahid.REPORT, "Long story", "word ".repeat(80_000));

        try (PushClient client = PushClient.connect(port)) {
            assertThat(client.send(reporter, List.of(RunningShahid.REPORT), raw)).isEqualTo(552);
        }

        assertThat(shahid.count("SELECT COUNT(*) FROM processed_mail")).isEqualTo(processed);
    }

    @Test
    void answers451WhenTheMailCannotBeStoredAndTakesTheResend() throws Exception {
        String reporter = "dilan@example.org";
        long tickets = shahid.count("SELECT COUNT(*) FROM ticket");
        byte[] raw = TestMails.plain(reporter, RunningShahid.REPORT, "Ballot stuffing", "Seen at station 9.");
        execute("RENAME TABLE processed_mail TO processed_mail_away");

        try (PushClient client = PushClient.connect(port)) {
            assertThat(client.send(reporter, List.of(RunningShahid.REPORT), raw)).isEqualTo(451);
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(tickets);

            execute("RENAME TABLE processed_mail_away TO processed_mail");
            assertThat(client.send(reporter, List.of(RunningShahid.REPORT), raw)).isEqualTo(250);
        }

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(tickets + 1);
    }

    @Test
    void opensOneTicketWhenTheSameMailArrivesPushedAndInTheMailbox() throws Exception {
        String reporter = "evin@example.org";
        long tickets = shahid.count("SELECT COUNT(*) FROM ticket");
        long processed = shahid.count("SELECT COUNT(*) FROM processed_mail");
        byte[] raw = TestMails.plain(reporter, RunningShahid.REPORT, "Intimidation", "Men at the gate of station 2.");

        try (PushClient client = PushClient.connect(port)) {
            assertThat(client.send(reporter, List.of(RunningShahid.REPORT), raw)).isEqualTo(250);
            assertThat(client.send(reporter, List.of(RunningShahid.REPORT), raw)).isEqualTo(250);
        }
        shahid.deliverRaw(RunningShahid.REPORT, raw);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> shahid.folderState(RunningShahid.REPORT, "INBOX").contains("seen: Intimidation"));
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(tickets + 1);
        assertThat(shahid.count("SELECT COUNT(*) FROM processed_mail")).isEqualTo(processed + 1);
    }

    private void execute(String sql) throws java.sql.SQLException {
        try (java.sql.Connection connection = shahid.database().connect();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
