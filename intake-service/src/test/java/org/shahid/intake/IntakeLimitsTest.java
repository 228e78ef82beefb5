package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** Limits from configuration: what exceeds them is recorded, never silently dropped. */
class IntakeLimitsTest {

    @TempDir
    Path state;

    @Test
    void answersAMailOverTheSizeLimitFromItsTextAndKeepsItInQuarantine() throws Exception {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.limits.message-bytes", "4000"))) {
            shahid.startService();
            shahid.deliverRaw(REPORT, TestMails.withAttachment("big@example.org", REPORT, "Video", "see file",
                    StandardCharsets.UTF_8, "clip.bin", "application/octet-stream", new byte[20_000]));
            shahid.deliverRaw(REPORT, TestMails.plain("small@example.org", REPORT, "Small", "fits"));

            shahid.awaitCount("SELECT COUNT(*) FROM quarantine", 1);
            shahid.awaitReceived("small@example.org", 1);

            assertThat(shahid.text("SELECT reason FROM quarantine")).startsWith("larger than the limit of 4000 bytes");
            assertThat(shahid.text("SELECT IFNULL(sealed_raw, 'not fetched') FROM quarantine")).isEqualTo("not fetched");
            await().atMost(Duration.ofSeconds(10)).until(() -> shahid.folderState(REPORT, "Quarantine").size() == 1);
            // Its text opened a ticket of its own and the sender heard which file did not arrive.
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(2);
            assertThat(shahid.awaitReceived("big@example.org", 1).get(0).getSubject()).startsWith("[SHD-");
            assertThat(shahid.text("SELECT CONCAT_WS('|', file_name, kept) FROM attachment")).isEqualTo("clip.bin|0");
        }
    }

    /**
     * A phone that labels a text part with a transfer encoding nobody knows: that part cannot be read without
     * fetching it whole, so it is listed as a file left on the server, and the rest of the mail still opens a ticket
     * and is answered.
     */
    @Test
    void answersAMailOverTheSizeLimitWhoseTextPartCannotBeDecoded() throws Exception {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.limits.message-bytes", "4000"))) {
            shahid.startService();
            String mail = "From: big@example.org\r\nTo: " + REPORT + "\r\nSubject: Video\r\n"
                    + "Message-ID: <odd-encoding@phone.example.org>\r\nDate: Sat, 28 Nov 2026 10:00:00 +0300\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                    + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nMen carried the ballot box out.\r\n"
                    + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: x-phone-pack\r\n"
                    + "\r\nQUJDREVGRw==\r\n"
                    + "--b1\r\nContent-Type: application/octet-stream; name=\"clip.bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n" + "A".repeat(8_000) + "\r\n--b1--\r\n";
            shahid.deliverRaw(REPORT, mail.getBytes(StandardCharsets.US_ASCII));

            assertThat(shahid.awaitReceived("big@example.org", 1).get(0).getSubject()).startsWith("[SHD-");
            assertThat(shahid.text("SELECT body_text FROM ticket_message")).contains("ballot box");
            assertThat(shahid.text("SELECT GROUP_CONCAT(CONCAT_WS('|', declared_type, kept) ORDER BY id)"
                    + " FROM attachment")).isEqualTo("text/plain|0,application/octet-stream|0");
            await().atMost(Duration.ofSeconds(10)).until(() -> shahid.folderState(REPORT, "Quarantine").size() == 1);
        }
    }

    @Test
    void recordsAnAttachmentOverTheLimitWithoutKeepingIt() {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.limits.attachment-bytes", "1000"))) {
            shahid.startService();
            // Not from photo@: the sender's local part is redacted from file names like any name of theirs.
            shahid.deliverRaw(REPORT, TestMails.withAttachment("witness@example.org", REPORT, "Photo", "see photo",
                    StandardCharsets.UTF_8, "photo.jpg", "image/jpeg", new byte[5_000]));

            shahid.awaitReceived("witness@example.org", 1);

            assertThat(shahid.text("SELECT CONCAT_WS('|', file_name, size_bytes, kept, IFNULL(sha256, '-')) FROM attachment"))
                    .isEqualTo("photo.jpg|5000|0|-");
            assertThat(shahid.text("SELECT note FROM attachment")).contains("exceeds the attachment size limit");
        }
    }
}
