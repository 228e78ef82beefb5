package org.shahid.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks once, at start, whether {@code tesseract} is on the PATH with every language OCR needs (ara and eng
 * by default), and says so in one log line when it is not. Called by the service wiring. Stateless.
 */
public final class OcrAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(OcrAvailability.class);

    private OcrAvailability() {
    }

    /** True when {@code tesseract --list-langs} lists every language of {@code languages} ("ara+eng"). */
    public static boolean isAvailable(String languages) {
        List<String> needed = Arrays.asList(languages.split("\\+"));
        try {
            Process process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String listed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return false;
            }
            List<String> installed = listed.lines().map(String::strip).toList();
            return installed.containsAll(needed);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Decides OCR for the service: off when disabled by setting or when Tesseract is missing (logged once). */
    public static boolean decide(boolean enabled, String languages) {
        if (!enabled) {
            LOG.info("OCR is off (shahid.evidence.ocr=false)");
            return false;
        }
        if (!isAvailable(languages)) {
            LOG.warn("OCR is off: tesseract with languages {} not found (Debian: tesseract-ocr tesseract-ocr-ara "
                    + "tesseract-ocr-eng)", languages);
            return false;
        }
        LOG.info("OCR is on ({})", languages);
        return true;
    }
}
