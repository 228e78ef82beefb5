package org.shahid.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.ShahidService;
import org.shahid.testing.RunningShahid;

/**
 * A mail over the size limit, end to end: its text becomes a ticket, each part it was not fetched for is recorded,
 * the reporter gets one acknowledgement naming those files, and the mail waits in the quarantine folder. A proxy
 * between Shahid and GreenMail's IMAP counts what the server sent, so the test sees the videos were not downloaded.
 */
class OversizedMailFlowTest {

    private static final String REPORTER = "camera.phone@example.org";
    private static final int VIDEO_BYTES = 17_000_000;

    @TempDir
    Path state;

    private RunningShahid shahid;
    private ByteCountingProxy proxy;
    private ShahidService service;

    @BeforeEach
    void start() throws Exception {
        shahid = RunningShahid.prepare(state, Map.of());
        proxy = ByteCountingProxy.to("127.0.0.1", shahid.mail().getImap().getPort());
        service = ShahidService.start(shahid.settings().with(Map.of("shahid.imap.port", String.valueOf(proxy.port()))),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            service.close();
            proxy.close();
        } finally {
            shahid.close();
        }
    }

    @Test
    void aMailOverTheLimitOpensATicketFromItsTextAndNamesTheFilesLeftBehind() throws Exception {
        byte[] raw = mailWithTwoVideos();
        assertThat(raw.length).isGreaterThan(45_000_000);
        long before = proxy.bytesFromServer();
        shahid.mail().getUserManager().getUser(REPORT).deliver(new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));

        MimeMessage acknowledgement = shahid.awaitReceived(REPORTER, 1).get(0);
        String reference = shahid.text("SELECT reference FROM ticket");
        String text = ReporterMailText.of(acknowledgement);
        assertThat(acknowledgement.getSubject()).startsWith("[" + reference + "]");
        assertThat(text).contains("polling-station-1.mp4 (video/mp4, 16.2 MB)")
                .contains("polling-station-2.mp4 (video/mp4, 16.2 MB)").contains("separate reply");
        assertThat(shahid.text("SELECT body_text FROM ticket_message WHERE direction = 'IN'"))
                .contains("ballot boxes were carried out of the school");
        assertThat(shahid.count("SELECT COUNT(*) FROM attachment WHERE NOT kept AND sha256 IS NULL"
                + " AND declared_type = 'video/mp4' AND note LIKE 'not fetched%'")).isEqualTo(2);
        assertThat(shahid.count("SELECT SUM(size_bytes) FROM attachment")).isBetween(2L * 16_900_000, 2L * 17_100_000);
        assertThat(shahid.text("SELECT GROUP_CONCAT(file_name ORDER BY id) FROM attachment"))
                .isEqualTo("polling-station-1.mp4,polling-station-2.mp4");
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine WHERE status = 'HELD' AND sealed_raw IS NULL", 1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> shahid.folderState(REPORT, "Quarantine").size() == 1);
        assertThat(shahid.folderState(REPORT, "INBOX")).isEmpty();
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(1);
        assertThat(shahid.received(REPORTER)).hasSize(1);
        // The videos (34 MB encoded) never crossed the wire; the text, headers and structure are a few KB.
        assertThat(proxy.bytesFromServer() - before).isLessThan(1_000_000);
    }

    private static byte[] mailWithTwoVideos() {
        Random random = new Random(17);
        StringBuilder mail = new StringBuilder("From: Camera Phone <" + REPORTER + ">\r\nTo: " + REPORT
                + "\r\nSubject: Ballot boxes\r\nMessage-ID: <big-1@phone.example.org>\r\n"
                + "Date: Sat, 28 Nov 2026 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "At 4 pm two men in uniform came in and the ballot boxes were carried out of the school.\r\n"
                + "I filmed it, the videos are attached.\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(46_000_000);
        out.writeBytes(mail.toString().getBytes(StandardCharsets.UTF_8));
        for (int video = 1; video <= 2; video++) {
            byte[] content = new byte[VIDEO_BYTES];
            random.nextBytes(content);
            out.writeBytes(("--b1\r\nContent-Type: video/mp4; name=\"polling-station-" + video + ".mp4\"\r\n"
                    + "Content-Disposition: attachment; filename=\"polling-station-" + video + ".mp4\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(Base64.getMimeEncoder().encode(content));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("--b1--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
