package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus: files built the way devices and programs build them, with markers (serial, owner, organisation,
 * host, e-mail, GPS) in every place their format allows. Every copy carries none of the markers, decodes, and
 * keeps what a person sees; with a scrubber disabled, the check by difference withholds the copy.
 */
class ScrubCorpusTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final ClassifyType CLASSIFY = new ClassifyType();
    private static ScrubMetadata scrubbers;
    private static ScrubCopy scrubCopy;
    private static ExiftoolSession listings;

    @TempDir
    Path dir;

    /** One corpus file and how to see that its copy keeps what the original shows. */
    record Case(String name, byte[] content, VisibleContent visible, List<String> markers) {

        Case(String name, byte[] content, VisibleContent visible) {
            this(name, content, visible, ImageCorpus.MARKERS);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface VisibleContent {
        void assertKept(Path original, Path copy) throws Exception;
    }

    @BeforeAll
    static void needsExiftool() {
        assumeTrue(ExiftoolAvailability.isAvailable(), "exiftool is not installed");
        try {
            listings = new ExiftoolSession("exiftool", TOOL_TIMEOUT, Files.createTempDirectory("scrub-corpus-"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        scrubbers = new ScrubMetadata();
        scrubCopy = new ScrubCopy(scrubbers, Optional.of(check()));
    }

    @AfterAll
    static void stopExiftool() {
        if (listings != null) {
            listings.close();
        }
    }

    private static CheckScrubbedCopy check() {
        return new CheckScrubbedCopy(listings);
    }

    static Stream<Case> corpus() throws Exception {
        return Stream.of(
                new Case("phone.jpg", ImageCorpus.phoneJpeg(), ScrubCorpusTest::samePixelsAsThePlainJpeg),
                new Case("odd-headers.jpg", ImageCorpus.oddHeaderJpeg(), ScrubCorpusTest::samePixelsAsThePlainJpeg),
                new Case("truncated.jpg", ImageCorpus.truncatedJpeg(), ScrubCorpusTest::closePixels),
                new Case("screenshot.png", ImageCorpus.screenshotPng(), ScrubCorpusTest::samePixels),
                new Case("animated.gif", ImageCorpus.annotatedGif(), ScrubCorpusTest::samePixels),
                new Case("phone.webp", ImageCorpus.phoneWebp(), ScrubCorpusTest::sameDecodedPixels),
                new Case("phone.heic", EvidenceFixtures.heicWithGps(), ScrubCorpusTest::sameDecodedPixels,
                        List.of(EvidenceFixtures.AUTHOR, "SN-998877", "LaylaPhone")),
                new Case("phone-gain-map.heic", HeicCorpus.phoneHeic(), ScrubCorpusTest::samePixelsAsTheEncodedHeic,
                        HeicCorpus.MARKERS),
                new Case("statement.docx", ContainerCorpus.docx(), showsText(ContainerCorpus.DOCX_TEXT,
                        ContainerCorpus.NOTE_TEXT, "Inserted at the station", ContainerCorpus.XLSX_TEXT)),
                new Case("tally.xlsx", ContainerCorpus.xlsx(), showsText(ContainerCorpus.XLSX_TEXT,
                        "Author 1:", ContainerCorpus.NOTE_TEXT)),
                new Case("slides.pptx", ContainerCorpus.pptx(), showsText(ContainerCorpus.DOCX_TEXT)),
                new Case("tally.xls", LegacyOfficeCorpus.xls(), showsText(LegacyOfficeCorpus.SHEET_TEXT)),
                new Case("slides.ppt", LegacyOfficeCorpus.ppt(), showsText(LegacyOfficeCorpus.SLIDE_TEXT)),
                new Case("reviewed.xls", LegacyOfficeCorpus.xlsWithNote(), showsText(LegacyOfficeCorpus.SHEET_TEXT,
                        LegacyOfficeCorpus.NOTE_TEXT), java.util.stream.Stream.concat(ImageCorpus.MARKERS.stream(),
                        Stream.of(LegacyOfficeCorpus.REVIEWER)).toList()),
                new Case("revision-authors.doc", EvidenceFixtures.wordWithRevisionAuthors(),
                        showsText("Project Management Team Model", "Adding something here for tracked changes"),
                        List.of("BSanders", "Ryan Lauck")),
                new Case("statement-with-workbook.docx", LegacyOfficeCorpus.docxWithEmbeddedWorkbook(),
                        ScrubCorpusTest::keepsTheEmbeddedWorkbook),
                new Case("minutes.odt", ContainerCorpus.odt(), showsText(ContainerCorpus.ODT_TEXT,
                        ContainerCorpus.NOTE_TEXT)),
                new Case("minutes.fodt", ContainerCorpus.fodt(), showsText(ContainerCorpus.ODT_TEXT,
                        ContainerCorpus.NOTE_TEXT)),
                new Case("report.pdf", ContainerCorpus.pdf(), showsText(ContainerCorpus.PDF_TEXT)),
                new Case("filled-form.pdf", PdfFormCorpus.filledForm(), ScrubCorpusTest::sameFormTextAndPhoto),
                new Case("camera.jp2", PdfFormCorpus.phoneJp2(), ScrubCorpusTest::sameDecodedPixels),
                new Case("evidence.zip", ContainerCorpus.archive(), showsText(ContainerCorpus.XLSX_TEXT,
                        ContainerCorpus.DOCX_TEXT)),
                new Case("evidence.tar", ContainerCorpus.tar(), showsText(ContainerCorpus.XLSX_TEXT,
                        ContainerCorpus.DOCX_TEXT)),
                new Case("evidence.tar.gz", ContainerCorpus.tarGz(), showsText(ContainerCorpus.XLSX_TEXT,
                        ContainerCorpus.DOCX_TEXT)),
                new Case("statement.docx.gz", ContainerCorpus.gzippedDocx(), showsText(ContainerCorpus.DOCX_TEXT,
                        ContainerCorpus.NOTE_TEXT)),
                new Case("evidence.7z", ContainerCorpus.sevenZip(), showsText(ContainerCorpus.XLSX_TEXT,
                        ContainerCorpus.DOCX_TEXT)),
                new Case("offer.eml", ContainerCorpus.mail(), showsText(ContainerCorpus.MAIL_TEXT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCopyCarriesNoMarkerDecodesAndKeepsWhatIsVisible(Case file) throws Exception {
        Path original = EvidenceFixtures.write(dir, file.name(), file.content());
        assertCarriesMarkers(original, file.markers());
        Path copy = dir.resolve("copy-" + file.name());

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.flags()).as(result.notes().toString()).isEmpty();
        assertThat(result.kept()).isTrue();
        assertCarriesNoMarker(copy, file.markers());
        file.visible().assertKept(original, copy);
        assertThat(String.join(" ", result.removed())).doesNotContain(ImageCorpus.OWNER, ImageCorpus.SERIAL,
                ImageCorpus.EMAIL);
    }

    @Test
    void aPortraitPhotoKeepsItsOrientationAndNothingElseOfItsExif() throws Exception {
        Path original = EvidenceFixtures.write(dir, "portrait.jpg", ImageCorpus.rotatedJpeg());
        Path copy = dir.resolve("copy.jpg");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.kept()).isTrue();
        assertThat(exiftool(copy)).contains("Orientation", "Rotate 90 CW");
        assertCarriesNoMarker(copy);
    }

    @Test
    void withTheJpegScrubberDisabledTheCheckWithholdsTheCopyAndNamesTheFields() throws Exception {
        Path original = EvidenceFixtures.write(dir, "phone.jpg", ImageCorpus.phoneJpeg());
        Path copy = dir.resolve("copy.jpg");
        ScrubCopy disabled = new ScrubCopy(scrubbers.replacing("image/jpeg", ScrubMetadata.PASS_THROUGH),
                Optional.of(check()));

        ScrubCopy.Result result = scrub(disabled, original, copy);

        assertThat(result.kept()).isFalse();
        assertThat(result.flags()).containsExactly("scrub-incomplete");
        assertThat(result.notes().get(0)).contains("EXIF:SerialNumber", "XMP:Creator", "EXIF:GPSLatitude")
                .doesNotContain(ImageCorpus.OWNER, ImageCorpus.SERIAL);
        assertThat(copy).doesNotExist();
    }

    @Test
    void aDenylistScrubberThatMissesTheTrailerAndTheCommentIsCaught() throws Exception {
        Path original = EvidenceFixtures.write(dir, "phone.jpg", ImageCorpus.phoneJpeg());
        Path copy = dir.resolve("copy.jpg");
        // Only the standard EXIF segment goes, as before the allowlist: comment, ICC, C2PA and trailers stay.
        MetadataScrubber exifOnly = (input, output) -> {
            try (var out = Files.newOutputStream(output)) {
                new org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter().removeExifMetadata(input.toFile(),
                        out);
            }
            return List.of();
        };
        ScrubCopy denylist = new ScrubCopy(scrubbers.replacing("image/jpeg", exifOnly),
                Optional.of(check()));

        ScrubCopy.Result result = scrub(denylist, original, copy);

        assertThat(result.kept()).isFalse();
        assertThat(result.flags()).containsExactly("scrub-incomplete");
        assertThat(copy).doesNotExist();
    }

    @Test
    void withTheImageScrubberDisabledADocumentWhosePhotoKeepsItsExifIsWithheld() throws Exception {
        Path original = EvidenceFixtures.write(dir, "statement.docx", ContainerCorpus.docx());
        Path copy = dir.resolve("copy.docx");
        ScrubCopy photosUntouched = new ScrubCopy(scrubbers.replacing("image/jpeg", ScrubMetadata.PASS_THROUGH),
                Optional.of(check()));

        ScrubCopy.Result result = scrub(photosUntouched, original, copy);

        assertThat(result.kept()).isFalse();
        assertThat(result.flags()).containsExactly("scrub-incomplete");
        assertThat(result.notes().get(0)).contains("EXIF:SerialNumber");
        assertThat(copy).doesNotExist();
    }

    @Test
    void withTheHeicScrubberDisabledTheCheckWithholdsTheCopy() throws Exception {
        String note = withheldWithItsScrubberDisabled("phone.heic", HeicCorpus.phoneHeic());

        assertThat(note).contains("GPSLatitude").doesNotContain(ImageCorpus.OWNER);
    }

    @Test
    void withThePdfScrubberDisabledAnnotationAuthorsAndEmbeddedFilesWithholdTheCopy() throws Exception {
        Path original = EvidenceFixtures.write(dir, "report.pdf", ContainerCorpus.pdf());
        Path copy = dir.resolve("copy.pdf");
        ScrubCopy disabled = new ScrubCopy(scrubbers.replacing("application/pdf", ScrubMetadata.PASS_THROUGH),
                Optional.of(check()));

        ScrubCopy.Result result = scrub(disabled, original, copy);

        assertThat(result.kept()).isFalse();
        assertThat(result.notes().get(0)).contains("PDF:annotation-author", "PDF:Author");
    }

    static Stream<Case> archives() throws Exception {
        return Stream.of(
                new Case("evidence.tar", ContainerCorpus.tar(), (original, copy) -> { }),
                new Case("evidence.tar.gz", ContainerCorpus.tarGz(), (original, copy) -> { }),
                new Case("statement.docx.gz", ContainerCorpus.gzippedDocx(), (original, copy) -> { }),
                new Case("evidence.7z", ContainerCorpus.sevenZip(), (original, copy) -> { }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void withTheArchiveScrubberDisabledTheCheckWithholdsTheCopy(Case file) throws Exception {
        String note = withheldWithItsScrubberDisabled(file.name(), file.content());

        assertThat(note).contains("EXIF:SerialNumber");
    }

    @Test
    void withThePdfScrubberDisabledAFilledFormWithholdsTheCopyAndNamesItsValues() throws Exception {
        String note = withheldWithItsScrubberDisabled("form.pdf", PdfFormCorpus.filledForm());

        assertThat(note).contains("PDF:form-value").doesNotContain(ImageCorpus.OWNER);
    }

    @Test
    void aFilledFormKeepsItsFieldsEmptyAndItsCheckBox() throws Exception {
        Path original = EvidenceFixtures.write(dir, "form.pdf", PdfFormCorpus.filledForm());
        Path copy = dir.resolve("copy.pdf");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.flags()).as(result.notes().toString()).isEmpty();
        try (var document = org.apache.pdfbox.Loader.loadPDF(copy.toFile())) {
            var form = document.getDocumentCatalog().getAcroForm(null); // as saved: no appearances generated
            assertThat(form.getField("reporter").getValueAsString()).isEmpty();
            assertThat(form.getField("contact").getValueAsString()).isEmpty();
            assertThat(form.getField("witnessed")).isNotNull();
            assertThat(form.getNeedAppearances()).isTrue();
            assertThat(form.getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.XFA)).isFalse();
        }
    }

    @Test
    void withTheOleScrubberDisabledALegacyWorkbookIsWithheldAndItsFieldsNamed() throws Exception {
        String note = withheldWithItsScrubberDisabled("tally.xls", LegacyOfficeCorpus.xls());

        assertThat(note).contains("Author", "Company").doesNotContain(ImageCorpus.OWNER);
    }

    /** Scrubs the file with its type's scrubber replaced by a plain copy: the check must withhold it; its note. */
    private String withheldWithItsScrubberDisabled(String name, byte[] content) throws IOException {
        Path original = EvidenceFixtures.write(dir, name, content);
        Path copy = dir.resolve("copy-" + name);
        String type = CLASSIFY.classify(original, name, null).detectedType();
        ScrubCopy disabled = new ScrubCopy(scrubbers.replacing(type, ScrubMetadata.PASS_THROUGH),
                Optional.of(check()));

        ScrubCopy.Result result = scrub(disabled, original, copy);

        assertThat(result.kept()).isFalse();
        assertThat(result.flags()).containsExactly("scrub-incomplete");
        assertThat(copy).doesNotExist();
        return result.notes().get(0);
    }

    @Test
    void withTheArchiveScrubbersDisabledTheCheckNamesTheTarAndGzipHeaderFields() throws Exception {
        Path original = EvidenceFixtures.write(dir, "evidence.tar.gz", ContainerCorpus.tarGz());
        Path copy = dir.resolve("copy.tar.gz");
        ScrubCopy disabled = new ScrubCopy(scrubbers.replacing("application/gzip", ScrubMetadata.PASS_THROUGH),
                Optional.of(check()));

        ScrubCopy.Result result = scrub(disabled, original, copy);

        assertThat(result.kept()).isFalse();
        assertThat(result.notes().get(0)).contains("Tar:owner-name", "Tar:group-name", "Tar:pax-header",
                "Tar:link-name", "Gzip:file-name", "Gzip:comment").doesNotContain(ImageCorpus.OWNER);
    }

    @Test
    void aTarCopyNamesNoAccountNorTimeAndLeavesOutLinksAndUnscrubbableMembers() throws Exception {
        Path original = EvidenceFixtures.write(dir, "evidence.tar", ContainerCorpus.tar());
        Path copy = dir.resolve("copy.tar");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.kept()).as(result.notes().toString()).isTrue();
        assertThat(result.removed()).contains("Tar:owner-name", "Tar:group-name", "Tar:owner-id",
                "Tar:modification-time", "Tar:pax-headers", "Archive:removed-unscrubbable-member-1",
                "Tar:removed-link-or-device-2");
        List<String> names = new java.util.ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(copy))) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
                assertThat(entry.getUserName()).isEmpty();
                assertThat(entry.getGroupName()).isEmpty();
                assertThat(entry.getLongUserId()).isZero();
                assertThat(entry.getLongGroupId()).isZero();
                assertThat(entry.getModTime().getTime()).isEqualTo(ScrubArchiveMember.FIXED_TIME_MILLIS);
                assertThat(entry.getExtraPaxHeaders()).isEmpty();
            }
        }
        assertThat(names).hasSize(3).allMatch(name -> name.matches("[1-3]-[0-9a-f]{8}\\.(jpg|docx|txt)"));
        assertThat(contains(copy, System.getProperty("user.name"))).as("the service's account").isFalse();
    }

    @Test
    void aGzipCopyHasNoFileNameCommentNorTime() throws Exception {
        Path original = EvidenceFixtures.write(dir, "statement.docx.gz", ContainerCorpus.gzippedDocx());
        Path copy = dir.resolve("copy.gz");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.kept()).as(result.notes().toString()).isTrue();
        assertThat(result.removed()).contains("Gzip:FNAME", "Gzip:FCOMMENT", "Gzip:MTIME");
        try (var gzip = new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(
                Files.newInputStream(copy))) {
            assertThat(gzip.getMetaData().getFileName()).isNull();
            assertThat(gzip.getMetaData().getComment()).isNull();
            assertThat(gzip.getMetaData().getModificationTime()).isZero();
        }
    }

    @Test
    void aSevenZipCopyKeepsNoNamesTimesNorAttributesOfTheOriginal() throws Exception {
        Path original = EvidenceFixtures.write(dir, "evidence.7z", ContainerCorpus.sevenZip());
        Path copy = dir.resolve("copy.7z");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.kept()).as(result.notes().toString()).isTrue();
        assertThat(result.removed()).contains("7z:times", "7z:attributes", "Archive:removed-unscrubbable-member-1");
        List<String> names = new java.util.ArrayList<>();
        try (var archive = org.apache.commons.compress.archivers.sevenz.SevenZFile.builder().setPath(copy).get()) {
            for (var entry : archive.getEntries()) {
                names.add(entry.getName());
                assertThat(entry.getHasCreationDate()).isFalse();
                assertThat(entry.getHasAccessDate()).isFalse();
                assertThat(entry.getHasWindowsAttributes()).isFalse();
                assertThat(entry.getLastModifiedDate().getTime()).isEqualTo(ScrubArchiveMember.FIXED_TIME_MILLIS);
            }
        }
        assertThat(names).hasSize(3).allMatch(name -> name.matches("[1-3]-[0-9a-f]{8}\\.(jpg|docx|txt)"));
    }

    @Test
    void anEncryptedSevenZipGetsNoCopy() throws Exception {
        Path original = EvidenceFixtures.write(dir, "locked.7z", ContainerCorpus.encryptedSevenZip());
        Path copy = dir.resolve("copy.7z");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.kept()).isFalse();
        assertThat(result.flags()).containsExactly("encrypted");
        assertThat(copy).doesNotExist();
    }

    @Test
    void anAttachedMailIsRedactedAsAReportersMailIsAtIntake() throws Exception {
        Path original = EvidenceFixtures.write(dir, "offer.eml", ContainerCorpus.mail());
        Path copy = dir.resolve("copy.eml");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.kept()).as(result.notes().toString()).isTrue();
        String text = tikaText(copy);
        String raw = Files.readString(copy, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(ContainerCorpus.MAIL_TEXT, org.shahid.sealing.RedactionTerms.PHONE);
        for (String person : List.of(ContainerCorpus.RECIPIENT, ContainerCorpus.RECIPIENT_ADDRESS, ContainerCorpus.PHONE,
                "Karim", "Haddad", "Nadia")) {
            assertThat(text).as("text").doesNotContain(person);
            assertThat(raw).as("raw mail, attachment names included").doesNotContain(person);
        }
        assertThat(raw).doesNotContain("flyer");
        assertThat(raw).containsPattern("filename=\"?1-[0-9a-f]{8}\\.jpg");
        assertThat(result.removed()).contains("Header:To", "Header:From", "Header:Received", "Header:X-Mailer");
        assertThat(result.removed()).as("the new name mapped to the name redacted with the header's people")
                .anyMatch(entry -> entry.matches("Renamed:1-[0-9a-f]{8}\\.jpg=flyer_for_\\[name]\\.jpg"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"zip", "tar", "7z"})
    void anArchiveCopyNamesItsMembersByPositionAndHashAndRecordsTheOriginalNames(String format) throws Exception {
        Path original = EvidenceFixtures.write(dir, "evidence." + format, ContainerCorpus.archiveNamedByThePhone(format));
        Path copy = dir.resolve("copy." + format);
        assertCarriesMarkers(original, ContainerCorpus.MEMBER_PATH_MARKERS);

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.kept()).as(result.notes().toString()).isTrue();
        assertCarriesNoMarker(copy, ContainerCorpus.MEMBER_PATH_MARKERS);
        java.util.Map<String, byte[]> members = members(copy, format);
        assertThat(members.keySet()).hasSize(3).allMatch(name -> name.matches("[1-3]-[0-9a-f]{8}\\.(jpg|docx|txt)"));
        for (java.util.Map.Entry<String, byte[]> member : members.entrySet()) {
            String hash = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(member.getValue()));
            assertThat(member.getKey()).as("named by its content").contains("-" + hash.substring(0, 8) + ".");
        }
        List<String> byPosition = List.copyOf(members.keySet());
        assertThat(byPosition.get(2)).endsWith(".txt");
        assertThat(members.get(byPosition.get(2))).isEqualTo(ContainerCorpus.utf8(ContainerCorpus.XLSX_TEXT));
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(members.get(byPosition.get(0)))))
                .as("the photo still decodes").isNotNull();
        assertThat(tikaText(copy)).contains(ContainerCorpus.DOCX_TEXT, ContainerCorpus.XLSX_TEXT);
        assertThat(result.removed()).contains(
                "Renamed:" + byPosition.get(0) + "=sdcard/DCIM/Ahmed_Kareem/photo from 07701234567.jpg",
                "Renamed:" + byPosition.get(1) + "=C:/Users/layla/Documents/statement.docx",
                "Renamed:" + byPosition.get(2) + "=Ahmed_Kareem/notes.TXT");
    }

    /** A rebuilt archive's members by name, in the copy's order. */
    private static java.util.Map<String, byte[]> members(Path archive, String format) throws IOException {
        java.util.Map<String, byte[]> members = new java.util.LinkedHashMap<>();
        switch (format) {
            case "zip" -> {
                try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(archive).get()) {
                    for (var entry : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            members.put(entry.getName(), in.readAllBytes());
                        }
                    }
                }
            }
            case "tar" -> {
                try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                        Files.newInputStream(archive))) {
                    org.apache.commons.compress.archivers.tar.TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        members.put(entry.getName(), tar.readAllBytes());
                    }
                }
            }
            default -> {
                try (var sevenZip = org.apache.commons.compress.archivers.sevenz.SevenZFile.builder().setPath(archive)
                        .get()) {
                    for (var entry : sevenZip.getEntries()) {
                        try (InputStream in = sevenZip.getInputStream(entry)) {
                            members.put(entry.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        return members;
    }

    static ScrubCopy.Result scrub(ScrubCopy scrubCopy, Path original, Path copy) {
        String type = CLASSIFY.classify(original, original.getFileName().toString(), null).detectedType();
        return scrubCopy.scrub(original, copy, type);
    }

    /** The fixture is honest: the markers are really in the original, where a reader finds them. */
    static void assertCarriesMarkers(Path original, List<String> markers) throws IOException {
        long found = markers.stream().filter(marker -> contains(original, marker)).count();
        assertThat(found).as("markers in the original").isGreaterThanOrEqualTo(2);
    }

    static void assertCarriesNoMarker(Path copy) throws IOException, InterruptedException {
        assertCarriesNoMarker(copy, ImageCorpus.MARKERS);
    }

    static void assertCarriesNoMarker(Path copy, List<String> markers) throws IOException, InterruptedException {
        for (String marker : markers) {
            assertThat(contains(copy, marker)).as(marker + " in the copy").isFalse();
        }
        String listing = exiftool(copy);
        assertThat(listing).doesNotContain(markers.toArray(String[]::new));
        assertThat(listing).doesNotContain("GPS", "33 deg", "44 deg");
    }

    /** Raw bytes and every laid-open stream, in UTF-8 and UTF-16 both ways. */
    static boolean contains(Path file, String marker) {
        try {
            for (UnpackStreams.Piece piece : UnpackStreams.of(Files.readAllBytes(file))) {
                String bytes = new String(piece.bytes(), StandardCharsets.ISO_8859_1);
                for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16BE)) {
                    if (bytes.contains(new String(marker.getBytes(charset), StandardCharsets.ISO_8859_1))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String exiftool(Path file) throws IOException, InterruptedException {
        return run(List.of("exiftool", "-a", "-u", "-ee", "-G1", "-s", file.toString()));
    }

    /** What a reader of the document sees: the copy's text (Tika, body and embedded parts) has these phrases. */
    private static VisibleContent showsText(String... phrases) {
        return (original, copy) -> {
            assertThat(tikaText(original)).contains(phrases[0]);
            assertThat(tikaText(copy)).contains(phrases);
        };
    }

    static String tikaText(Path file) throws Exception {
        org.apache.tika.sax.BodyContentHandler text = new org.apache.tika.sax.BodyContentHandler(-1);
        org.apache.tika.parser.AutoDetectParser parser = new org.apache.tika.parser.AutoDetectParser();
        org.apache.tika.parser.ParseContext context = new org.apache.tika.parser.ParseContext();
        context.set(org.apache.tika.parser.Parser.class, parser);
        org.apache.tika.parser.ocr.TesseractOCRConfig noOcr = new org.apache.tika.parser.ocr.TesseractOCRConfig();
        noOcr.setSkipOcr(true); // the text layer is what is compared; OCR of the photos would only cost time
        context.set(org.apache.tika.parser.ocr.TesseractOCRConfig.class, noOcr);
        try (InputStream in = org.apache.tika.io.TikaInputStream.get(file)) {
            parser.parse(in, text, new org.apache.tika.metadata.Metadata(), context);
        }
        return text.toString();
    }

    private static void samePixelsAsThePlainJpeg(Path original, Path copy) throws Exception {
        assertThat(pixels(ImageCorpus.decode(Files.readAllBytes(copy))))
                .isEqualTo(pixels(ImageCorpus.decode(ImageCorpus.plainJpeg())));
    }

    private static void samePixels(Path original, Path copy) throws Exception {
        assertThat(pixels(ImageCorpus.decode(Files.readAllBytes(copy))))
                .isEqualTo(pixels(ImageCorpus.decode(Files.readAllBytes(original))));
    }

    /** Re-encoded from decoded pixels: the same size, and each channel within a few steps of the original. */
    private static void closePixels(Path original, Path copy) throws Exception {
        BufferedImage before = ImageCorpus.decode(Files.readAllBytes(original));
        BufferedImage after = ImageCorpus.decode(Files.readAllBytes(copy));
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(after.getHeight()).isEqualTo(before.getHeight());
        long difference = 0;
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                int a = before.getRGB(x, y);
                int b = after.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    difference += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
                }
            }
        }
        assertThat(difference / (3.0 * before.getWidth() * before.getHeight())).isLessThan(4.0);
    }

    @Test
    void aHeicTheAllowlistCannotRebuildIsReencodedFromItsPixelsAsAJpeg() throws Exception {
        assumeTrue(RunImageDecoder.isInstalled(RunImageDecoder.Format.HEIF),
                "heif-convert (libheif-examples) is not installed");
        Path original = EvidenceFixtures.write(dir, "essential-profile.heic",
                HeicCorpus.phoneHeicWithEssentialProfile());
        assertCarriesMarkers(original, HeicCorpus.MARKERS);
        Path copy = dir.resolve("copy-essential-profile.heic");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.flags()).as(result.notes().toString()).isEmpty();
        assertThat(result.removed()).contains("HEIF:re-encoded");
        assertThat(Files.readAllBytes(copy)).startsWith(0xFF, 0xD8);
        assertCarriesNoMarker(copy, HeicCorpus.MARKERS);
        closeDecodedPixels(original, copy);
    }

    @Test
    void aJpeg2000TheAllowlistCannotRebuildIsReencodedFromItsPixelsAsAPng() throws Exception {
        assumeTrue(RunImageDecoder.isInstalled(RunImageDecoder.Format.JPEG2000),
                "opj_decompress (libopenjp2-tools) is not installed");
        Path original = EvidenceFixtures.write(dir, "two-codestreams.jp2", PdfFormCorpus.phoneJp2WithTwoCodestreams());
        assertCarriesMarkers(original, ImageCorpus.MARKERS);
        Path copy = dir.resolve("copy-two-codestreams.jp2");

        ScrubCopy.Result result = scrub(scrubCopy, original, copy);

        assertThat(result.flags()).as(result.notes().toString()).isEmpty();
        assertThat(result.removed()).contains("JPEG2000:re-encoded");
        assertThat(Files.readAllBytes(copy)).startsWith(0x89, 'P', 'N', 'G');
        assertCarriesNoMarker(copy, ImageCorpus.MARKERS);
        closeDecodedPixels(original, copy);
    }

    @Test
    void anImageNoDecoderCanRenderGetsNoCopy() throws Exception {
        assumeTrue(RunImageDecoder.isInstalled(RunImageDecoder.Format.HEIF),
                "heif-convert (libheif-examples) is not installed");
        byte[] heic = HeicCorpus.phoneHeicWithEssentialProfile();
        // The coded data cut in half: outside the allowlist (an item past the file) and beyond any decoder.
        Path original = EvidenceFixtures.write(dir, "cut.heic", java.util.Arrays.copyOf(heic, heic.length / 2));
        Path copy = dir.resolve("copy-cut.heic");

        ScrubCopy.Result result = scrubCopy.scrub(original, copy, "image/heic");

        assertThat(result.kept()).isFalse();
        assertThat(result.flags()).containsExactly("scrub-failed");
        assertThat(copy).doesNotExist();
    }

    /** A re-encoded copy: as many pixels, each channel of each within a few steps of the original's on average. */
    private static void closeDecodedPixels(Path original, Path copy) throws Exception {
        byte[] before = decodeWithImageMagick(original);
        byte[] after = decodeWithImageMagick(copy);
        assertThat(after).hasSameSizeAs(before);
        long difference = 0;
        for (int i = 0; i < before.length; i++) {
            difference += Math.abs((before[i] & 0xFF) - (after[i] & 0xFF));
        }
        assertThat(difference / (double) before.length).isLessThan(4.0);
    }

    /** Formats the JDK cannot decode: ImageMagick decodes both to raw RGBA. */
    private static void sameDecodedPixels(Path original, Path copy) throws Exception {
        byte[] before = decodeWithImageMagick(original);
        assertThat(before).isNotEmpty();
        assertThat(decodeWithImageMagick(copy)).isEqualTo(before);
    }

    /**
     * The phone's additions (its ICC profile, an SEI message) shift the original's decoding by a step; the copy,
     * without them, decodes exactly as the photo the encoder wrote.
     */
    private static void samePixelsAsTheEncodedHeic(Path original, Path copy) throws Exception {
        Path encoded = EvidenceFixtures.write(original.getParent(), "encoded.heic", EvidenceFixtures.heicWithGps());
        byte[] before = decodeWithImageMagick(encoded);
        assertThat(before).isNotEmpty();
        assertThat(decodeWithImageMagick(copy)).isEqualTo(before);
    }

    /** The document's text stays, and its embedded workbook is still there, scrubbed, with its cell. */
    private static void keepsTheEmbeddedWorkbook(Path original, Path copy) throws Exception {
        assertThat(tikaText(copy)).contains(ContainerCorpus.DOCX_TEXT);
        byte[] workbook = ContainerCorpus.unzip(Files.readAllBytes(copy))
                .get("word/embeddings/Microsoft_Excel_97-2003_Worksheet.xls");
        assertThat(workbook).isNotNull();
        try (var sheets = new org.apache.poi.hssf.usermodel.HSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            assertThat(sheets.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(LegacyOfficeCorpus.SHEET_TEXT);
        }
    }

    /** The page's text stays, and its JPEG 2000 photo decodes to the same pixels. */
    private static void sameFormTextAndPhoto(Path original, Path copy) throws Exception {
        assertThat(tikaText(copy)).contains(PdfFormCorpus.FORM_TEXT);
        Path before = EvidenceFixtures.write(original.getParent(), "before.jp2", jpxImage(original));
        Path after = EvidenceFixtures.write(original.getParent(), "after.jp2", jpxImage(copy));
        assertThat(decodeWithImageMagick(after)).isEqualTo(decodeWithImageMagick(before));
    }

    private static byte[] jpxImage(Path pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var resources = document.getPage(0).getResources();
            for (var name : resources.getXObjectNames()) {
                var stream = resources.getXObject(name).getCOSObject();
                if (org.apache.pdfbox.cos.COSName.JPX_DECODE.equals(stream.getDictionaryObject(
                        org.apache.pdfbox.cos.COSName.FILTER))) {
                    try (InputStream raw = stream.createRawInputStream()) {
                        return raw.readAllBytes();
                    }
                }
            }
        }
        throw new AssertionError("no JPEG 2000 image in " + pdf.getFileName());
    }

    private static byte[] decodeWithImageMagick(Path image) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("convert", image.toString(), "-depth", "8", "rgba:-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("convert " + image.getFileName()).isZero();
        return out.toByteArray();
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
