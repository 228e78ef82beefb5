package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF that is only a scanned page image: Tika's PDF parser renders it and Tesseract reads it, in the child
 * JVM; without OCR the same PDF gives no text. Needs Tesseract with ara and eng, and a font with Arabic glyphs.
 */
class OcrScannedPdfTest {

    private static final String ENGLISH = "Ballot boxes opened before the count";
    private static final String ARABIC = "فتح صناديق الاقتراع قبل العد";

    @TempDir
    Path dir;

    @Test
    void readsEnglishAndArabicFromAScannedPdf() throws Exception {
        assumeTrue(OcrAvailability.isAvailable("ara+eng"),
                "tesseract with ara and eng is not installed (apt-get install tesseract-ocr tesseract-ocr-ara): "
                        + "scanned-PDF OCR test skipped");
        assumeTrue(EvidenceFixtures.arabicFont().isPresent(),
                "no font with Arabic glyphs (fc-list :lang=ar is empty; apt-get install fonts-dejavu-core): "
                        + "scanned-PDF OCR test skipped");
        Path scan = EvidenceFixtures.write(dir, "scan.pdf", EvidenceFixtures.scannedPdf(1, ENGLISH, ARABIC));

        IsolatedExtractor.Outcome withOcr = extract(scan, true);
        IsolatedExtractor.Outcome withoutOcr = extract(scan, false);

        assertThat(withOcr.text()).containsIgnoringCase("ballot").containsIgnoringCase("committee");
        assertThat(withOcr.text()).containsAnyOf("صناديق", "الاقتراع", "العد");
        assertThat(withOcr.flags()).doesNotContain("extraction-failed", "extraction-timeout");
        assertThat(withoutOcr.text()).doesNotContainIgnoringCase("ballot");
    }

    private IsolatedExtractor.Outcome extract(Path scan, boolean ocr) {
        try (IsolatedExtractor extractor = new IsolatedExtractor(new IsolatedExtractor.Options("256m",
                Duration.ofSeconds(120), 1_000_000, 100, 5, 200, ocr, "ara+eng"))) {
            return extractor.extract(scan, dir.resolve(ocr ? "copy-ocr.pdf" : "copy.pdf"), "scan.pdf",
                    "application/pdf");
        }
    }
}
