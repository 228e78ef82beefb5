package org.shahid.parsing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds files that old mailers uuencoded into a plain-text body ({@code begin 644 name} ... {@code end}) and cuts
 * them out of the text, so that they become attachments instead of pages of noise. Stateless, thread-safe.
 */
final class EmbeddedUuencode {

    private static final Pattern BEGIN = Pattern.compile("(?m)^begin [0-7]{3,4}[ \\t]*([^\\n]*)\\n");
    private static final Pattern END = Pattern.compile("(?m)^end[ \\t]*$");

    /** A file cut out of the text. */
    record UuFile(String declaredName, byte[] content) {
    }

    /** The text without its uuencoded blocks, and the files they held. */
    record Extraction(String text, List<UuFile> files) {
    }

    private EmbeddedUuencode() {
    }

    static Extraction extract(String text) {
        if (!text.contains("begin ")) {
            return new Extraction(text, List.of());
        }
        List<UuFile> files = new ArrayList<>();
        StringBuilder remaining = new StringBuilder(text.length());
        int copiedUpTo = 0;
        Matcher begin = BEGIN.matcher(text);
        while (begin.find(copiedUpTo)) {
            Matcher end = END.matcher(text);
            if (!end.find(begin.end())) {
                break; // an unterminated block is more likely prose that starts with "begin"
            }
            files.add(new UuFile(begin.group(1).trim(), decode(text.substring(begin.end(), end.start()))));
            remaining.append(text, copiedUpTo, begin.start());
            copiedUpTo = end.end();
        }
        if (files.isEmpty()) {
            return new Extraction(text, List.of());
        }
        remaining.append(text, copiedUpTo, text.length());
        // The cut leaves the blank lines that framed the block; keep one.
        return new Extraction(remaining.toString().replaceAll("\n{3,}", "\n\n"), files);
    }

    /** Each line starts with its byte count; four characters carry three bytes. Bad lines are skipped. */
    private static byte[] decode(String block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(block.length() * 3 / 4);
        for (String line : block.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int count = (line.charAt(0) - ' ') & 0x3F;
            int written = 0;
            for (int i = 1; written < count && i + 3 < line.length() + 1; i += 4) {
                int[] sextets = new int[4];
                for (int j = 0; j < 4; j++) {
                    sextets[j] = i + j < line.length() ? (line.charAt(i + j) - ' ') & 0x3F : 0;
                }
                int[] group = {
                    (sextets[0] << 2) | (sextets[1] >> 4),
                    ((sextets[1] & 0x0F) << 4) | (sextets[2] >> 2),
                    ((sextets[2] & 0x03) << 6) | sextets[3]};
                for (int j = 0; j < 3 && written < count; j++, written++) {
                    bytes.write(group[j]);
                }
            }
        }
        return bytes.toByteArray();
    }
}
