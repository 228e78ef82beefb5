package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
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
}
