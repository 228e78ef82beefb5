package org.shahid.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.shahid.config.ShahidService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shahid.testing.MailText;
import org.shahid.testing.RunningShahid;
import org.shahid.tickets.ReportingPeriod;
import org.shahid.tickets.TransparencyFiguresDao;
import org.shahid.testing.TestMails;

/**
 * The reporter's side, end to end through GreenMail and MariaDB: withdraw and erase in each language, once confirmed,
 * nothing sent afterwards, no identity left after an erasure, a forged request changing nothing; and a mail over the
 * size limit answered from its text without its files being downloaded. One service for the class (its start is
 * most of the time); each test is a reporter of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReporterFlowTest {

    private static final String MONITOR1 = "monitor1@shahid.test";
    private static final String BIG_MAIL_REPORTER = "camera.phone@example.org";
    private static final int VIDEO_BYTES = 17_000_000;
    private static final Pattern CODE = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{4}");
    /** The other way to send large files that the admins name (shahid.reporters.large-files-channel). */
    private static final String LARGE_FILES_CHANNEL = "https://upload.shahid.test/drop";

    private Path state;

    private RunningShahid shahid;
    /** Between Shahid and GreenMail's IMAP: counts what the server sent, to show what was not downloaded. */
    private ByteCountingProxy proxy;
    private ShahidService service;

    @BeforeAll
    void start(@TempDir Path state) throws IOException {
        this.state = state;
        shahid = RunningShahid.prepare(state, Map.of("shahid.reporters.large-files-channel", LARGE_FILES_CHANNEL));
        proxy = ByteCountingProxy.to("127.0.0.1", shahid.mail().getImap().getPort());
        service = ShahidService.start(shahid.settings().with(Map.of("shahid.imap.port", String.valueOf(proxy.port()))),
                Clock.systemUTC());
    }

    @AfterAll
    void stop() throws IOException {
        try {
            service.close();
            proxy.close();
        } finally {
            shahid.close();
        }
    }

    /** A report in a language; returns its acknowledgement. */
    private MimeMessage report(String reporter, String subject, String text) {
        shahid.deliverRaw(REPORT, TestMails.plain("Reporter <" + reporter + ">", REPORT, subject, text,
                "Received: from [192.0.2.55] by mx.example.org\r\n"));
        return shahid.awaitReceived(reporter, 1).get(0);
    }

    private static String referenceOf(MimeMessage mail) throws Exception {
        Matcher reference = Pattern.compile("\\[(SHD-[A-Z0-9-]+)]").matcher(mail.getSubject());
        assertThat(reference.find()).isTrue();
        return reference.group(1);
    }

    private long ticketId(String reference) {
        return shahid.count("SELECT id FROM ticket WHERE reference = '" + reference + "'");
    }

    private long messagesOf(long ticket) {
        return shahid.count("SELECT COUNT(*) FROM ticket_message WHERE direction = 'IN' AND ticket_id = " + ticket);
    }

    /** A reply as a mail program writes it: threaded on the mail it answers, the quote below. */
    private void reply(String from, MimeMessage answered, String firstLines) throws Exception {
        String id = answered.getMessageID();
        shahid.deliverRaw(REPORT, TestMails.plain("Reporter <" + from + ">", REPORT, "Re: " + answered.getSubject(),
                firstLines + "\n\nOn Sat, 28 Nov 2026, Shahid wrote:\n> " + GreenMailUtil.getBody(answered)
                        .lines().findFirst().orElse(""), "In-Reply-To: " + id + "\r\nReferences: " + id + "\r\n"));
    }

    private void monitorSays(String reference, String commands) {
        String mac = shahid.text("SELECT reply_to FROM outbox WHERE purpose = 'MONITOR_NOTIFICATION' AND ticket_id = "
                + ticketId(reference) + " LIMIT 1");
        long audited = shahid.count("SELECT COUNT(*) FROM monitor_reply_audit");
        shahid.deliverRaw(RunningShahid.MONITORS, TestMails.plain(MONITOR1, mac, "Re: [" + reference + "] ticket",
                commands));
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit", audited + 1);
    }

    /** Outbox rows that went, or would go, to this ticket's reporter. */
    private long mailsToReporter(long ticket) {
        return shahid.count("SELECT COUNT(*) FROM outbox WHERE recipient_sealed_id IS NOT NULL AND ticket_id = "
                + ticket);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en  | Vote buying         | Men handed out envelopes with money outside the school. | withdraw | withdrawn
            ar  | شراء أصوات          | رجال يوزعون أظرفًا فيها نقود أمام المدرسة في البصرة.     | اسحب البلاغ | سحب بلاغك
            ckb | کڕینی دەنگ          | پیاوان لە بەردەم قوتابخانەکە پارەیان دابەش دەکرد لە هەولێر. | کشانەوە | کشایەوە
            """)
    void aWithdrawalIsConfirmedOnceInTheReportersLanguageAndNothingFollows(String language, String subject,
                                                                           String text, String word, String confirmed)
            throws Exception {
        String reporter = "withdraw-" + language + "@example.org";
        MimeMessage acknowledgement = report(reporter, subject, text);
        String reference = referenceOf(acknowledgement);
        long ticket = ticketId(reference);
        // A mail received whole names no other way to send files.
        assertThat(MailText.of(acknowledgement)).doesNotContain(LARGE_FILES_CHANNEL);
        shahid.awaitReceived(MONITOR1, (int) shahid.count(
                "SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_NOTIFICATION' AND recipient_address = '"
                        + MONITOR1 + "'"));
        long monitorMailsBefore = shahid.received(MONITOR1).size();

        reply(reporter, acknowledgement, word);

        List<MimeMessage> received = shahid.awaitReceived(reporter, 2);
        MimeMessage confirmation = received.get(1);
        assertThat(confirmation.getSubject()).startsWith("[" + reference + "]");
        assertThat(confirmation.getHeader("Content-Language", null)).isEqualTo(language);
        assertThat(GreenMailUtil.getBody(confirmation).isEmpty()).isFalse();
        assertThat(MailText.of(confirmation)).contains(confirmed).contains(reference);
        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("WITHDRAWN");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'WITHDRAWN' AND ticket_id = " + ticket))
                .isEqualTo(1);
        assertThat(service.database().jdbi().withHandle(handle -> new TransparencyFiguresDao()
                .figures(handle, ReportingPeriod.allTime())).reportsByStatus()).containsKey("withdrawn");
        // Other tickets' notifications may arrive in between: the one about this withdrawal names the reference.
        MimeMessage withdrawalNotice = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> shahid.received(MONITOR1).stream().skip(monitorMailsBefore)
                        .filter(mail -> GreenMailUtil.getBody(mail).contains("withdrew")
                                && subjectOf(mail).contains(reference)).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        assertThat(GreenMailUtil.getBody(withdrawalNotice)).doesNotContain(reporter);

        // Nothing more reaches the reporter: not a second withdrawal, not a monitor's message; and it stays withdrawn.
        reply(reporter, confirmation, word);
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_event WHERE kind = 'WITHDRAWAL_REPEATED' AND ticket_id = "
                + ticket, 1);
        monitorSays(reference, "#status closed");
        assertThat(shahid.text("SELECT reason FROM monitor_reply_audit ORDER BY id DESC LIMIT 1"))
                .contains("the reporter withdrew it");
        monitorSays(reference, "Thank you for telling us.");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'STATUS_UPDATE_NOT_SENT'"
                + " AND detail = 'withdrawn by the reporter' AND ticket_id = " + ticket)).isEqualTo(1);
        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("WITHDRAWN");
        assertThat(mailsToReporter(ticket)).isEqualTo(2);
        assertThat(shahid.received(reporter)).hasSize(2);
    }

    @Test
    void aWithdrawalFromAnotherAddressWithTheReceiptCodeIsConfirmedThere() throws Exception {
        String reporter = "withdraw-by-code@example.org";
        MimeMessage acknowledgement = report(reporter, "Vote buying", "Buses carried voters from the camp.");
        String reference = referenceOf(acknowledgement);
        Matcher code = CODE.matcher(MailText.of(acknowledgement));
        assertThat(code.find()).isTrue();

        shahid.deliverRaw(REPORT, TestMails.plain("burner-7x@example.net", REPORT, "hello",
                code.group() + "\nwithdraw"));

        MimeMessage confirmation = shahid.awaitReceived("burner-7x@example.net", 1).get(0);
        assertThat(confirmation.getSubject()).startsWith("[" + reference + "]");
        assertThat(shahid.text("SELECT status FROM ticket WHERE reference = '" + reference + "'"))
                .isEqualTo("WITHDRAWN");
        assertThat(shahid.received(reporter)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en  | Threats             | A man threatened voters at the polling station.        | erase       | deleted
            ar  | تهديد               | رجل هدد الناخبين أمام مركز الاقتراع في الموصل.          | احذف هويتي  | حذفنا
            ckb | هەڕەشە              | پیاوێک هەڕەشەی لە دەنگدەران کرد لە بەردەم بنکەی دەنگدان. | سڕینەوە     | سڕییەوە
            """)
    void anErasureLeavesNoIdentityAndItsConfirmationIsTheLastMail(String language, String subject, String text,
                                                                 String word, String confirmed) throws Exception {
        String reporter = "erase-" + language + "@example.org";
        MimeMessage acknowledgement = report(reporter, subject, text);
        String reference = referenceOf(acknowledgement);
        long ticket = ticketId(reference);
        reply(reporter, acknowledgement, "One more detail: it was at 10 in the morning.");
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_message WHERE direction = 'IN' AND ticket_id = " + ticket, 2);
        String pseudonym = shahid.text("SELECT reporter_pseudonym FROM ticket WHERE id = " + ticket);
        List<Path> originals = sealedFilesOf(ticket);
        assertThat(originals).hasSize(2).allMatch(Files::exists);
        assertThat(shahid.count("SELECT COUNT(*) FROM receipt_code WHERE ticket_id = " + ticket)).isEqualTo(1);

        reply(reporter, acknowledgement, word);

        List<MimeMessage> received = shahid.awaitReceived(reporter, 2);
        MimeMessage confirmation = received.get(1);
        assertThat(confirmation.getSubject()).startsWith("[" + reference + "]");
        assertThat(confirmation.getHeader("Content-Language", null)).isEqualTo(language);
        assertThat(MailText.of(confirmation)).contains(confirmed);
        shahid.awaitCount("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NULL AND ticket_id = " + ticket, 0);

        // No identity left: every sealed row emptied, every sealed original deleted, no receipt code, a new pseudonym.
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE ticket_id = " + ticket)).isEqualTo(4);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE ticket_id = " + ticket
                + " AND (LENGTH(ciphertext) > 0 OR sealed_raw IS NOT NULL)")).isZero();
        assertThat(originals).noneMatch(Files::exists);
        assertThat(filesInSealedMailStore()).isEqualTo(shahid.count(
                "SELECT COUNT(*) FROM sealed_identity WHERE sealed_raw IS NOT NULL")
                + shahid.count("SELECT COUNT(*) FROM quarantine WHERE sealed_raw IS NOT NULL"));
        assertThat(shahid.count("SELECT COUNT(*) FROM receipt_code WHERE ticket_id = " + ticket)).isZero();
        String erased = shahid.text("SELECT reporter_pseudonym FROM ticket WHERE id = " + ticket);
        assertThat(erased).startsWith("E-").isNotEqualTo(pseudonym);
        String everything = shahid.tables().stream().map(shahid::dump).reduce("", String::concat);
        assertThat(everything).doesNotContain(pseudonym).doesNotContainIgnoringCase(reporter)
                .doesNotContain("192.0.2.55");
        // The audited event names no one.
        assertThat(shahid.text("SELECT actor FROM unseal_audit WHERE action = 'ERASED' AND ticket_id = " + ticket))
                .isEqualTo("reporter");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'IDENTITY_ERASED' AND ticket_id = "
                + ticket)).isEqualTo(1);

        // Nothing afterwards: a monitor's message finds no one; a new mail from that address is a stranger's.
        monitorSays(reference, "#status investigating\nWe are looking into it.");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'STATUS_UPDATE_NOT_SENT'"
                + " AND ticket_id = " + ticket)).isEqualTo(1);
        reply(reporter, confirmation, "Are you still there?");
        shahid.awaitReceived(reporter, 3);
        assertThat(messagesOf(ticket)).isEqualTo(3);
        // The new ticket has a pseudonym of its own (the mail is not authenticated): nothing carries the old one.
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE reporter_pseudonym = '" + pseudonym + "'"))
                .isZero();
        assertThat(referenceOf(shahid.received(reporter).get(2))).isNotEqualTo(reference);

        // A crash between recording the confirmation sent and purging its address: the retention job finishes it.
        long lastChannel = shahid.count("SELECT id FROM sealed_identity WHERE purge_when_sent AND ticket_id = " + ticket);
        try (Connection connection = shahid.database().connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sealed_identity SET purged_at = NULL, ciphertext = X'01' WHERE id = "
                    + lastChannel);
        }
        service.beans().retention().purgeDue();
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NULL AND ticket_id = "
                + ticket)).isZero();
    }

    @Test
    void aForgedFromWithoutProofChangesNothing() throws Exception {
        String reporter = "forged@example.org";
        MimeMessage acknowledgement = report(reporter, "Vote buying", "They paid for votes near the market.");
        String reference = referenceOf(acknowledgement);
        long ticket = ticketId(reference);

        // The reporter's address and the reference are easy to know; neither threads on a mail sent to them, so
        // neither joins the ticket: each forged request opens a ticket of its own.
        long tickets = shahid.count("SELECT COUNT(*) FROM ticket");
        shahid.deliverRaw(REPORT, TestMails.plain(reporter, REPORT, "Re: [" + reference + "]", "erase"));
        shahid.deliverRaw(REPORT, TestMails.plain(reporter, REPORT, "Re: [" + reference + "]", "withdraw"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", tickets + 2);

        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("NEW");
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NOT NULL AND ticket_id = "
                + ticket)).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM receipt_code WHERE ticket_id = " + ticket)).isEqualTo(1);
        assertThat(sealedFilesOf(ticket)).hasSize(1).allMatch(Files::exists);
        assertThat(mailsToReporter(ticket)).isEqualTo(1);
    }

    @Test
    void aStrangerWhoCopiesTheReferenceAndThreadingOpensATicketOfTheirOwn() throws Exception {
        String reporter = "copied@example.org";
        MimeMessage acknowledgement = report(reporter, "Vote buying", "Money was handed out at the mosque.");
        String reference = referenceOf(acknowledgement);
        long ticket = ticketId(reference);
        long tickets = shahid.count("SELECT COUNT(*) FROM ticket");

        // An insider holds the monitors' notification of the ticket, with its reference and its Message-ID: a mail
        // only monitors received proves nothing of the reporter.
        MimeMessage notification = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> shahid.received(MONITOR1).stream().filter(mail -> subjectOf(mail).contains(reference))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        reply("insider@example.com", notification, "erase");

        shahid.awaitCount("SELECT COUNT(*) FROM ticket", tickets + 1);
        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("NEW");
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NOT NULL AND ticket_id = "
                + ticket)).isZero();
        assertThat(messagesOf(ticket)).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'IDENTITY_ERASED'"
                + " AND ticket_id = " + ticket)).isZero();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> sealedFilesOf(long ticket) throws SQLException {
        List<Path> files = new ArrayList<>();
        try (Connection connection = shahid.database().connect(); Statement statement = connection.createStatement();
             ResultSet keys = statement.executeQuery("SELECT sealed_raw FROM sealed_identity"
                     + " WHERE sealed_raw IS NOT NULL AND ticket_id = " + ticket)) {
            while (keys.next()) {
                files.add(fileOf(keys.getString(1)));
            }
        }
        return files;
    }


    private Path fileOf(String key) {
        String name = key.substring(key.indexOf('/') + 1);
        return state.resolve("data/sealed").resolve(key.substring(0, key.indexOf('/'))).resolve(name.substring(0, 2))
                .resolve(name);
    }

    private long filesInSealedMailStore() throws IOException {
        Path mail = state.resolve("data/sealed/mail");
        try (Stream<Path> files = Files.walk(mail)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    @Test
    void aMailOverTheLimitOpensATicketFromItsTextAndNamesTheFilesLeftBehind() throws Exception {
        byte[] raw = mailWithTwoVideos();
        assertThat(raw.length).isGreaterThan(45_000_000);
        long before = proxy.bytesFromServer();
        shahid.mail().getUserManager().getUser(REPORT).deliver(new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));

        MimeMessage acknowledgement = shahid.awaitReceived(BIG_MAIL_REPORTER, 1).get(0);
        String reference = referenceOf(acknowledgement);
        long ticket = ticketId(reference);
        String text = MailText.of(acknowledgement);
        assertThat(text).contains("polling-station-1.mp4 (video/mp4, 16.2 MB)")
                .contains("polling-station-2.mp4 (video/mp4, 16.2 MB)").contains("separate reply")
                .contains("you can also send it this way: " + LARGE_FILES_CHANNEL);
        assertThat(shahid.text("SELECT body_text FROM ticket_message WHERE direction = 'IN' AND ticket_id = " + ticket))
                .contains("ballot boxes were carried out of the school").contains("the bus number was 42");
        assertThat(shahid.count("SELECT COUNT(*) FROM attachment WHERE NOT kept AND sha256 IS NULL"
                + " AND declared_type = 'video/mp4' AND note LIKE 'not fetched%' AND ticket_id = " + ticket))
                .isEqualTo(2);
        assertThat(shahid.count("SELECT SUM(size_bytes) FROM attachment WHERE ticket_id = " + ticket))
                .isBetween(2L * 16_900_000, 2L * 17_100_000);
        assertThat(shahid.text("SELECT GROUP_CONCAT(file_name ORDER BY id) FROM attachment WHERE ticket_id = "
                + ticket)).isEqualTo("polling-station-1.mp4,polling-station-2.mp4");
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine WHERE status = 'HELD' AND sealed_raw IS NULL", 1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> shahid.folderState(REPORT, "Quarantine").size() == 1);
        assertThat(shahid.folderState(REPORT, "Quarantine").get(0)).endsWith("Ballot boxes");
        assertThat(shahid.folderState(REPORT, "INBOX")).noneMatch(mail -> mail.endsWith("Ballot boxes"));
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT' AND ticket_id = "
                + ticket)).isEqualTo(1);
        assertThat(shahid.received(BIG_MAIL_REPORTER)).hasSize(1);
        // The videos (34 MB encoded) never crossed the wire; the text, headers and structure are a few KB.
        assertThat(proxy.bytesFromServer() - before).isLessThan(1_000_000);
    }

    private static byte[] mailWithTwoVideos() {
        Random random = new Random(17);
        StringBuilder mail = new StringBuilder("From: Camera Phone <" + BIG_MAIL_REPORTER + ">\r\nTo: " + REPORT
                + "\r\nSubject: Ballot boxes\r\nMessage-ID: <big-1@phone.example.org>\r\n"
                + "Date: Sat, 28 Nov 2026 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "At 4 pm two men in uniform came in and the ballot boxes were carried out of the school.\r\n"
                + "I filmed it, the videos are attached.\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=x-unknown-charset\r\n\r\n"
                + "Second note: the bus number was 42.\r\n");
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
