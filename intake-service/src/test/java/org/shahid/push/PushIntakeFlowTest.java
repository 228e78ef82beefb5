package org.shahid.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.MailText;
import org.shahid.testing.PushClient;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * Push intake end to end: an SMTP client in the mail server's place, the real listener, MariaDB and GreenMail. One
 * service for the class (it takes seconds to start); each test counts what its own mail added. The mails over the
 * message limit are generated as they are sent, so neither side of the test holds one whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushIntakeFlowTest {

    /** Above the message limit (40 MB, the default), so that a 45 MB mail is taken and a 50 MB one refused. */
    private static final long HARD_CAP = 48_000_000;

    @TempDir
    static Path state;

    private RunningShahid shahid;
    private int port;

    @BeforeAll
    void start() {
        shahid = RunningShahid.prepare(state, Map.of("shahid.push.port", "0",
                "shahid.push.max-oversized-bytes", String.valueOf(HARD_CAP)));
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
    void answersAMailOverTheLimitFromItsTextOnceEvenWhenTheMailServerSendsItAgain() throws Exception {
        String reporter = "camera.phone@example.org";
        long tickets = shahid.count("SELECT COUNT(*) FROM ticket");

        assertThat(pushToReport(reporter, mailWithTwoVideos(reporter, 22_500_000))).isEqualTo(250);
        // The mail server lost the 250 (a broken connection) and sends the same mail again in a new session.
        assertThat(pushToReport(reporter, mailWithTwoVideos(reporter, 22_500_000))).isEqualTo(250);

        // No waiting: each 250 came after the commit.
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(tickets + 1);
        long ticket = shahid.count("SELECT MAX(id) FROM ticket");
        assertThat(shahid.text("SELECT body_text FROM ticket_message WHERE direction = 'IN' AND ticket_id = " + ticket))
                .contains("the ballot boxes were carried out of the school");
        assertThat(shahid.text("SELECT GROUP_CONCAT(CONCAT_WS('|', file_name, declared_type, kept) ORDER BY id)"
                + " FROM attachment WHERE sha256 IS NULL AND note LIKE 'not kept%' AND ticket_id = " + ticket))
                .isEqualTo("polling-station-1.mp4|video/mp4|0,polling-station-2.mp4|video/mp4|0");
        // 22.5 MB of base64 each: the files the reporter sent were about 16.4 MB.
        assertThat(shahid.count("SELECT MIN(size_bytes) FROM attachment WHERE ticket_id = " + ticket))
                .isBetween(16_300_000L, 16_500_000L);
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT' AND ticket_id = "
                + ticket)).isEqualTo(1);
        MimeMessage acknowledgement = shahid.awaitReceived(reporter, 1).get(0);
        assertThat(MailText.of(acknowledgement)).contains("polling-station-1.mp4 (video/mp4")
                .contains("polling-station-2.mp4 (video/mp4");
        String pushedEntries = " FROM quarantine WHERE reason LIKE '%pushed over SMTP%'";
        assertThat(shahid.count("SELECT COUNT(*)" + pushedEntries)).isEqualTo(1);
        assertThat(shahid.text("SELECT CONCAT_WS('|', status, IFNULL(sealed_raw, 'nothing kept'), reason)"
                + pushedEntries)).startsWith("HELD|nothing kept|larger than the limit of 41943040 bytes")
                .contains("the original were not kept");
        assertThat(filesInWorkFolder()).isEmpty();
        assertThat(shahid.received(reporter)).hasSize(1);
    }

    @Test
    void refusesForGoodAMailOverTheHardCap() throws Exception {
        String reporter = "long.video@example.org";
        long processed = shahid.count("SELECT COUNT(*) FROM processed_mail");

        assertThat(pushToReport(reporter, mailWithTwoVideos(reporter, 25_000_000))).isEqualTo(552);

        assertThat(shahid.count("SELECT COUNT(*) FROM processed_mail")).isEqualTo(processed);
        assertThat(filesInWorkFolder()).isEmpty();
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

    private int pushToReport(String reporter, InputStream mail) throws IOException {
        try (PushClient client = PushClient.connect(port)) {
            return client.send(reporter, List.of(RunningShahid.REPORT), mail);
        }
    }

    private List<Path> filesInWorkFolder() throws IOException {
        Path work = state.resolve("data/work");
        if (!Files.exists(work)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** A phone's mail: a short text and two "videos" of {@code encodedBytesEach} of base64, generated as read. */
    private static InputStream mailWithTwoVideos(String reporter, long encodedBytesEach) {
        List<InputStream> pieces = new ArrayList<>();
        pieces.add(ascii("From: Camera Phone <" + reporter + ">\r\nTo: " + RunningShahid.REPORT
                + "\r\nSubject: Ballot boxes\r\nMessage-ID: <big-" + encodedBytesEach + "@phone.example.org>\r\n"
                + "Date: Sat, 28 Nov 2026 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "At 4 pm two men in uniform came in and the ballot boxes were carried out of the school.\r\n"
                + "I filmed it, the videos are attached.\r\n"));
        for (int video = 1; video <= 2; video++) {
            pieces.add(ascii("--b1\r\nContent-Type: video/mp4; name=\"polling-station-" + video + ".mp4\"\r\n"
                    + "Content-Disposition: attachment; filename=\"polling-station-" + video + ".mp4\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n"));
            pieces.add(base64Lines(encodedBytesEach));
        }
        pieces.add(ascii("--b1--\r\n"));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    private static InputStream ascii(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** About {@code bytes} of base64 lines (76 characters and CRLF), made up as they are read. */
    private static InputStream base64Lines(long bytes) {
        byte[] line = ("QUJD".repeat(19) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long left = bytes / line.length * line.length;
            private int at;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                int next = line[at];
                at = (at + 1) % line.length;
                return next;
            }
        };
    }
}
