package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.INFO;
import static org.shahid.testing.RunningShahid.REPORT;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.evidence.OcrAvailability;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.slf4j.LoggerFactory;
import org.shahid.testing.MailText;

/**
 * End to end through GreenMail and MariaDB: English, Arabic and Kurdish reports with attachments and follow-ups,
 * reporters' addresses, names in Latin and Arabic script, phones in every common form, IPs, signatures with links,
 * an HTML-only mail, identifying attachment names and identifying text inside a PDF and a screenshot (OCR), a delay
 * notice and a bounce of an acknowledgement (both quoting the reporter's address); then a full mysqldump, every
 * file under the data folder, every mail Shahid sent (monitors' included, without its To line), the log and
 * /metrics are searched for them: zero hits.
 */
class LeakTest {

    /** One reporter and everything that identifies them. */
    record Reporter(String address, String displayName, String phone, String ip, List<String> extra) {

        List<String> terms() {
            List<String> terms = new ArrayList<>(List.of(address, address.substring(0, address.indexOf('@')),
                    displayName, phone, phone.replaceAll("[\\s-]", ""), ip));
            terms.addAll(List.of(displayName.split(" ")));
            terms.addAll(extra);
            return terms;
        }
    }

    private static final Reporter LAYLA = new Reporter("layla.hassan@example.org", "Layla Hassan",
            "+964 770 123 4567", "192.0.2.77", List.of("9647701234567", "07701234567", "٠٧٧٠ ١٢٣ ٤٥٦٧",
                    "۰۷۷۰-۱۲۳-۴۵۶۷", "964 770 123 4567", "wa.me/9647701234567", "facebook.com/layla.hassan", "2001:db8::77",
                    "laylahassan-teacher"));
    private static final Reporter AHMED = new Reporter("ahmed.karim@example.iq", "أحمد كريم", "٠٧٨٠ ٤٤٤ ٥٥٦٦",
            "198.51.100.23", List.of("anon.ahmed@burner.example.net", "anon.ahmed", "Abu Zaid", "198.51.100.99",
                    "Ahmed Karim", "07804445566", "9647804445566"));
    private static final Reporter REBWAR = new Reporter("rebwar.ali@example.krd", "ڕێبوار عەلی", "0750 333 2211",
            "203.0.113.9", List.of("9647503332211", "instagram.com/rebwar.ali"));
    private static final Pattern RECEIPT = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{4}");
    private static final Pattern REFERENCE = Pattern.compile("SHD-[A-Z0-9-]+");

    @TempDir
    Path state;

    private RunningShahid shahid;
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void start() {
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        shahid = RunningShahid.start(state);
    }

    @AfterEach
    void stop() {
        shahid.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    private static String trace(Reporter reporter, String host) {
        return "Received: from " + host + " ([" + reporter.ip() + "]) by mx.example.org with ESMTPSA\r\n"
                + "X-Originating-IP: [" + reporter.ip() + "]\r\n"
                + "User-Agent: Mozilla/5.0 (iPhone; CPU iPhone OS 17_1)\r\n";
    }

    @Test
    void noReporterIdentityReachesTablesSentMailLogsOrSealedBytes() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.plain("Layla Hassan <" + LAYLA.address() + ">", REPORT,
                "Layla Hassan: vote buying at school 12",
                "My name is Layla Hassan. Men paid voters at school 12 in Karrada.\n"
                        + "Call me on " + LAYLA.phone() + ", 9647701234567, 07701234567, ٠٧٧٠ ١٢٣ ٤٥٦٧ or ۰۷۷۰-۱۲۳-۴۵۶۷,"
                        + " 964 770 123 4567, 00964 770 123 4567,"
                        + " or mail " + LAYLA.address() + ". WhatsApp: https://wa.me/9647701234567 or"
                        + " tel:+9647701234567. My page: https://facebook.com/layla.hassan\n"
                        + "The video: https://youtube.com/watch?v=vote12 . My IP at home: 192.0.2.77, 2001:db8::77.\n"
                        + "\nRegards,\nLayla Hassan\nhttps://linkedin.com/in/laylahassan-teacher\n"
                        + "wa.me/9647701234567\nSent from my iPhone\n",
                trace(LAYLA, "[" + LAYLA.ip() + "]") + "Reply-To: Layla Hassan <" + LAYLA.address() + ">\r\n"));
        shahid.deliverRaw(REPORT, TestMails.withFiles(TestMails.encodedWord(AHMED.displayName()) + " <"
                        + AHMED.address() + ">\r\n" + trace(AHMED, "phone.example.iq").strip(),
                REPORT, TestMails.encodedWord("شراء أصوات - أحمد كريم"),
                "أنا أحمد كريم، شاهدت توزيع المال على الناخبين.\nرقمي " + AHMED.phone() + "\n\nمع التحية\nأحمد كريم\n",
                List.of(new TestMails.File("Ahmed_Karim_national_ID.pdf", "application/pdf",
                                TestMails.pdf("Envelope photo. Statement of Ahmed Karim, 07804445566")),
                        new TestMails.File("ahmed.karim-9647804445566.png", "image/png",
                                screenshot("Ahmed Karim 0780 444 5566")))));
        shahid.deliverRaw(INFO, TestMails.htmlOnly(TestMails.encodedWord(REBWAR.displayName()) + " <"
                        + REBWAR.address() + ">\r\n" + trace(REBWAR, "[" + REBWAR.ip() + "]").strip(),
                INFO, "Pêşniyar",
                "<p>سڵاو، من ڕێبوار عەلی. پێشنیارێکم هەیە بۆ چاودێریکردنی بنکەکانی دەنگدان.</p>"
                        + "<p>ژمارەم: " + REBWAR.phone() + "</p><p>لەگەڵ ڕێزدا<br>ڕێبوار عەلی<br>"
                        + "<a href=\"https://wa.me/9647503332211\">WhatsApp</a> "
                        + "<a href=\"https://instagram.com/rebwar.ali\">instagram.com/rebwar.ali</a></p>"));
        MimeMessage laylaAck = shahid.awaitReceived(LAYLA.address(), 1).get(0);
        MimeMessage ahmedAck = shahid.awaitReceived(AHMED.address(), 1).get(0);
        shahid.awaitReceived(REBWAR.address(), 1);

        String laylaReference = find(REFERENCE, laylaAck.getSubject());
        shahid.deliverRaw(REPORT, TestMails.plain("Layla Hassan <" + LAYLA.address() + ">", REPORT,
                "Re: [" + laylaReference + "] Your report was received",
                "Another photo, taken at 11:00 by me, Layla.\n\nOn Sat, 28 Nov 2026 at 10:01, Shahid <"
                        + REPORT + "> wrote:\n> Thank you. Your report has been received.\n> Reference: "
                        + laylaReference + "\n",
                trace(LAYLA, "[" + LAYLA.ip() + "]") + "In-Reply-To: " + laylaAck.getMessageID() + "\r\n"));
        String ahmedCode = find(RECEIPT, MailText.of(ahmedAck));
        shahid.deliverRaw(REPORT, TestMails.plain("Abu Zaid <anon.ahmed@burner.example.net>", REPORT,
                "Code " + ahmedCode, "More evidence from Abu Zaid, call +964 780 444 5566\n",
                "Received: from [198.51.100.99] by mx.example.org\r\n"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_message", 5);
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE status = 'SENT' AND purpose = 'ACKNOWLEDGEMENT'", 3);
        // Monitors' notifications go out once intake is quiet, after the acknowledgements.
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'", 0);
        // Layla's acknowledgement is delayed, then bounces: both reports quote her address and her mail's headers.
        String laylaAckId = laylaAck.getMessageID().replaceAll("[<>]", "");
        String verp = laylaAck.getHeader("Return-Path", null).replaceAll("[<>]", "").strip();
        shahid.deliverRaw(REPORT, org.shahid.outbound.DeliveryReportTest.fixture("gmail-delayed-over-quota.eml",
                laylaAckId, verp));
        shahid.awaitCount("SELECT delay_notices FROM outbox WHERE message_id = '" + laylaAckId + "'", 1);
        shahid.deliverRaw(RunningShahid.BOUNCES, org.shahid.outbound.DeliveryReportTest.fixture(
                "postfix-user-unknown.eml", laylaAckId, verp));
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE status = 'BOUNCED' AND message_id = '" + laylaAckId + "'",
                1);

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(3);
        assertThat(shahid.count("SELECT COUNT(*) FROM attachment")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM redaction_terms")).as("used by the examiner, then gone").isZero();
        assertThat(tables()).contains("ticket", "ticket_message", "outbox", "ticket_event", "unseal_audit",
                "evidence_examination");
        StringBuilder everything = new StringBuilder(mysqldump());
        String sentMail = sentMailWithoutRecipients();
        String logged = logged() + metrics();
        String sealed = sealedFiles();

        for (Reporter reporter : List.of(LAYLA, AHMED, REBWAR)) {
            for (String term : reporter.terms()) {
                assertThat(hits(everything.toString(), term)).as("tables contain " + term).isZero();
                assertThat(hits(sentMail, term)).as("sent mail contains " + term).isZero();
                assertThat(hits(logged, term)).as("log contains " + term).isZero();
                assertThat(hits(sealed, term)).as("sealed bytes contain " + term).isZero();
            }
        }
        assertThat(hits(everything.toString(), ahmedCode)).as("receipt code in tables").isZero();
        assertThat(logged).contains("Shahid started");
        // The working copy kept the report itself.
        assertThat(everything).contains("Men paid voters at school 12").contains("شاهدت توزيع المال على الناخبين")
                .contains("[phone]").contains("[signature removed]").contains("[quoted text removed]")
                .contains("[link removed]").contains("[ip]").contains("youtube.com/watch?v=vote12")
                .contains("[name]_national_ID.pdf").contains("Envelope photo");
        // The PDF names its author, the reporter: its text is redacted, its scrubbed copy withheld, its original sealed.
        assertThat(shahid.text("SELECT CONCAT_WS('|', flags, IFNULL(scrubbed_sha256, 'no copy')) FROM attachment"
                + " WHERE file_name LIKE '%.pdf'")).contains("names-reporter").endsWith("|no copy");
        if (OcrAvailability.isAvailable("ara+eng")) {
            // The screenshot was read: its text is there, with the reporter's name and number redacted.
            assertThat(shahid.text("SELECT GROUP_CONCAT(extracted_text) FROM attachment")).contains("[name]");
        }
    }

    /** A phone screenshot showing the reporter's own name and number, for OCR. */
    private static byte[] screenshot(String text) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1000, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(java.awt.Color.BLACK);
        graphics.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 48));
        graphics.drawString(text, 30, 110);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The whole test database as mysqldump writes it, binary columns as hex. */
    private String mysqldump() throws Exception {
        String url = shahid.database().url();
        String name = url.substring(url.lastIndexOf('/') + 1);
        java.net.URI server = java.net.URI.create(url.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of("mysqldump", "--hex-blob", "--skip-extended-insert",
                "-h", server.getHost(), "-P", String.valueOf(server.getPort() < 0 ? 3306 : server.getPort()),
                "-u", shahid.database().user()));
        if (!shahid.database().password().isEmpty()) {
            command.add("-p" + shahid.database().password());
        }
        command.add(name);
        Process dump = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor()).as("mysqldump exit code").isZero();
        assertThat(out).contains("CREATE TABLE `ticket_message`").contains("INSERT INTO `ticket_message`");
        return out;
    }

    /** What /metrics serves. */
    private String metrics() throws Exception {
        int port = shahid.service().health().orElseThrow().port();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("pattern " + pattern + " in a mail").isTrue();
        return matcher.group();
    }

    private static long hits(String haystack, String term) {
        String lower = haystack.toLowerCase(Locale.ROOT);
        String needle = term.toLowerCase(Locale.ROOT);
        return needle.isBlank() ? 0 : lower.split(Pattern.quote(needle), -1).length - 1;
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = shahid.database().connect();
             ResultSet result = connection.getMetaData().getTables(connection.getCatalog(), null, "%",
                     new String[] {"TABLE"})) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("ticket", "ticket_message", "outbox", "ticket_event", "unseal_audit");
        return tables;
    }

    /** Every mail Shahid sent, raw, without the To line (which must of course name the reporter). */
    private String sentMailWithoutRecipients() throws Exception {
        StringBuilder all = new StringBuilder();
        int sent = 0;
        for (MimeMessage message : shahid.mail().getReceivedMessages()) {
            // GreenMail also lists the reports themselves, appended to report@ and info@: those are the originals
            // that the mail provider holds (see README, what is not protected). Only Shahid's own mail counts here.
            if (!message.getFrom()[0].toString().endsWith("@shahid.test>")
                    && !message.getFrom()[0].toString().endsWith("@shahid.test")) {
                continue;
            }
            sent++;
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw, new String[] {"To"});
            all.append(raw.toString(StandardCharsets.UTF_8)).append(MailText.of(message));
            assertThat(message.getSubject()).as("subject").doesNotContain("Layla").doesNotContain("vote buying");
        }
        // Three acknowledgements, and each of the five recorded mails notified to both monitors on the roster.
        assertThat(sent).as("mails Shahid sent").isEqualTo(3 + 5 * 2);
        return all.toString();
    }

    private String logged() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(log.list)) {
            // GreenMail logs in this JVM as the reporters' and Shahid's mail providers; it is not Shahid's log.
            if (event.getLoggerName().startsWith("com.icegreen.greenmail")) {
                continue;
            }
            all.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                all.append(cause.getClassName()).append(": ").append(cause.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    private String sealedFiles() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(state.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
