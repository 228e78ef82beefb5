package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shahid.testing.RunningShahid.REPORT;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** End to end through GreenMail and MariaDB: evidence rows, scrubbed copies, links, and hostile files. */
class EvidenceFlowTest {

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of("shahid.evidence.timeout", "30s"));
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    private void mail(String from, String subject, String body, String fileName, String type, byte[] content) {
        shahid.deliverRaw(REPORT, TestMails.withAttachment(from, REPORT, subject, body, StandardCharsets.UTF_8,
                fileName, type, content));
    }

    @Test
    void scrubbedCopyIsStoredWithItsOwnHashWhileTheSealedOriginalKeepsTheAuthor() throws Exception {
        mail("witness@example.org", "Minutes", "Attached.", "minutes.pdf", "application/pdf",
                EvidenceFixtures.pdfWithAuthor("Ballot boxes sealed with tape"));
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 1);

        String sha256 = shahid.text("SELECT sha256 FROM attachment");
        String scrubbed = shahid.text("SELECT scrubbed_sha256 FROM attachment");
        assertThat(scrubbed).isNotNull().isNotEqualTo(sha256);
        Path copy = state.resolve("data/evidence").resolve(scrubbed.substring(0, 2)).resolve(scrubbed);
        assertThat(SealEvidence.sha256(Files.readAllBytes(copy))).isEqualTo(scrubbed);
        assertThat(shahid.text("SELECT scrubbed_size FROM attachment")).isEqualTo(String.valueOf(Files.size(copy)));
        assertThat(tikaView(copy)).contains("Ballot boxes sealed").doesNotContain(EvidenceFixtures.AUTHOR);
        byte[] original = new SealedBlobStore(state.resolve("data"), Keyring.load(state.resolve("keys"), false))
                .read("evidence/" + sha256);
        assertThat(tikaView(EvidenceFixtures.write(state, "unsealed.pdf", original))).contains(EvidenceFixtures.AUTHOR);
        assertThat(shahid.text("SELECT removed_metadata FROM attachment")).contains("Info:Author")
                .doesNotContain(EvidenceFixtures.AUTHOR);
        assertThat(shahid.count("SELECT COUNT(*) FROM attachment WHERE MATCH(extracted_text) AGAINST ('tape')"))
                .isEqualTo(1);
        assertThat(shahid.dump("attachment")).doesNotContain(EvidenceFixtures.AUTHOR);
    }

    @Test
    void heicAndWebpCopiesLoseTheirGpsWhileTheSealedOriginalsKeepIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ExiftoolAvailability.isAvailable(),
                "exiftool is not installed (apt-get install libimage-exiftool-perl): WebP/HEIC flow test skipped");
        mail("witness@example.org", "Photo", "From my phone.", "IMG_0042.heic", "image/heic",
                EvidenceFixtures.heicWithGps());
        mail("witness@example.org", "Photo", "Another.", "IMG_0043.webp", "image/webp", EvidenceFixtures.webpWithGps());
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 2);

        for (String name : new String[] {"IMG_0042.heic", "IMG_0043.webp"}) {
            String where = " FROM attachment WHERE file_name = '" + name + "'";
            String scrubbed = shahid.text("SELECT scrubbed_sha256" + where);
            assertThat(scrubbed).as(name).isNotNull();
            assertThat(shahid.text("SELECT flags" + where)).as(name).isNull();
            assertThat(shahid.text("SELECT removed_metadata" + where)).contains("EXIF:GPSLatitude", "EXIF:SerialNumber")
                    .doesNotContain("SN-998877");
            Path copy = state.resolve("data/evidence").resolve(scrubbed.substring(0, 2)).resolve(scrubbed);
            byte[] original = new SealedBlobStore(state.resolve("data"), Keyring.load(state.resolve("keys"), false))
                    .read("evidence/" + shahid.text("SELECT sha256" + where));
            assertThat(new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1)).as(name)
                    .doesNotContain("SN-998877").doesNotContain(EvidenceFixtures.AUTHOR);
            assertThat(new String(original, StandardCharsets.ISO_8859_1)).as(name).contains("SN-998877")
                    .contains(EvidenceFixtures.AUTHOR);
        }
    }

    @Test
    void ticketsSharingAScreenshotOrATweetAreLinked() throws Exception {
        byte[] screenshot = EvidenceFixtures.pngWithAuthor();
        mail("first@example.org", "Fake picture", "This is fake.", "shot.png", "image/png", screenshot);
        mail("second@example.org", "Same picture", "Seen it too.", "IMG_2041.png", "image/png", screenshot);
        shahid.deliverRaw(REPORT, TestMails.plain("third@example.org", REPORT, "Lies",
                "Look: https://twitter.com/SomeCandidate/status/1234567890?s=20 spreading lies."));
        shahid.deliverRaw(REPORT, TestMails.plain("fourth@example.org", REPORT, "Lies again",
                "x.com/somecandidate/status/1234567890?t=xyz"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", 4);

        assertThat(shahid.count("SELECT COUNT(*) FROM evidence_link WHERE kind = 'HASH'")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM evidence_link WHERE kind = 'URL'")).isEqualTo(2);
        assertThat(shahid.text("SELECT value FROM evidence_key WHERE kind = 'URL' LIMIT 1"))
                .isEqualTo("https://x.com/somecandidate/status/1234567890");
        assertThat(shahid.count("""
                SELECT COUNT(*) FROM evidence_link l JOIN evidence_key a ON a.ticket_id = l.ticket_id
                JOIN evidence_key b ON b.ticket_id = l.linked_ticket_id
                WHERE l.kind = 'URL' AND a.kind = 'URL' AND b.kind = 'URL'""")).isEqualTo(2);

        String first = shahid.text("SELECT t.reference FROM ticket t JOIN attachment a ON a.ticket_id = t.id "
                + "WHERE a.file_name = 'shot.png'");
        String second = shahid.text("SELECT t.reference FROM ticket t JOIN attachment a ON a.ticket_id = t.id "
                + "WHERE a.file_name = 'IMG_2041.png'");
        String shown = ticketsVerb(first);
        assertThat(shown).contains("Linked tickets:").contains(second + "  HASH").contains("shot.png  image/png")
                .contains("copy ").doesNotContain(EvidenceFixtures.AUTHOR);
    }

    /** Runs the admin verb {@code tickets REF} against the test database and returns what it printed. */
    private String ticketsVerb(String reference) {
        Map<String, String> environment = new java.util.HashMap<>();
        shahid.database().settings().forEach((key, value) ->
                environment.put(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(org.shahid.admin.ShahidCommand.commandLine(environment).execute("tickets", reference))
                    .isZero();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void hostileAttachmentsAreFlaggedTicketsOpenedAndTheNextMailProcessed() throws Exception {
        mail("a@example.org", "Results", "zip", "results.zip", "application/zip", EvidenceFixtures.zipBomb(300));
        mail("b@example.org", "Leak", "docx", "leak.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                EvidenceFixtures.docxBomb(400));
        mail("c@example.org", "Nested", "nested", "nested.zip", "application/zip",
                EvidenceFixtures.nestedZip(20, "the deepest secret"));
        mail("d@example.org", "Locked", "pdf", "locked.pdf", "application/pdf",
                EvidenceFixtures.encryptedPdf("secret minutes"));
        mail("e@example.org", "Cut", "pdf", "cut.pdf", "application/pdf", EvidenceFixtures.truncatedPdf("cut"));
        mail("f@example.org", "Invoice", "pdf", "invoice.pdf", "application/pdf",
                EvidenceFixtures.windowsExecutable());
        shahid.deliverRaw(REPORT, TestMails.plain("g@example.org", REPORT, "After the storm", "Plain report."));

        await().atMost(Duration.ofMinutes(3)).until(() -> shahid.count("SELECT COUNT(*) FROM ticket") == 7);
        shahid.awaitEvidenceExamined();
        assertThat(flags("results.zip")).contains("zip-bomb");
        assertThat(flags("leak.docx")).contains("zip-bomb");
        assertThat(flags("nested.zip")).contains("embedded-limit");
        assertThat(flags("locked.pdf")).contains("encrypted");
        assertThat(flags("cut.pdf")).contains("truncated");
        assertThat(flags("invoice.pdf")).contains("executable-disguised");
        assertThat(shahid.text("SELECT scrubbed_sha256 FROM attachment WHERE file_name = 'invoice.pdf'")).isNull();
        // Deeper than the metadata listing reaches: its text could not be cleared of metadata, so none is kept.
        assertThat(flags("nested.zip")).contains("text-withheld");
        assertThat(shahid.text("SELECT extracted_text FROM attachment WHERE file_name = 'nested.zip'")).isNull();
        assertThat(shahid.count("SELECT COUNT(*) FROM quarantine")).isZero();
    }

    @Test
    void theAttachmentOfAForwardedMessageIsEvidenceToo() throws Exception {
        String inner = new String(TestMails.withAttachment("official@example.org", "staff@example.org",
                "Instructions", "See the attached order.", StandardCharsets.UTF_8, "order.pdf", "application/pdf",
                EvidenceFixtures.pdfWithAuthor("Order to close polling station 7")), StandardCharsets.US_ASCII);
        String outer = "From: witness@example.org\r\nTo: " + REPORT + "\r\nSubject: Fwd: Instructions\r\n"
                + "Message-ID: <fwd-1@phone.example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                + "--outer\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nForwarding what we got.\r\n"
                + "--outer\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "\r\n--outer--\r\n";
        shahid.deliverRaw(REPORT, outer.getBytes(StandardCharsets.US_ASCII));
        shahid.awaitCount("SELECT COUNT(*) FROM attachment WHERE file_name = 'order.pdf'", 1);

        assertThat(shahid.text("SELECT extracted_text FROM attachment WHERE file_name = 'order.pdf'"))
                .contains("Order to close polling station 7");
        assertThat(shahid.text("SELECT scrubbed_sha256 FROM attachment WHERE file_name = 'order.pdf'")).isNotNull();
        assertThat(shahid.text("SELECT removed_metadata FROM attachment WHERE file_name = 'order.pdf'"))
                .contains("Info:Author");
    }

    @Test
    void membersOfAZipAreListedWithTheirHashesAndLinkToTheSameFileSentAlone() throws Exception {
        byte[] photo = EvidenceFixtures.jpegWithGps();
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("photos/IMG_0001.jpg"));
            zip.write(photo);
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write("Ballot stuffing seen at 14:00".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        mail("first@example.org", "Photos", "All in the zip.", "photos.zip", "application/zip", zipped.toByteArray());
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 1);
        mail("second@example.org", "Photo", "One photo.", "photo.jpg", "image/jpeg", photo);
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 2);

        assertThat(shahid.count("SELECT COUNT(*) FROM attachment_member WHERE sha256 = '"
                + SealEvidence.sha256(photo) + "' AND name LIKE '%IMG_0001.jpg' AND detected_type = 'image/jpeg'"))
                .isEqualTo(1);
        assertThat(shahid.text("SELECT extracted_text FROM attachment WHERE file_name = 'photos.zip'"))
                .contains("Ballot stuffing seen at 14:00");
        assertThat(shahid.count("SELECT COUNT(*) FROM evidence_link WHERE kind = 'HASH'")).isEqualTo(2);
    }

    @Test
    void membersOfAZipGetTheirOwnScrubbedCopiesAndSealedOriginals() throws Exception {
        byte[] photo = EvidenceFixtures.jpegWithGps();
        byte[] statement = EvidenceFixtures.docxWithAuthor("Vote buying near the market");
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("evidence/IMG_0001.jpg"));
            zip.write(photo);
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("evidence/statement.docx"));
            zip.write(statement);
            zip.closeEntry();
        }
        mail("witness@example.org", "Evidence", "All in the zip.", "evidence.zip", "application/zip",
                zipped.toByteArray());
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 1);

        String photoRow = " FROM attachment_member WHERE name LIKE '%IMG_0001.jpg'";
        assertThat(shahid.text("SELECT sha256" + photoRow)).isEqualTo(SealEvidence.sha256(photo));
        assertThat(shahid.text("SELECT original_sealed" + photoRow)).isIn("1", "true");
        assertThat(shahid.text("SELECT removed_metadata" + photoRow)).contains("EXIF:GPS").contains("Serial")
                .doesNotContain("SN-998877");
        Path photoCopy = memberCopy(photoRow);
        assertThat(tikaView(photoCopy)).doesNotContain("GPS").doesNotContain("SN-998877")
                .doesNotContain(EvidenceFixtures.AUTHOR);
        assertThat(tikaView(unsealed("photo.jpg", SealEvidence.sha256(photo)))).contains("GPS Latitude")
                .contains("SN-998877");

        String docxRow = " FROM attachment_member WHERE name LIKE '%statement.docx'";
        assertThat(shahid.text("SELECT removed_metadata" + docxRow)).contains("Core:creator");
        assertThat(tikaView(memberCopy(docxRow))).contains("Vote buying").doesNotContain(EvidenceFixtures.AUTHOR);
        assertThat(tikaView(unsealed("statement.docx", SealEvidence.sha256(statement))))
                .contains(EvidenceFixtures.AUTHOR);
        // The archive's own text still carries the members' text, read from their scrubbed copies.
        assertThat(shahid.text("SELECT extracted_text FROM attachment")).contains("Vote buying near the market")
                .doesNotContain(EvidenceFixtures.AUTHOR);
        assertThat(shahid.dump("attachment_member")).doesNotContain(EvidenceFixtures.AUTHOR)
                .doesNotContain("SN-998877");
    }

    @Test
    void anArchiveCopyNamesNoReporterNumberNorFolderAndItsRecordMapsTheNewNamesToTheRedactedOnes() throws Exception {
        // A member path naming the reporter withholds the whole copy (its text names them: names-reporter); a phone
        // number or a device folder does not, so it is the copy's member names that must not carry them.
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("sdcard/DCIM/Camera/from 07701234567.txt"));
            zip.write("Vote buying near the market".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        mail("witness@example.org", "Evidence", "All in the zip.", "evidence.zip", "application/zip",
                zipped.toByteArray());
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 1);

        String memberName = shahid.text("SELECT name FROM attachment_member");
        assertThat(memberName).doesNotContain("07701234567").endsWith(".txt");
        assertThat(shahid.text("SELECT CONCAT(copy_name, '=', original_name) FROM member_renaming"))
                .matches("1-[0-9a-f]{8}\\.txt=" + java.util.regex.Pattern.quote(memberName))
                .doesNotContain("07701234567");
        String scrubbed = shahid.text("SELECT scrubbed_sha256 FROM attachment");
        assertThat(scrubbed).as(shahid.text("SELECT flags FROM attachment")).isNotNull();
        byte[] copy = Files.readAllBytes(state.resolve("data/evidence").resolve(scrubbed.substring(0, 2))
                .resolve(scrubbed));
        assertThat(ContainerCorpus.unzip(copy).keySet()).singleElement().asString().matches("1-[0-9a-f]{8}\\.txt");
        assertThat(new String(copy, StandardCharsets.ISO_8859_1)).doesNotContain("07701234567", "sdcard", "DCIM");
        // the monitors read the mapping next to the file, in their notification, with the member's recorded name
        String notification = org.shahid.testing.MailParts.textOf(shahid.awaitReceived("monitor1@shahid.test", 1).get(0));
        assertThat(notification).containsPattern("in the copy: 1-[0-9a-f]{8}\\.txt = "
                + java.util.regex.Pattern.quote(memberName)).doesNotContain("07701234567");
    }

    @Test
    void theAttachmentOfAForwardedMailSentAsAFileGetsItsOwnCopy() throws Exception {
        byte[] order = EvidenceFixtures.pdfWithAuthor("Order to close polling station 9");
        byte[] forwarded = TestMails.withAttachment("official@example.org", "staff@example.org", "Instructions",
                "See the attached order.", StandardCharsets.UTF_8, "order.pdf", "application/pdf", order);
        mail("witness@example.org", "Fwd", "The mail they sent us.", "instructions.eml", "application/octet-stream",
                forwarded);
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 1);

        String orderRow = " FROM attachment_member WHERE name = 'order.pdf'";
        assertThat(shahid.text("SELECT detected_type" + orderRow)).isEqualTo("application/pdf");
        assertThat(shahid.text("SELECT removed_metadata" + orderRow)).contains("Info:Author");
        assertThat(tikaView(memberCopy(orderRow))).contains("Order to close polling station 9")
                .doesNotContain(EvidenceFixtures.AUTHOR);
        assertThat(tikaView(unsealed("order.pdf", SealEvidence.sha256(order)))).contains(EvidenceFixtures.AUTHOR);
        assertThat(shahid.text("SELECT extracted_text FROM attachment WHERE file_name = 'instructions.eml'"))
                .contains("Order to close polling station 9");
    }

    /** The scrubbed copy named by one attachment_member row, checked against its recorded hash and size. */
    private Path memberCopy(String rowClause) throws Exception {
        String scrubbed = shahid.text("SELECT scrubbed_sha256" + rowClause);
        assertThat(scrubbed).isNotNull();
        Path copy = state.resolve("data/evidence").resolve(scrubbed.substring(0, 2)).resolve(scrubbed);
        assertThat(SealEvidence.sha256(Files.readAllBytes(copy))).isEqualTo(scrubbed);
        assertThat(shahid.text("SELECT scrubbed_size" + rowClause)).isEqualTo(String.valueOf(Files.size(copy)));
        return copy;
    }

    /** A sealed original, decrypted into the test's folder. */
    private Path unsealed(String name, String sha256) throws Exception {
        byte[] original = new SealedBlobStore(state.resolve("data"), Keyring.load(state.resolve("keys"), false))
                .read("evidence/" + sha256);
        return EvidenceFixtures.write(state, "unsealed-" + name, original);
    }

    private String flags(String fileName) {
        return shahid.text("SELECT flags FROM attachment WHERE file_name = '" + fileName + "'");
    }

    private static String tikaView(Path file) throws Exception {
        Metadata metadata = new Metadata();
        BodyContentHandler text = new BodyContentHandler(-1);
        try (InputStream in = TikaInputStream.get(file, metadata)) {
            new AutoDetectParser().parse(in, text, metadata, new ParseContext());
        }
        StringBuilder view = new StringBuilder(text.toString());
        for (String name : metadata.names()) {
            view.append('\n').append(name).append('=').append(String.join("|", metadata.getValues(name)));
        }
        return view.toString();
    }
}
