package org.shahid.evidence;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks once, when the {@link IsolatedExtractor} is built at start, whether {@code exiftool} is on the PATH
 * (the check by difference lists metadata with it, and it scrubs HEIC copies), and says so in one log line when
 * it is not: then no copy is kept for monitors (flag {@code scrub-unchecked}). Stateless.
 */
public final class ExiftoolAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(ExiftoolAvailability.class);

    private ExiftoolAvailability() {
    }

    /** True when {@code exiftool -ver} runs. */
    public static boolean isAvailable() {
        try {
            Process process = new ProcessBuilder("exiftool", "-ver").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Checks and logs the outcome once. */
    static boolean decide() {
        if (!isAvailable()) {
            LOG.warn("No scrubbed copies are kept: exiftool, which checks them, was not found "
                    + "(Debian: libimage-exiftool-perl)");
            return false;
        }
        LOG.info("Scrubbed copies are checked by difference with exiftool");
        return true;
    }
}
