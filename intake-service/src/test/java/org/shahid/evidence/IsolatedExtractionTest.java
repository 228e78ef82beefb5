package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child JVM scrubs and extracts real files; Tika in the test checks what is left in the copies. */
class IsolatedExtractionTest {

    private static IsolatedExtractor extractor;
    private static final ClassifyType CLASSIFY = new ClassifyType();

    @TempDir
    Path dir;

    @BeforeAll
    static void startWorker() {
        extractor = new IsolatedExtractor(new IsolatedExtractor.Options("256m", Duration.ofSeconds(60), 1_000_000,
                100, 5, 200, false, "ara+eng"));
    }

    @AfterAll
    static void stopWorker() {
        extractor.close();
    }

    record Result(ClassifyType.Classification type, IsolatedExtractor.Outcome outcome, Path original, Path copy) {
        List<String> flags() {
            return java.util.stream.Stream.concat(type.flags().stream(), outcome.flags().stream()).toList();
        }
    }

    private Result run(String name, byte[] content, String declaredType) throws Exception {
        Path original = EvidenceFixtures.write(dir, name, content);
        Path copy = dir.resolve("scrubbed-" + name);
        ClassifyType.Classification type = CLASSIFY.classify(original, name, declaredType);
        IsolatedExtractor.Outcome outcome = type.executable()
                ? IsolatedExtractor.Outcome.failed("not-opened", null)
                : extractor.extract(original, copy, name, type.detectedType());
        return new Result(type, outcome, original, copy);
    }

    /** What Tika, in this JVM, sees in a file: metadata values and text, as one string. */
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

    @Test
    void pdfAuthorIsGoneFromTheCopyButStaysInTheOriginalAndTheTextIsExtracted() throws Exception {
        Result result = run("report.pdf", EvidenceFixtures.pdfWithAuthor("Ballot box removed at school 12"),
                "application/pdf");

        assertThat(result.outcome().text()).contains("Ballot box removed at school 12");
        assertThat(result.outcome().scrubbed()).isTrue();
        assertThat(result.outcome().removedMetadata()).contains("Info:Author", "Info:Creator", "Info:Producer", "XMP");
        assertThat(result.outcome().removedMetadata().toString()).doesNotContain(EvidenceFixtures.AUTHOR);
        assertThat(tikaView(result.original())).contains(EvidenceFixtures.AUTHOR);
        String copy = tikaView(result.copy());
        assertThat(copy).contains("Ballot box removed").doesNotContain(EvidenceFixtures.AUTHOR)
                .doesNotContain("LaylaPhone");
        assertThat(result.flags()).isEmpty();
    }

    @Test
    void docxCoreExtendedAndCustomPropertiesAreGoneFromTheCopy() throws Exception {
        Result result = run("statement.docx", EvidenceFixtures.docxWithAuthor("Vote buying near the market"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        assertThat(result.outcome().text()).contains("Vote buying near the market");
        assertThat(result.outcome().removedMetadata()).contains("Core:creator", "Core:lastModifiedBy", "App:Company",
                "Custom", "People:pseudonymised");
        assertThat(unzipped(result.original())).contains(EvidenceFixtures.AUTHOR).contains("LHX");
        assertThat(unzipped(result.copy())).doesNotContain(EvidenceFixtures.AUTHOR).doesNotContain("LHX")
                .contains("check the date");
        assertThat(tikaView(result.original())).contains(EvidenceFixtures.AUTHOR).contains("Hassan Printing");
        assertThat(tikaView(result.copy())).contains("Vote buying").doesNotContain(EvidenceFixtures.AUTHOR)
                .doesNotContain("Hassan Printing");
    }

    @Test
    void jpegLosesGpsSerialAndOwnerButKeepsItsPixels() throws Exception {
        Result result = run("photo.jpg", EvidenceFixtures.jpegWithGps(), "image/jpeg");

        String before = tikaView(result.original());
        assertThat(before).contains("GPS Latitude").contains("SN-998877").contains(EvidenceFixtures.AUTHOR);
        String after = tikaView(result.copy());
        assertThat(after).doesNotContain("GPS").doesNotContain("SN-998877").doesNotContain(EvidenceFixtures.AUTHOR)
                .doesNotContain("PhoneMaker");
        assertThat(result.outcome().removedMetadata()).anyMatch(name -> name.startsWith("EXIF:GPS"))
                .anyMatch(name -> name.contains("Serial"));
        BufferedImage original = ImageIO.read(result.original().toFile());
        BufferedImage copy = ImageIO.read(result.copy().toFile());
        assertThat(copy.getWidth()).isEqualTo(original.getWidth());
        assertThat(pixels(copy)).isEqualTo(pixels(original));
    }

    @Test
    void pngTextChunksAreDroppedAndPixelsKept() throws Exception {
        Result result = run("screen.png", EvidenceFixtures.pngWithAuthor(), "image/png");

        assertThat(tikaView(result.original())).contains(EvidenceFixtures.AUTHOR);
        assertThat(tikaView(result.copy())).doesNotContain(EvidenceFixtures.AUTHOR);
        assertThat(result.outcome().removedMetadata()).containsExactlyInAnyOrder("tEXt:Author", "PNG:Author");
        assertThat(pixels(ImageIO.read(result.copy().toFile()))).isEqualTo(pixels(EvidenceFixtures.picture()));
    }

    @Test
    void odfMetaIsReplaced() throws Exception {
        Result result = run("minutes.odt", EvidenceFixtures.odtWithAuthor("Polling station closed early"),
                "application/vnd.oasis.opendocument.text");

        assertThat(tikaView(result.original())).contains(EvidenceFixtures.AUTHOR);
        assertThat(result.outcome().text()).contains("Polling station closed early");
        assertThat(result.outcome().removedMetadata()).contains("Meta:meta:initial-creator", "Meta:dc:creator");
        assertThat(tikaView(result.copy())).contains("Polling station").doesNotContain(EvidenceFixtures.AUTHOR)
                .doesNotContain("LaylaOffice");
    }

    @Test
    void withoutExiftoolToCheckItAWebpGetsNoCopyAndIsFlaggedUnchecked() throws Exception {
        Path webp = EvidenceFixtures.write(dir, "photo.webp", EvidenceFixtures.webpWithGps());
        Path copy = dir.resolve("copy.bin");

        ExtractionProtocol.Answer answer = ExtractionWorker.handle(new ExtractionProtocol.Request(webp.toString(),
                        copy.toString(), "", "photo.webp", "image/webp", 1000),
                new ExtractText(new ExtractText.Limits(100, 5, 200, false, "ara+eng", 10)),
                new ScrubCopy(new ScrubMetadata(), java.util.Optional.empty()), CLASSIFY,
                new RedactOriginalText(java.util.Optional.empty()));

        assertThat(answer.flags()).contains("scrub-unchecked");
        assertThat(answer.scrubbed()).isFalse();
        assertThat(copy).doesNotExist();
    }

    @Test
    void zipBombIsFlaggedAndStopsEarly() throws Exception {
        long started = System.nanoTime();
        Result result = run("results.zip", EvidenceFixtures.zipBomb(300), "application/zip");

        assertThat(result.flags()).contains("zip-bomb");
        assertThat(result.outcome().text().length()).isLessThan(1_000_001);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void docxInflatingToHundredsOfMegabytesIsFlagged() throws Exception {
        Result result = run("leak.docx", EvidenceFixtures.docxBomb(400),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        assertThat(result.flags()).contains("zip-bomb");
        assertThat(result.outcome().text().length()).isLessThan(1_000_001);
    }

    @Test
    void twentyLevelNestedZipStopsAtTheDepthLimit() throws Exception {
        Result result = run("nested.zip", EvidenceFixtures.nestedZip(20, "the deepest secret"), "application/zip");

        assertThat(result.flags()).contains("embedded-limit");
        assertThat(result.outcome().text()).doesNotContain("the deepest secret");
    }

    @Test
    void encryptedPdfIsRecordedAsEncrypted() throws Exception {
        Result result = run("locked.pdf", EvidenceFixtures.encryptedPdf("secret minutes"), "application/pdf");

        assertThat(result.flags()).contains("encrypted");
        assertThat(result.outcome().scrubbed()).isFalse();
        assertThat(result.outcome().note()).contains("encrypted");
    }

    @Test
    void encryptedZipAndDocxAreRecordedAsEncrypted() throws Exception {
        Result zip = run("ballots.zip", EvidenceFixtures.encryptedZip(), "application/zip");
        Result docx = run("locked.docx", EvidenceFixtures.encryptedDocx("hidden text"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        assertThat(zip.flags()).contains("encrypted");
        assertThat(docx.flags()).contains("encrypted");
        assertThat(docx.outcome().text()).doesNotContain("hidden text");
    }

    @Test
    void truncatedPdfIsFlagged() throws Exception {
        Result result = run("cut.pdf", EvidenceFixtures.truncatedPdf("cut short"), "application/pdf");

        assertThat(result.flags()).contains("truncated");
    }

    @Test
    void executableNamedPdfIsFlaggedDisguisedAndNeverOpened() throws Exception {
        Result result = run("invoice.pdf", EvidenceFixtures.windowsExecutable(), "application/pdf");

        assertThat(result.type().executable()).isTrue();
        assertThat(result.type().flags()).contains("executable-disguised", "type-mismatch", "extension-mismatch");
    }

    @Test
    void declaredTypeAndExtensionAreComparedWithTheContent() throws Exception {
        byte[] jpeg = EvidenceFixtures.jpegWithGps();
        assertThat(CLASSIFY.classify(EvidenceFixtures.write(dir, "photo.jpg", jpeg), "photo.jpg", "image/jpeg")
                .flags()).isEmpty();
        assertThat(CLASSIFY.classify(EvidenceFixtures.write(dir, "photo.png", jpeg), "photo.png", "image/png")
                .flags()).containsExactly("type-mismatch", "extension-mismatch");
        assertThat(CLASSIFY.classify(EvidenceFixtures.write(dir, "x.docx", EvidenceFixtures.docxWithAuthor("x")),
                "x.docx", "application/octet-stream").flags()).isEmpty();
    }

    @Test
    void aTimedOutWorkerIsKilledAndTheNextAttachmentIsServedByAFreshOne() throws Exception {
        Path pdf = EvidenceFixtures.write(dir, "a.pdf", EvidenceFixtures.pdfWithAuthor("first"));
        extractor.extract(pdf, dir.resolve("warm.pdf"), "a.pdf", "application/pdf");
        int starts = extractor.starts();

        IsolatedExtractor.Outcome timedOut = extractor.extract(pdf, dir.resolve("a-out.pdf"), "a.pdf",
                "application/pdf", Duration.ofMillis(1));
        IsolatedExtractor.Outcome next = extractor.extract(pdf, dir.resolve("b-out.pdf"), "a.pdf", "application/pdf");

        assertThat(timedOut.flags()).containsExactly("extraction-timeout");
        assertThat(next.text()).contains("first");
        assertThat(extractor.starts()).isEqualTo(starts + 1);
    }

    /** Closing (or killing) the child takes its own children with it: no ExifTool is left polling for ever. */
    @Test
    void closingTheWorkerLeavesNoExifToolBehind() throws Exception {
        List<ProcessHandle> exiftools;
        try (IsolatedExtractor own = new IsolatedExtractor(new IsolatedExtractor.Options("256m",
                Duration.ofSeconds(60), 1_000_000, 100, 5, 200, false, "ara+eng"))) {
            Path photo = EvidenceFixtures.write(dir, "photo.jpg", EvidenceFixtures.jpegWithGps());
            own.extract(photo, dir.resolve("photo-out.jpg"), "photo.jpg", "image/jpeg");
            exiftools = ProcessHandle.current().descendants()
                    .filter(process -> process.info().commandLine().orElse("").contains("exiftool"))
                    .toList();
            org.junit.jupiter.api.Assumptions.assumeFalse(exiftools.isEmpty(), "ExifTool is not installed");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> exiftools.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void aWorkerThatRunsOutOfMemoryIsReplaced() throws Exception {
        // No ratio guard and no text limit worth the name: the 64 MB child must die on 300 MB of text.
        try (IsolatedExtractor fragile = new IsolatedExtractor(new IsolatedExtractor.Options("64m",
                Duration.ofSeconds(60), 400_000_000, 1_000_000_000_000L, 5, 200, false, "ara+eng"))) {
            Path bomb = EvidenceFixtures.write(dir, "bomb.zip", EvidenceFixtures.zipBomb(300));
            Path text = EvidenceFixtures.write(dir, "note.txt", "still here".getBytes());

            IsolatedExtractor.Outcome crashed = fragile.extract(bomb, dir.resolve("bomb-out"), "bomb.zip",
                    "application/zip");
            IsolatedExtractor.Outcome next = fragile.extract(text, dir.resolve("note-out"), "note.txt", "text/plain");

            assertThat(crashed.flags()).containsExactly("extraction-crashed");
            assertThat(next.text()).isEqualTo("still here");
            assertThat(fragile.starts()).isEqualTo(2);
        }
    }

    /** Every entry of a zip-based file, inflated, as one string: what a curious monitor could unzip. */
    private static String unzipped(Path file) throws Exception {
        StringBuilder all = new StringBuilder();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            while (zip.getNextEntry() != null) {
                all.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }


}
