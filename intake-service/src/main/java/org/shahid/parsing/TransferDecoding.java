package org.shahid.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Wraps a part's raw bytes in the decoder its Content-Transfer-Encoding names. Base64 is decoded leniently; an
 * unknown encoding leaves the bytes as they are and says so. Stateless, thread-safe.
 */
final class TransferDecoding {

    private static final Pattern ENCODING_SHAPED =
            Pattern.compile("x-[a-z0-9-]{1,20}|[78]-?bits?|plain|text|binhex|base-?64|quoted[a-z-]{0,20}|uu[a-z]{0,10}");

    private TransferDecoding() {
    }

    /** "quoted printable" and "quoted-printable;" are seen in real mail and mean quoted-printable. */
    private static String normalized(String declaredEncoding) {
        if (declaredEncoding == null) {
            return "";
        }
        String encoding = declaredEncoding.toLowerCase(Locale.ROOT);
        int semicolon = encoding.indexOf(';');
        encoding = semicolon < 0 ? encoding : encoding.substring(0, semicolon);
        return encoding.trim().replaceAll("\\s+", "-");
    }

    static InputStream decode(InputStream raw, String declaredEncoding, Consumer<String> problems) {
        String encoding = normalized(declaredEncoding);
        switch (encoding) {
            case "", "7bit", "8bit", "binary":
                return raw;
            case "7-bit", "8-bit", "7bits", "8bits", "plain", "text", "none":
                return raw; // sloppy spellings of "no encoding"; the bytes are already what they claim
            case "base64":
                return new LenientBase64InputStream(new BufferedInputStream(raw));
            case "quoted-printable", "uuencode", "x-uuencode", "x-uue":
                try {
                    return MimeUtility.decode(raw, encoding);
                } catch (MessagingException e) {
                    return raw; // not reached for these names, which Jakarta knows
                }
            default:
                // Echo only labels shaped like encodings: a sender could write anything into the header.
                String shown = ENCODING_SHAPED.matcher(encoding).matches() ? encoding : "(unrecognised label)";
                problems.accept("unknown transfer encoding " + shown + ", content kept undecoded");
                return raw;
        }
    }
}
