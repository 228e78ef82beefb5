package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shahid.testing.MailParts.attachments;
import static org.shahid.testing.MailParts.bytes;
import static org.shahid.testing.MailParts.textOf;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * Evidence on request, end to end through GreenMail and MariaDB: a file flagged hostile travels only when a monitor
 * asks for it by number with {@code hostile} (never an executable), and an Arabic-first monitor's notification,
 * requested evidence and an Arabic platform's escalation carry none of the English wording.
 */
class EvidenceOnRequestFlowTest {

    private static final String MONITORS = RunningShahid.MONITORS;
    private static final String MONITOR1 = "monitor1@shahid.test";
    /** The English sentences of the delivery line, the evidence mail and the escalation. */
    private static final List<String> ENGLISH = List.of("attached as", "not attached", "reply #evidence", "bytes",
            "larger than a mail", "flagged", "Scrubbed evidence of", "as asked by", "Evidence 1 of",
            "To the trusted-partner team", "Posts:", "Attached:", "Further scrubbed copies", "Please answer",
            "Trusted-partner report");

    @TempDir
    Path state;

    private RunningShahid shahid;
    private int replies;

    private void start(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("shahid.evidence.timeout", "30s");
        shahid = RunningShahid.prepare(state, all);
        shahid.startService();
    }

    @AfterEach
    void stop() {
        if (shahid != null) {
            shahid.close();
        }
    }

    private MimeMessage report(List<TestMails.File> files) throws Exception {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.withFiles("witness@example.org", RunningShahid.REPORT,
                "Evidence of vote buying", "Files attached; the post is"
                        + " https://www.facebook.com/sample.unity.party/posts/1", files));
        // examining three files (OCR included) in a cold worker takes a while on a busy machine
        await().atMost(Duration.ofSeconds(120)).until(() -> !shahid.received(MONITOR1).isEmpty());
        return shahid.awaitReceived(MONITOR1, 1).get(0);
    }

    private void reply(MimeMessage notification, String command) throws Exception {
        shahid.deliverRaw(MONITORS, TestMails.plain(MONITOR1, notification.getReplyTo()[0].toString(),
                "Re: " + notification.getSubject(), command + "\n"));
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit", ++replies);
    }

    /** The command problems Shahid answers a reply with. */
    private String problemsAnswering(MimeMessage notification, String command) throws Exception {
        reply(notification, command);
        return shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_COMMAND_PROBLEMS' ORDER BY id DESC"
                + " LIMIT 1");
    }

    /** Flags the report's file as the examiner would have. */
    private void flagTheFile(String flags) throws Exception {
        try (var connection = shahid.database().connect(); var statement = connection.prepareStatement(
                "UPDATE attachment SET flags = ?")) {
            statement.setString(1, flags);
            statement.executeUpdate();
        }
    }

    private long evidenceMails() {
        return shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_EVIDENCE'");
    }

    @Test
    void aFileFlaggedHostileTravelsOnlyWhenAskedForByNameAndNeverAsAnExecutable() throws Exception {
        start(Map.of());
        MimeMessage notification = report(List.of(new TestMails.File("IMG_0042.jpg", "image/jpeg",
                EvidenceFixtures.jpegWithGps())));
        assertThat(attachments(notification)).hasSize(1);
        // as the examiner flags a file whose copy could be made but whose archive looked like a bomb
        flagTheFile("zip-bomb");

        assertThat(problemsAnswering(notification, "#evidence 1")).contains("#evidence 1: file 1 flagged zip-bomb:"
                + " its scrubbed copy is sent only when asked for by name (#evidence N hostile)");
        assertThat(problemsAnswering(notification, "#evidence all"))
                .contains("#evidence all: the ticket has no scrubbed copy that can be mailed");
        assertThat(evidenceMails()).isZero();

        reply(notification, "#evidence 1 hostile");
        assertThat(evidenceMails()).isEqualTo(1);
        MimeMessage evidence = shahid.awaitReceived(MONITOR1, 2 + 2).stream()
                .filter(mail -> subjectOf(mail).contains("Evidence 1 of 1")).findFirst().orElseThrow();
        List<Part> files = attachments(evidence);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName()).matches("image-[0-9a-f]{8}\\.jpg");
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes(files.get(0))))).isNotNull();
        assertThat(bytes(files.get(0))).isNotEqualTo(EvidenceFixtures.jpegWithGps());
        assertThat(textOf(evidence)).contains("Flagged zip-bomb: sent because you asked for it");
        assertThat(shahid.text("SELECT detail FROM ticket_event WHERE kind = 'EVIDENCE_SENT'"))
                .isEqualTo("1 (flagged zip-bomb, sent as asked by hostile) in 1 mails");

        flagTheFile("executable-disguised");
        assertThat(problemsAnswering(notification, "#evidence 1 hostile"))
                .contains("#evidence 1 hostile: file 1 flagged executable-disguised: never handed out");
        assertThat(problemsAnswering(notification, "#evidence all hostile"))
                .contains("ask for a file flagged hostile by its number");
        assertThat(evidenceMails()).isEqualTo(1);
    }

    @Test
    void anArabicFirstMonitorAndAnArabicPlatformReadNoEnglishSentenceOfTheEvidenceWording() throws Exception {
        Path roster = state.resolve("monitors.yaml");
        Files.writeString(roster, """
                monitors:
                  - {address: monitor1@shahid.test, name: Monitor One, role: lead, languages: [ar, en]}
                """, StandardCharsets.UTF_8);
        Path platforms = state.resolve("platforms.yaml");
        Files.writeString(platforms, """
                platforms:
                  - id: meta
                    name: Meta
                    trusted-partner-address: trusted-partner@meta.example
                    hosts: [facebook.com]
                    language: ar
                """, StandardCharsets.UTF_8);
        // the copies weigh about 1.2, 1.1 and 3.8 kB once encoded: the DOCX waits for #evidence
        start(Map.of("shahid.monitors.roster-file", roster.toString(), "shahid.monitoring.platforms-file",
                platforms.toString(), "shahid.monitors.evidence-mail-bytes", "4000"));
        MimeMessage notification = report(List.of(
                new TestMails.File("IMG_0042.jpg", "image/jpeg", EvidenceFixtures.jpegWithGps()),
                new TestMails.File("minutes.pdf", "application/pdf", EvidenceFixtures.pdfWithAuthor("Sealed with tape")),
                new TestMails.File("statement.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        EvidenceFixtures.docxWithAuthor("Money was handed out at the gate"))));
        String text = textOf(notification);
        assertThat(text).contains("مرفق باسم image-", "غير مرفق (حجم الرسالة)؛ رُدّ بـ #evidence 3 أو #evidence all");
        assertNoEnglish(text);

        reply(notification, "#evidence 3");
        MimeMessage evidence = shahid.awaitReceived(MONITOR1, 2).get(1);
        assertThat(subjectOf(evidence)).endsWith("الأدلة 1 من 1");
        assertThat(attachments(evidence)).hasSize(1);
        assertThat(textOf(evidence)).contains("النسخ المنقّاة من أدلة");
        assertNoEnglish(subjectOf(evidence) + "\n" + textOf(evidence));

        shahid.awaitCount("SELECT COUNT(*) FROM evidence_key WHERE kind = 'URL'", 1);
        reply(notification, "#escalate meta");
        MimeMessage escalation = shahid.awaitReceived("trusted-partner@meta.example", 1).get(0);
        assertThat(subjectOf(escalation)).matches("\\[ESC-[0-9A-F]{12}\\] بلاغ شريك موثوق: منشورات على Meta");
        assertThat(textOf(escalation)).contains("https://www.facebook.com/sample.unity.party/posts/1",
                "نسخ منقّاة أخرى متاحة عند الطلب");
        assertNoEnglish(subjectOf(escalation) + "\n" + textOf(escalation));
    }

    private static void assertNoEnglish(String text) {
        ENGLISH.forEach(sentence -> assertThat(text).doesNotContainIgnoringCase(sentence));
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
