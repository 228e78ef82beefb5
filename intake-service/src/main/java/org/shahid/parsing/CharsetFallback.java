package org.shahid.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the bytes of a mail into text whatever charset label the sender wrote: a label Java knows is used,
 * a label it lacks falls back to UTF-8 when the bytes are valid UTF-8, else windows-1252. Stateless, thread-safe.
 */
final class CharsetFallback {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Labels that mail clients send for charsets Java knows by another name. Java maps ks_c_5601-1987 to EUC-KR,
     * but Outlook means the Windows code page 949, a superset that EUC-KR would garble.
     */
    private static final Map<String, String> LABELS_JAVA_NAMES_DIFFERENTLY = Map.of(
            "ks_c_5601-1987", "x-windows-949",
            "ks_c_5601", "x-windows-949",
            "iso-8859-8-i", "ISO-8859-8",
            "iso-8859-6-i", "ISO-8859-6",
            "iso-8859-6-e", "ISO-8859-6",
            "x-mac-arabic", "x-MacArabic");

    private static final java.util.regex.Pattern CHARSET_SHAPED = java.util.regex.Pattern.compile(
            "(?i)(x-|iso|windows|cp|ibm|utf|ucs|unicode|us-|ascii|ansi|latin|ks_c|euc|gb|big5|koi8|shift|sjis|mac"
                    + "|tis|viscii|hz|none|unknown|default)[a-z0-9._:+-]{0,32}");

    private CharsetFallback() {
    }

    /** Decodes body or encoded-word bytes by their declared charset, reporting a fallback to {@code problems}. */
    static String decode(byte[] bytes, String declaredLabel, Consumer<String> problems) {
        String label = normalizeLabel(declaredLabel);
        if (label.isEmpty()) {
            if (isAscii(bytes)) {
                return new String(bytes, StandardCharsets.US_ASCII);
            }
            Charset fallback = fallbackFor(bytes);
            problems.accept("no charset declared for 8-bit text, decoded as " + fallback.name());
            return new String(bytes, fallback);
        }
        Optional<Charset> known = lookup(label);
        if (known.isEmpty()) {
            Charset fallback = fallbackFor(bytes);
            problems.accept("unknown charset " + safeLabel(label) + ", decoded as " + fallback.name());
            return new String(bytes, fallback);
        }
        Charset charset = known.get();
        if (charset.equals(StandardCharsets.US_ASCII) && !isAscii(bytes)) {
            Charset fallback = fallbackFor(bytes);
            problems.accept("8-bit text declared as us-ascii, decoded as " + fallback.name());
            return new String(bytes, fallback);
        }
        return decodeReplacingErrors(bytes, charset);
    }

    /**
     * Repairs header text that was read byte-for-byte as ISO-8859-1: raw 8-bit bytes become UTF-8 (RFC 6532)
     * when they form valid UTF-8, else windows-1252, the usual charset of unlabelled 8-bit headers.
     */
    static String repairRawHeader(String latin1Text) {
        boolean hasHighBytes = false;
        for (int i = 0; i < latin1Text.length(); i++) {
            char c = latin1Text.charAt(i);
            if (c > 0xFF) {
                return latin1Text; // already real Unicode, not bytes in disguise
            }
            hasHighBytes |= c >= 0x80;
        }
        if (!hasHighBytes) {
            return latin1Text;
        }
        byte[] bytes = latin1Text.getBytes(StandardCharsets.ISO_8859_1);
        return new String(bytes, fallbackFor(bytes));
    }

    static Optional<Charset> lookup(String declaredLabel) {
        String label = normalizeLabel(declaredLabel);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        String javaName = LABELS_JAVA_NAMES_DIFFERENTLY.getOrDefault(label, label);
        try {
            return Optional.of(Charset.forName(javaName));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    static Charset fallbackFor(byte[] bytes) {
        return isValidUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * A charset label fit for a problem entry. The label comes from the mail and a sender could write a name there,
     * so only labels shaped like charset names are echoed.
     */
    static String safeLabel(String label) {
        return CHARSET_SHAPED.matcher(label).matches() ? label : "(unrecognised label)";
    }

    private static String decodeReplacingErrors(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException | RuntimeException e) {
            // Some decoders (ISO-2022 variants) still throw on hostile input despite REPLACE.
            return new String(bytes, fallbackFor(bytes));
        }
    }

    private static String normalizeLabel(String label) {
        if (label == null) {
            return "";
        }
        String trimmed = label.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
