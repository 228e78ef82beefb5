package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCR of a screenshot in the child JVM: English and Arabic words both come out. Needs Tesseract ara+eng. */
class OcrScreenshotTest {

    @TempDir
    Path dir;

    @Test
    void readsEnglishAndArabicFromAScreenshot() throws Exception {
        assumeTrue(OcrAvailability.isAvailable("ara+eng"),
                "tesseract with ara and eng is not installed (apt-get install tesseract-ocr tesseract-ocr-ara): "
                        + "OCR test skipped");
        assumeTrue(EvidenceFixtures.arabicFont().isPresent(),
                "no font with Arabic glyphs (fc-list :lang=ar is empty; apt-get install fonts-dejavu-core): "
                        + "OCR test skipped");
        Path screenshot = EvidenceFixtures.write(dir, "post.png",
                EvidenceFixtures.screenshot("Vote buying at the school", "شراء الأصوات في المدرسة"));
        try (IsolatedExtractor extractor = new IsolatedExtractor(new IsolatedExtractor.Options("256m",
                Duration.ofSeconds(60), 1_000_000, 100, 5, 200, true, "ara+eng"))) {
            IsolatedExtractor.Outcome outcome = extractor.extract(screenshot, dir.resolve("copy.png"), "post.png",
                    "image/png");

            assertThat(outcome.text()).containsIgnoringCase("vote").containsIgnoringCase("school");
            assertThat(outcome.text()).containsAnyOf("الأصوات", "المدرسة", "شراء");
        }
    }

    @Test
    void ocrTempFilesStayInTheWorkFolderAndAreRemoved() throws Exception {
        assumeTrue(OcrAvailability.isAvailable("ara+eng"), "tesseract with ara and eng is not installed");
        Path screenshot = EvidenceFixtures.write(dir, "post.png",
                EvidenceFixtures.screenshot("Vote buying at the school", "شراء الأصوات في المدرسة"));
        Path workDir = dir.resolve("work");
        List<Path> before = tikaTempFiles();
        Path temporaryFolder;
        try (IsolatedExtractor extractor = new IsolatedExtractor(new IsolatedExtractor.Options("256m",
                Duration.ofSeconds(60), 1_000_000, 100, 5, 200, true, "eng"), workDir)) {
            temporaryFolder = extractor.temporaryFolder();
            IsolatedExtractor.Outcome outcome = extractor.extract(screenshot, dir.resolve("copy.png"), "post.png",
                    "image/png");

            assertThat(outcome.text()).containsIgnoringCase("school");
            assertThat(temporaryFolder.getParent()).isEqualTo(workDir);
            try (Stream<Path> left = Files.list(temporaryFolder)) {
                assertThat(left.toList()).isEmpty();
            }
        }
        assertThat(tikaTempFiles()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(temporaryFolder).doesNotExist();
    }

    /** Tika's OCR leaves an empty apache-tika-*.tmp.txt behind on each run, in the JVM's temp folder. */
    private static List<Path> tikaTempFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("apache-tika-")).toList();
        }
    }
}
