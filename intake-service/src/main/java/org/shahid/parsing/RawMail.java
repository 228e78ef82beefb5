package org.shahid.parsing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A raw RFC 5322 message split into its header block and body, byte-exact, without parsing MIME. Used to
 * compute the idempotency key and to seal the original header block. Immutable.
 */
public record RawMail(byte[] headerBlock, byte[] body) {

    public static RawMail split(byte[] raw) {
        int end = endOfHeaders(raw);
        if (end < 0) {
            return new RawMail(raw, new byte[0]);
        }
        return new RawMail(Arrays.copyOfRange(raw, 0, end), Arrays.copyOfRange(raw, end, raw.length));
    }

    /** Index just after the blank line that ends the header block, or -1 when the mail is all headers. */
    private static int endOfHeaders(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\n') {
                continue;
            }
            if (i + 1 < raw.length && raw[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** Header fields with continuation lines joined; raw 8-bit bytes read as ISO-8859-1 so none is lost. */
    public List<String> unfoldedFields() {
        String text = new String(headerBlock, StandardCharsets.ISO_8859_1);
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation && current != null) {
                current.append(' ').append(line.strip());
            } else {
                if (current != null) {
                    fields.add(current.toString());
                }
                current = new StringBuilder(line);
            }
        }
        if (current != null) {
            fields.add(current.toString());
        }
        return fields;
    }

    /** The header block as text for the sealed store; 8-bit bytes are kept as UTF-8 where they are valid. */
    public String headerText() {
        return new String(headerBlock, StandardCharsets.UTF_8);
    }
}
