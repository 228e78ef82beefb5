package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.MailParts.attachments;
import static org.shahid.testing.MailParts.bytes;
import static org.shahid.testing.MailParts.textOf;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * Evidence reaches the monitors, end to end through GreenMail and MariaDB: scrubbed copies attached to the
 * notification within the mail size, the rest listed and fetched with {@code #evidence}.
 */
class EvidenceToMonitorsFlowTest {

    private static final String MONITORS = "monitors@shahid.test";
    private static final String MONITOR1 = "monitor1@shahid.test";

    @TempDir
    Path state;

    private RunningShahid shahid;

    private void start(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("shahid.mailbox.monitors.password", MONITORS);
        all.put("shahid.evidence.timeout", "30s");
        shahid = RunningShahid.prepare(state, all);
        shahid.mail().setUser(MONITORS, MONITORS, MONITORS);
        shahid.startService();
    }

    @AfterEach
    void stop() {
        if (shahid != null) {
            shahid.close();
        }
    }

    private MimeMessage report() throws Exception {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.withFiles("witness@example.org", RunningShahid.REPORT,
                "Evidence of vote buying", "Photo, minutes and a statement attached; the post is"
                        + " https://www.facebook.com/sample.unity.party/posts/1", List.of(
                        new TestMails.File("IMG_0042.jpg", "image/jpeg", EvidenceFixtures.jpegWithGps()),
                        new TestMails.File("minutes.pdf", "application/pdf",
                                EvidenceFixtures.pdfWithAuthor("Ballot boxes sealed with tape")),
                        new TestMails.File("statement.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                EvidenceFixtures.docxWithAuthor("Money was handed out at the gate")))));
        return shahid.awaitReceived(MONITOR1, 1).get(0);
    }

    @Test
    void aReportsJpegPdfAndDocxReachTheMonitorsAsScrubbedCopiesThatDecodeWithoutMetadata() throws Exception {
        start(Map.of());
        MimeMessage notification = report();

        List<Part> files = attachments(notification);
        assertThat(files).extracting(Part::getFileName)
                .allMatch(name -> name.matches("(image|document)-[0-9a-f]{8}\\.(jpg|pdf|docx)"))
                .doesNotContain("IMG_0042.jpg", "minutes.pdf", "statement.docx");
        List<String> copies = List.of(shahid.text("SELECT GROUP_CONCAT(scrubbed_sha256 ORDER BY id) FROM attachment")
                .split(","));
        assertThat(files).extracting(Part::getFileName).containsExactly(
                "image-" + copies.get(0).substring(0, 8) + ".jpg", "document-" + copies.get(1).substring(0, 8) + ".pdf",
                "document-" + copies.get(2).substring(0, 8) + ".docx");
        for (Part file : files) {
            String raw = new String(bytes(file), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(EvidenceFixtures.AUTHOR).doesNotContain("SN-998877")
                    .doesNotContain("PhoneMaker");
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes(files.get(0))))).isNotNull();
        ImageMetadata metadata = Imaging.getMetadata(bytes(files.get(0)));
        assertThat(metadata instanceof JpegImageMetadata jpeg && jpeg.getExif() != null
                && jpeg.getExif().getGpsInfo() != null).isFalse();
        try (PDDocument pdf = Loader.loadPDF(bytes(files.get(1)))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(String.valueOf(pdf.getDocumentInformation().getAuthor())).doesNotContain(EvidenceFixtures.AUTHOR);
        }
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes(files.get(2))))) {
            assertThat(docx.getParagraphs().get(0).getText()).contains("Money was handed out");
            assertThat(String.valueOf(docx.getProperties().getCoreProperties().getCreator()))
                    .doesNotContain(EvidenceFixtures.AUTHOR);
        }
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(notification))
                .doesNotContain("witness@example.org").doesNotContain(EvidenceFixtures.AUTHOR);
    }

    @Test
    void aSetLargerThanTheMailSizeIsSplitAndEvidenceAllFetchesItInMailsWithinTheSize() throws Exception {
        long limit = 4_000; // the copies weigh about 1.2, 1.1 and 3.8 kB once encoded: the DOCX waits
        start(Map.of("shahid.monitors.evidence-mail-bytes", String.valueOf(limit)));
        MimeMessage notification = report();
        String body = textOf(notification);
        List<Part> attached = attachments(notification);
        assertThat(attached).hasSize(2);
        assertThat(body).contains("reply #evidence");

        shahid.deliverRaw(MONITORS, TestMails.plain(MONITOR1, notification.getReplyTo()[0].toString(),
                "Re: " + notification.getSubject(), "#evidence all\n"));
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'APPLIED'", 1);
        int mails = (int) shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_EVIDENCE'");
        assertThat(mails).isGreaterThan(1);
        List<MimeMessage> received = shahid.awaitReceived(MONITOR1, 1 + mails);
        List<String> names = new ArrayList<>();
        for (MimeMessage evidence : received.subList(1, received.size())) {
            assertThat(evidence.getSubject()).contains("Evidence");
            long size = 0;
            for (Part file : attachments(evidence)) {
                names.add(file.getFileName());
                size += file.getSize();
            }
            assertThat(size).isLessThanOrEqualTo(limit);
        }
        assertThat(names).hasSize(3).allMatch(name -> name.matches("(image|document)-[0-9a-f]{8}\\.(jpg|pdf|docx)"));
    }

    @Test
    void anEscalationCarriesTheCopiesThatFitAndListsTheRest() throws Exception {
        start(Map.of("shahid.monitors.evidence-mail-bytes", "4000"));
        MimeMessage notification = report();
        shahid.awaitCount("SELECT COUNT(*) FROM evidence_key WHERE kind = 'URL'", 1);
        shahid.deliverRaw(MONITORS, TestMails.plain(MONITOR1, notification.getReplyTo()[0].toString(),
                "Re: " + notification.getSubject(), "#escalate meta\n"));
        MimeMessage escalation = shahid.awaitReceived("trusted-partner@meta.example", 1).get(0);
        assertThat(attachments(escalation)).extracting(Part::getFileName)
                .allMatch(name -> name.matches("(image|document)-[0-9a-f]{8}\\.(jpg|pdf)")).hasSize(2);
        String docx = shahid.text("SELECT scrubbed_sha256 FROM attachment WHERE detected_type LIKE '%wordprocessing%'");
        assertThat(textOf(escalation)).contains("Further scrubbed copies, available on request", docx);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(escalation))
                .doesNotContain("witness@example.org").doesNotContain(shahid.text("SELECT reference FROM ticket"));
    }
}
