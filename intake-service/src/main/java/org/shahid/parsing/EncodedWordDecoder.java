package org.shahid.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded-words anywhere in a header value. Unlike {@code MimeUtility.decodeText} it never throws:
 * a word with broken base64 stays as raw text, an unknown charset falls back as {@link CharsetFallback} does.
 * Stateless, thread-safe.
 */
final class EncodedWordDecoder {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

    private EncodedWordDecoder() {
    }

    static String decode(String value) {
        return decode(value, problem -> { });
    }

    static String decode(String value, Consumer<String> problems) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        // Adjacent words of one charset are joined as bytes first: senders split multi-byte characters across words.
        ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        String pendingCharset = null;
        int textStart = 0;
        boolean previousWasDecoded = false;
        Matcher matcher = ENCODED_WORD.matcher(value);
        while (matcher.find()) {
            String gap = value.substring(textStart, matcher.start());
            byte[] wordBytes = payloadBytes(matcher.group(2), matcher.group(3));
            String charset = withoutLanguage(matcher.group(1));
            boolean gapIsIgnorable = previousWasDecoded && gap.isBlank();
            if (wordBytes == null) {
                flush(out, pendingBytes, pendingCharset, problems);
                pendingCharset = null;
                out.append(gap).append(matcher.group());
                previousWasDecoded = false;
            } else {
                if (!gapIsIgnorable || !charset.equalsIgnoreCase(pendingCharset)) {
                    flush(out, pendingBytes, pendingCharset, problems);
                    if (!gapIsIgnorable) {
                        out.append(gap);
                    }
                    pendingCharset = charset;
                }
                pendingBytes.writeBytes(wordBytes);
                previousWasDecoded = true;
            }
            textStart = matcher.end();
        }
        flush(out, pendingBytes, pendingCharset, problems);
        out.append(value, textStart, value.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset,
            Consumer<String> problems) {
        if (pending.size() > 0) {
            out.append(CharsetFallback.decode(pending.toByteArray(), charset, problems));
            pending.reset();
        }
    }

    /** The decoded bytes of a word, or null when its payload is malformed and the raw text must stay. */
    private static byte[] payloadBytes(String encoding, String payload) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                return Base64.getDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return decodeQ(payload);
    }

    private static byte[] decodeQ(String payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < payload.length() && isHex(payload.charAt(i + 1))
                    && isHex(payload.charAt(i + 2))) {
                bytes.write(Integer.parseInt(payload.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                // Out-of-range characters of a sloppy encoder are kept as their own bytes, as readers expect.
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** RFC 2231 allows {@code charset*language}; only the charset matters for decoding. */
    private static String withoutLanguage(String charset) {
        int star = charset.indexOf('*');
        return star < 0 ? charset : charset.substring(0, star);
    }
}
