package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external image decoder runs inside its limits and leaves nothing behind in the work folder. */
class RunImageDecoderTest {

    private static final long ENOUGH_MEMORY = 1L << 30;

    @TempDir
    Path workDir;

    @BeforeEach
    void needsTheDecoder() {
        assumeTrue(RunImageDecoder.isInstalled(RunImageDecoder.Format.HEIF),
                "heif-convert (libheif-examples) is not installed");
    }

    @Test
    void decodesAHeicIntoAJpegAndRemovesItsFolder() throws Exception {
        Path heic = EvidenceFixtures.write(workDir, "photo.heic", EvidenceFixtures.heicWithGps());

        byte[] decoded = new RunImageDecoder(Duration.ofSeconds(30), ENOUGH_MEMORY)
                .decode(heic, RunImageDecoder.Format.HEIF, workDir);

        assertThat(ImageCorpus.decode(decoded).getWidth()).isPositive();
        try (var files = Files.list(workDir)) {
            assertThat(files).containsExactly(heic);
        }
    }

    @Test
    void aDecoderBeyondItsAddressSpaceFailsAndLeavesNothing() throws Exception {
        Path heic = EvidenceFixtures.write(workDir, "photo.heic", EvidenceFixtures.heicWithGps());
        RunImageDecoder starved = new RunImageDecoder(Duration.ofSeconds(30), 8L * 1024 * 1024);

        assertThatThrownBy(() -> starved.decode(heic, RunImageDecoder.Format.HEIF, workDir))
                .isInstanceOf(IOException.class).hasMessageContaining("could not decode");
        try (var files = Files.list(workDir)) {
            assertThat(files).containsExactly(heic);
        }
    }
}
