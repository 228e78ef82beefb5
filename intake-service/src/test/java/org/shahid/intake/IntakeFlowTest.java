package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shahid.testing.RunningShahid.INFO;
import static org.shahid.testing.RunningShahid.REPORT;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;
import org.shahid.config.ShahidConfiguration;
import org.shahid.evidence.SealEvidence;
import org.shahid.language.Language;
import org.shahid.outbound.RenderedMail;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketReference;
import org.shahid.testing.MailText;

/** End to end: mail into report@/info@ over GreenMail, tickets in the real MariaDB, acknowledgements back. */
class IntakeFlowTest {

    private static final String REPORTER = "layla.hassan@example.org";

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.start(state);
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    @Test
    void opensTicketForPlainEnglishReportAndAcknowledgesItWithoutQuotingIt() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.plain("Layla Hassan <" + REPORTER + ">", REPORT,
                "Fake accounts spreading lies about candidate",
                "A network of fake accounts is posting fabricated pictures of a candidate on Facebook."));

        MimeMessage ack = shahid.awaitReceived(REPORTER, 1).get(0);

        String subject = ack.getSubject();
        Matcher reference = TicketReference.IN_SUBJECT.matcher(subject);
        assertThat(reference.find()).isTrue();
        assertThat(subject).doesNotContain("Fake accounts");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        String body = GreenMailUtil.getBody(ack);
        assertThat(body).doesNotContain("fabricated pictures").doesNotContain("<img");
        assertThat(shahid.text("SELECT kind FROM ticket WHERE reference = '" + reference.group(1) + "'"))
                .isEqualTo("REPORT");
        assertThat(shahid.text("SELECT language FROM ticket")).isEqualTo("en");
        assertThat(shahid.text("SELECT body_text FROM ticket_message")).contains("fabricated pictures");
        String messageId = ack.getMessageID().replaceAll("[<>]", "");
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT' AND status = 'SENT' AND message_id = '" + messageId + "'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> shahid.folderState(REPORT, "INBOX").equals(
                List.of("seen: Fake accounts spreading lies about candidate")));
    }

    @Test
    void keepsTheReportersAddressAndNameOutOfTheTicketTables() {
        shahid.deliverRaw(REPORT, TestMails.plain("Layla Hassan <" + REPORTER + ">", REPORT, "Hate speech",
                "Posts inciting violence against a minority.", "Received: from [192.0.2.77] by mx.example.org\r\n"
                        + "X-Originating-IP: [192.0.2.77]\r\n"));
        shahid.awaitReceived(REPORTER, 1);

        for (String table : List.of("ticket", "ticket_message", "ticket_event", "outbox", "attachment",
                "processed_mail")) {
            assertThat(shahid.dump(table)).as(table)
                    .doesNotContainIgnoringCase(REPORTER).doesNotContain("Layla").doesNotContain("192.0.2.77");
        }
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity")).isEqualTo(1);
    }

    @Test
    void acknowledgesAnArabicWindows1256ReportInArabicAndRecordsItsPdf() throws Exception {
        byte[] pdf = TestMails.pdf("evidence");
        String arabic = "هناك حسابات وهمية تنشر صورا مفبركة عن المرشح في محافظة البصرة";
        shahid.deliverRaw(REPORT, TestMails.withAttachment(REPORTER, REPORT, TestMails.encodedWord("بلاغ عن مخالفة"),
                arabic, Charset.forName("windows-1256"), "evidence.pdf", "application/pdf", pdf));

        MimeMessage ack = shahid.awaitReceived(REPORTER, 1).get(0);

        assertThat(shahid.text("SELECT language FROM ticket")).isEqualTo("ar");
        assertThat(shahid.text("SELECT body_text FROM ticket_message")).contains(arabic);
        assertThat(shahid.text("SELECT CONCAT_WS('|', file_name, declared_type, detected_type, size_bytes, sha256)"
                + " FROM attachment")).isEqualTo("evidence.pdf|application/pdf|application/pdf|" + pdf.length + "|"
                + SealEvidence.sha256(pdf));
        assertThat(ack.getHeader("Content-Language", null)).isEqualTo("ar");
        // Decoded: how the HTML part is transfer-encoded depends on how much of it is Arabic.
        assertThat(MailText.of(ack)).contains("dir=\"rtl\"");
    }

    @Test
    void readsAnHtmlOnlyKurdishReportAndAnswersInKurdish() {
        String kurdish = "ئەم پۆستە ڕق و کینە بڵاو دەکاتەوە دژی کاندیدێک لە هەولێر";
        shahid.deliverRaw(REPORT, TestMails.htmlOnly(REPORTER, REPORT, "ڕاپۆرت",
                "<html><body><p>" + kurdish + "</p><script>alert(1)</script></body></html>"));

        shahid.awaitReceived(REPORTER, 1);

        assertThat(shahid.text("SELECT language FROM ticket")).isEqualTo("ckb");
        assertThat(shahid.text("SELECT body_text FROM ticket_message")).contains(kurdish).doesNotContain("alert");
        assertThat(shahid.text("SELECT language FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo("ckb");
    }

    @Test
    void givesInfoMailACommentTicketWithItsOwnWording() throws Exception {
        shahid.deliverRaw(INFO, TestMails.plain(REPORTER, INFO, "Suggestion", "Please publish weekly statistics."));

        MimeMessage ack = shahid.awaitReceived(REPORTER, 1).get(0);

        assertThat(shahid.text("SELECT kind FROM ticket")).isEqualTo("COMMENT");
        assertThat(ack.getFrom()[0].toString()).contains(INFO);
        String reference = TicketReference.findIn(ack.getSubject()).orElseThrow().value();
        RenderedMail reportWording = ShahidConfiguration.loadTemplates(Path.of("")).render("report-received",
                Language.ENGLISH, Map.of("reference", reference, "receiptCode", "", "organisation",
                        shahid.settings().text("shahid.organisation"), "mailbox", INFO));
        assertThat(shahid.text("SELECT body_text FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isNotEqualTo(reportWording.text());
        assertThat(ack.getSubject()).isNotEqualTo(reportWording.subject());
    }

    @Test
    void threadsTheReportersReplyIntoTheSameTicketWithoutASecondAcknowledgement() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Vote buying", "Cash offered for votes."));
        MimeMessage ack = shahid.awaitReceived(REPORTER, 1).get(0);

        shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Re: " + ack.getSubject(),
                "More details: it happened on Friday.", "In-Reply-To: " + ack.getMessageID() + "\r\n"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_message", 2);

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'FOLLOW_UP_RECEIVED'")).isEqualTo(1);
    }

    @Test
    void threadsAReplyThatLostTheSubjectReferenceByItsInReplyTo() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Vote buying", "Cash offered for votes."));
        MimeMessage ack = shahid.awaitReceived(REPORTER, 1).get(0);

        shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "one more thing", "Photos follow.",
                "In-Reply-To: " + ack.getMessageID() + "\r\nReferences: " + ack.getMessageID() + "\r\n"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_message", 2);

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
    }

    @Test
    void opensANewTicketWhenAStrangerCopiesTheReference() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Vote buying", "Cash offered for votes."));
        MimeMessage ack = shahid.awaitReceived(REPORTER, 1).get(0);

        // The reference is in every notification; the acknowledgement's Message-ID only the reporter received.
        shahid.deliverRaw(REPORT, TestMails.plain("intruder@example.net", REPORT, "Re: " + ack.getSubject(),
                "Let me read this ticket.", "In-Reply-To: <" + java.util.UUID.randomUUID() + "@shahid.test>\r\n"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", 2);

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_message m JOIN ticket t ON t.id = m.ticket_id"
                + " GROUP BY t.id ORDER BY 1 DESC LIMIT 1")).isEqualTo(1);
    }

    @Test
    void opensNoSecondTicketWhenTheSameMailArrivesTwiceWithOtherTraceHeaders() {
        byte[] mail = TestMails.plain(REPORTER, REPORT, "Ballot stuffing", "Video attached later.");
        shahid.deliverRaw(REPORT, prepend("Received: from mx1.example.org by mx.shahid.test; Sat, 28 Nov 2026\r\n", mail));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", 1);
        shahid.deliverRaw(REPORT, prepend("Received: from mx2.example.org by mx.shahid.test; Sun, 29 Nov 2026\r\n"
                + "Delivered-To: report@shahid.test\r\n", mail));

        await().atMost(Duration.ofSeconds(20)).until(() -> shahid.folderState(REPORT, "INBOX").stream()
                .allMatch(entry -> entry.startsWith("seen")) && shahid.folderState(REPORT, "INBOX").size() == 2);
        shahid.awaitReceived(REPORTER, 1);

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(1);
    }

    @Test
    void treatsAReusedMessageIdWithAnotherBodyAsAnotherMail() {
        String headers = "Message-ID: <same@phone.example.org>\r\n";
        shahid.deliverRaw(REPORT, stripMessageId(TestMails.plain(REPORTER, REPORT, "First", "one", headers)));
        shahid.deliverRaw(REPORT, stripMessageId(TestMails.plain(REPORTER, REPORT, "Second", "two", headers)));

        shahid.awaitCount("SELECT COUNT(*) FROM processed_mail", 2);
    }

    @Test
    void recordsAutoRepliesAndBouncesWithoutAnsweringThem() {
        shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Out of office: Re: [SHD-0000-0000-0000]",
                "I am away until Monday.", "Auto-Submitted: auto-replied\r\n"));
        shahid.deliverRaw(REPORT, TestMails.plain("MAILER-DAEMON@mx.example.org", REPORT, "Undelivered Mail",
                "The mail system could not deliver your message.", "Return-Path: <>\r\n"));
        shahid.deliverRaw(REPORT, TestMails.plain("news@list.example.org", REPORT, "Newsletter", "Weekly news",
                "List-Id: <news.list.example.org>\r\nPrecedence: bulk\r\n"));

        shahid.awaitCount("SELECT COUNT(*) FROM ticket WHERE automated", 3);
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_event WHERE kind = 'ACKNOWLEDGEMENT_SUPPRESSED'", 3);

        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isZero();
    }

    @Test
    void ignoresHeadersWithWhichAMailTriesToDeleteOrMoveItself() {
        shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Steering attempt", "Body",
                "delete: true\r\nmoveTo: Elsewhere\r\nCamelMailMoveTo: Elsewhere\r\ncopyTo: Elsewhere\r\n"));

        shahid.awaitReceived(REPORTER, 1);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                shahid.folderState(REPORT, "INBOX").equals(List.of("seen: Steering attempt")));
        assertThat(shahid.folderState(REPORT, "Elsewhere")).isEmpty();
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
    }

    @Test
    void quarantinesAnUnreadableMailAfterBoundedAttemptsWhileTheNextOneIsProcessed() {
        shahid.deliverRaw(REPORT, "\r\n\r\n   \r\n".getBytes(StandardCharsets.US_ASCII));
        shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "After the poison", "A real report."));

        shahid.awaitReceived(REPORTER, 1);
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine", 1);

        assertThat(shahid.text("SELECT CONCAT(attempts, ' ', reason) FROM quarantine"))
                .startsWith("3 UnparseableMailException");
        await().atMost(Duration.ofSeconds(10)).until(() -> shahid.folderState(REPORT, "Quarantine").size() == 1);
        assertThat(shahid.folderState(REPORT, "INBOX")).containsExactly("seen: After the poison");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
    }

    @Test
    void limitsAcknowledgementsPerSenderAndHour() {
        for (int i = 0; i < 7; i++) {
            shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Report " + i, "Report number " + i));
        }
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", 7);

        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(5);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'ACKNOWLEDGEMENT_SUPPRESSED'"))
                .isEqualTo(2);
    }

    private static byte[] prepend(String lines, byte[] mail) {
        byte[] head = lines.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + mail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(mail, 0, out, head.length, mail.length);
        return out;
    }

    /** Drops the generated Message-ID so only the one given in the extra headers remains. */
    private static byte[] stripMessageId(byte[] mail) {
        String text = new String(mail, StandardCharsets.US_ASCII);
        return text.replaceFirst("Message-ID: <[^>]*@phone\\.example\\.org>\r\n(?=Date)", "")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
