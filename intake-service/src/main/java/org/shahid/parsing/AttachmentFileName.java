package org.shahid.parsing;

import java.util.Locale;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Makes the file name a sender declared safe to show and to write to disk: no directory parts, no control or
 * bidirectional-override characters, no leading dots, at most 120 characters with the extension kept, and a
 * generated {@code attachment-N.ext} when nothing usable is left. Stateless, thread-safe.
 */
public final class AttachmentFileName {

    static final int MAX_LENGTH = 120;
    private static final int MAX_EXTENSION_LENGTH = 16;

    private AttachmentFileName() {
    }

    /**
     * @param declaredName the decoded name from Content-Disposition or Content-Type, may be null
     * @param position the attachment's 1-based position, used for the generated name
     * @param declaredType the base MIME type, used for the generated name's extension
     */
    public static String of(String declaredName, int position, String declaredType) {
        String safe = declaredName == null ? "" : sanitize(declaredName);
        return safe.isEmpty() ? "attachment-" + position + extensionFor(declaredType) : safe;
    }

    private static String sanitize(String name) {
        String lastSegment = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder cleaned = new StringBuilder(lastSegment.length());
        lastSegment.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || isBidiControl(cp)) {
                return; // U+202E and friends make "gpj.exe" read as an image name
            }
            cleaned.appendCodePoint(":*?\"<>|".indexOf(cp) >= 0 ? '_' : cp);
        });
        String trimmed = cleaned.toString().strip().replaceFirst("^[.\\s]+", "").replaceFirst("[.\\s]+$", "");
        return shortened(trimmed);
    }

    private static String shortened(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION_LENGTH ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int baseLength = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, baseLength)).strip() + extension;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static String extensionFor(String declaredType) {
        try {
            String extension = MimeTypes.getDefaultMimeTypes().forName(declaredType).getExtension();
            return extension.isEmpty() ? ".bin" : extension.toLowerCase(Locale.ROOT);
        } catch (MimeTypeException | RuntimeException e) {
            return ".bin";
        }
    }
}
