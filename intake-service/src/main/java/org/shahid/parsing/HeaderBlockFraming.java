package org.shahid.parsing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where a raw mail's header block really ends before Jakarta Mail reads it, which otherwise takes every line
 * up to the first blank one as a header: it drops an mbox {@code From } line and inserts the missing blank line
 * before the first line that is not a header field. Stateless, thread-safe.
 */
final class HeaderBlockFraming {

    private static final byte[] MBOX_FROM = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BLANK_LINE = {'\r', '\n'};
    private static final int BINARY_SNIFF_BYTES = 8192;

    /** The bytes to hand to Jakarta Mail, with what framing found out. */
    record FramedMail(byte[] bytes, int headerFieldCount, boolean bodyIsBlank, boolean bodyLooksBinary,
            List<String> problems) {
    }

    private HeaderBlockFraming() {
    }

    static FramedMail frame(byte[] raw) {
        List<String> problems = new ArrayList<>();
        int firstLine = 0;
        // Some exports put blank lines before the first field; they would make the header block empty.
        while (firstLine < raw.length && (raw[firstLine] == '\r' || raw[firstLine] == '\n')) {
            firstLine++;
        }
        int firstLineEnd = nextLineStart(raw, firstLine);
        // "From  : x" with obsolete blanks is a field; "From sender date" is an mbox separator line.
        boolean mboxSeparator = startsWith(raw, firstLine, MBOX_FROM)
                && !isFieldLine(raw, firstLine, contentEnd(raw, firstLine, firstLineEnd));
        int start = mboxSeparator ? firstLineEnd : firstLine;
        int fields = 0;
        int lineStart = start;
        int bodyStart = raw.length;
        int missingSeparatorAt = -1;
        while (lineStart < raw.length) {
            int next = nextLineStart(raw, lineStart);
            int contentEnd = contentEnd(raw, lineStart, next);
            if (contentEnd == lineStart) {
                bodyStart = next;
                break;
            }
            boolean continuation = raw[lineStart] == ' ' || raw[lineStart] == '\t';
            boolean field = !continuation && isFieldLine(raw, lineStart, contentEnd);
            if (!continuation && !field && fieldFollows(raw, next)) {
                // A stray line among fields (a mangled fold, a typo) is junk in the header block, not its end.
                problems.add("malformed header line ignored");
                lineStart = next;
                continue;
            }
            if (continuation ? fields == 0 : !field) {
                missingSeparatorAt = lineStart;
                bodyStart = lineStart;
                break;
            }
            if (!continuation) {
                fields++;
            }
            lineStart = next;
        }
        byte[] bytes;
        if (missingSeparatorAt < 0) {
            bytes = start == 0 ? raw : Arrays.copyOfRange(raw, start, raw.length);
        } else {
            problems.add(fields == 0
                    ? "no header fields, the whole input kept as body text"
                    : "header block not ended by a blank line, the rest kept as body text");
            bytes = withBlankLineAt(raw, start, missingSeparatorAt);
        }
        return new FramedMail(bytes, fields, isBlank(raw, bodyStart), looksBinary(raw, bodyStart), problems);
    }

    /**
     * A field line has a name of visible characters before its colon; obsolete syntax allows blanks before the
     * colon, and raw 8-bit names are tolerated because real mail has them.
     */
    private static boolean isFieldLine(byte[] raw, int from, int to) {
        int colon = -1;
        for (int i = from; i < to; i++) {
            if (raw[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= from) {
            return false;
        }
        int nameEnd = colon;
        while (nameEnd > from && (raw[nameEnd - 1] == ' ' || raw[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        for (int i = from; i < nameEnd; i++) {
            int b = raw[i] & 0xFF;
            if (b <= ' ' || b == 0x7F) {
                return false;
            }
        }
        return nameEnd > from;
    }

    /** Whether a header field line comes next, after any continuation lines. */
    private static boolean fieldFollows(byte[] raw, int from) {
        int lineStart = from;
        while (lineStart < raw.length && (raw[lineStart] == ' ' || raw[lineStart] == '\t')) {
            lineStart = nextLineStart(raw, lineStart);
        }
        int next = nextLineStart(raw, lineStart);
        return lineStart < raw.length && isFieldLine(raw, lineStart, contentEnd(raw, lineStart, next));
    }

    private static byte[] withBlankLineAt(byte[] raw, int start, int at) {
        byte[] bytes = new byte[raw.length - start + BLANK_LINE.length];
        System.arraycopy(raw, start, bytes, 0, at - start);
        System.arraycopy(BLANK_LINE, 0, bytes, at - start, BLANK_LINE.length);
        System.arraycopy(raw, at, bytes, at - start + BLANK_LINE.length, raw.length - at);
        return bytes;
    }

    private static int nextLineStart(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }

    private static int contentEnd(byte[] raw, int lineStart, int nextLineStart) {
        int end = nextLineStart;
        while (end > lineStart && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
            end--;
        }
        return end;
    }

    private static boolean startsWith(byte[] raw, int from, byte[] prefix) {
        return raw.length - from >= prefix.length
                && Arrays.equals(raw, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isBlank(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\r' && raw[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean looksBinary(byte[] raw, int from) {
        int end = Math.min(raw.length, from + BINARY_SNIFF_BYTES);
        for (int i = from; i < end; i++) {
            if (raw[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
