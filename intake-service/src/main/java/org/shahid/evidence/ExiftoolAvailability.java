package org.shahid.evidence;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks once, when the {@link IsolatedExtractor} is built at start, whether {@code exiftool} is on the PATH
 * (it scrubs WebP and HEIC copies), and says so in one log line when it is not: those images then get no copy
 * for monitors. Stateless.
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
            LOG.warn("WebP and HEIC images get no scrubbed copy: exiftool not found (Debian: libimage-exiftool-perl)");
            return false;
        }
        LOG.info("WebP and HEIC copies are scrubbed with exiftool");
        return true;
    }
}
