package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether the image decoders can run without network is found by trying, and an admin is told why not: here a
 * stand-in for {@code unshare} refuses as Docker's default seccomp profile makes the real one refuse.
 */
class PixelReencodingAvailabilityTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedUnshareMakesReencodingUnavailableAndTheReasonAndTheRemedyAreSaid() throws Exception {
        DecoderIsolation refused = new DecoderIsolation(refusingUnshare());

        DecoderIsolation.Outcome outcome = refused.probe();

        assertThat(outcome.available()).isFalse();
        assertThat(outcome.refusal()).contains("unshare -n and unshare -r -n refused")
                .contains("unshare failed: Operation not permitted");
        assertThat(PixelReencodingAvailability.problems(refused)).anySatisfy(problem -> assertThat(problem)
                .startsWith("pixel re-encoding is unavailable: no network namespace")
                .contains("Operation not permitted", "get no copy (scrub-failed)", "seccomp", "--cap-add SYS_ADMIN",
                        "accept no copies"));
    }

    @Test
    void aMissingUnshareIsNamedWithItsPackage() {
        DecoderIsolation.Outcome outcome = new DecoderIsolation(dir.resolve("no-such-unshare")).probe();

        assertThat(outcome.available()).isFalse();
        assertThat(outcome.refusal()).contains("is not installed (Debian: util-linux)");
    }

    @Test
    void theSystemsUnshareIsFoundWhereItWorks() {
        // Where unshare works (root, or user namespaces allowed), the probe says which way and nothing is wrong.
        DecoderIsolation.Outcome outcome = DecoderIsolation.ofSystem().probe();
        assumeTrue(outcome.available(), "unshare is refused on this machine: " + outcome.refusal());

        assertThat(outcome.command()).first().isEqualTo("/usr/bin/unshare");
        assertThat(outcome.command()).last().isEqualTo("-n");
        assumeTrue(RunImageDecoder.isInstalled(RunImageDecoder.Format.HEIF)
                && RunImageDecoder.isInstalled(RunImageDecoder.Format.JPEG2000), "the decoders are not installed");
        assertThat(PixelReencodingAvailability.problems(DecoderIsolation.ofSystem())).isEmpty();
    }

    @Test
    void aDecoderWithoutANetworkNamespaceFailsWithTheReasonAndLeavesNothing() throws Exception {
        assumeTrue(RunImageDecoder.isInstalled(RunImageDecoder.Format.HEIF), "heif-convert is not installed");
        Path work = Files.createDirectories(dir.resolve("work"));
        Path heic = EvidenceFixtures.write(work, "photo.heic", EvidenceFixtures.heicWithGps());
        RunImageDecoder decoder = new RunImageDecoder(Duration.ofSeconds(30), 1L << 30,
                new DecoderIsolation(refusingUnshare()));

        assertThatThrownBy(() -> decoder.decode(heic, RunImageDecoder.Format.HEIF, work))
                .isInstanceOf(IOException.class).hasMessageContaining("no network namespace");
        try (var files = Files.list(work)) {
            assertThat(files).containsExactly(heic);
        }
    }

    /** What util-linux's unshare prints and returns under Docker's default seccomp profile. */
    private Path refusingUnshare() throws IOException {
        Path unshare = dir.resolve("unshare");
        Files.writeString(unshare, "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(unshare, PosixFilePermissions.fromString("rwxr-xr-x"));
        return unshare;
    }
}
