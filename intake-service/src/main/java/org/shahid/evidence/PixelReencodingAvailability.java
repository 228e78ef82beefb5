package org.shahid.evidence;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks once, when the {@link IsolatedExtractor} is built at start, whether HEIC and JPEG 2000 images their
 * allowlists cannot rebuild can be re-encoded from their pixels: the decoders are installed and can be started
 * without network ({@link DecoderIsolation}). When not, it says so in one log line per reason, with what an admin
 * can do; such images then get no copy ({@code scrub-failed}). {@code validate} prints the same lines. Stateless.
 */
public final class PixelReencodingAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(PixelReencodingAvailability.class);

    private PixelReencodingAvailability() {
    }

    /** What keeps pixel re-encoding from working here, one sentence each; empty when it works. */
    public static List<String> problems(DecoderIsolation isolation) {
        List<String> problems = new ArrayList<>();
        for (RunImageDecoder.Format format : RunImageDecoder.Format.values()) {
            if (!RunImageDecoder.isInstalled(format)) {
                problems.add("pixel re-encoding of " + format + " images is unavailable: " + format.tool()
                        + " is not installed (Debian: " + format.debianPackage() + "); such images their allowlist"
                        + " cannot rebuild get no copy (scrub-failed)");
            }
        }
        DecoderIsolation.Outcome outcome = isolation.probe();
        if (!outcome.available()) {
            problems.add("pixel re-encoding is unavailable: " + outcome.refusal() + "; HEIC and JPEG 2000 images"
                    + " their allowlists cannot rebuild get no copy (scrub-failed). In a container, allow unshare"
                    + " (a seccomp profile that permits it, or --cap-add SYS_ADMIN: docker/README.md), or accept no"
                    + " copies for such images");
        }
        return problems;
    }

    /** Checks and logs the outcome once. */
    static void decide() {
        List<String> problems = problems(DecoderIsolation.ofSystem());
        if (problems.isEmpty()) {
            LOG.info("Images their allowlists cannot rebuild are re-encoded from their pixels, without network");
        }
        problems.forEach(problem -> LOG.warn("{}", problem.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + problem.substring(1)));
    }
}
