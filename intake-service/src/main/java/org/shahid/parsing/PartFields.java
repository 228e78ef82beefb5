package org.shahid.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the MIME fields of one part (type, parameters, disposition, file name, Content-ID) the lenient way: Jakarta
 * Mail's parsers first, a pattern when they reject a sloppy value. Stateless, thread-safe.
 */
final class PartFields {

    private static final Pattern BASE_TYPE =
            Pattern.compile("^\\s*([A-Za-z0-9!#$&^_.+-]+)\\s*/\\s*([A-Za-z0-9!#$&^_.+-]+)");
    private static final Pattern BARE_TEXT_TYPE = Pattern.compile("(?i)\\s*text\\s*(;.*)?");

    private PartFields() {
    }

    /** The first value of a part's header, unfolded and with raw 8-bit bytes read; null when absent. */
    static String header(MimePart part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : MailHeaders.cleanValue(values[0]);
    }

    /** The lower-case {@code type/subtype} of a Content-Type value. */
    static String baseType(String contentType, Consumer<String> problems) {
        Matcher matcher = BASE_TYPE.matcher(contentType);
        if (matcher.find()) {
            return (matcher.group(1) + "/" + matcher.group(2)).toLowerCase(Locale.ROOT);
        }
        if (BARE_TEXT_TYPE.matcher(contentType).matches()) {
            problems.accept("Content-Type text without subtype, read as text/plain");
            return "text/plain";
        }
        problems.accept("unreadable Content-Type, part kept as application/octet-stream");
        return "application/octet-stream";
    }

    /** A Content-Type parameter, RFC 2231-decoded where Jakarta could parse the value; null when absent. */
    static String contentTypeParameter(String contentType, String name) {
        try {
            String value = new ContentType(contentType).getParameter(name);
            if (value != null) {
                return value;
            }
        } catch (ParseException | RuntimeException e) {
            // fall through to the pattern
        }
        return parameterByPattern(contentType, name);
    }

    /** The decoded file name from Content-Disposition, else from the Content-Type {@code name}; null if none. */
    static String declaredFileName(String contentType, String disposition) {
        String name = disposition == null ? null : dispositionParameter(disposition, "filename");
        if ((name == null || name.isBlank()) && contentType != null) {
            name = contentTypeParameter(contentType, "name");
        }
        // Many mailers put RFC 2047 encoded-words into file names although RFC 2231 is the standard for them.
        return name == null || name.isBlank() ? null : EncodedWordDecoder.decode(name).trim();
    }

    /** {@code attachment}, {@code inline}, another lower-case token, or "" when there is no disposition. */
    static String dispositionType(String disposition) {
        if (disposition == null) {
            return "";
        }
        int semicolon = disposition.indexOf(';');
        return (semicolon < 0 ? disposition : disposition.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The Content-ID without angle brackets, or null. */
    static String contentId(MimePart part) throws MessagingException {
        String value = header(part, "Content-ID");
        if (value == null) {
            return null;
        }
        String stripped = value.trim().replaceAll("^<|>$", "").trim();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String dispositionParameter(String disposition, String name) {
        try {
            String value = new ContentDisposition(disposition).getParameter(name);
            if (value != null) {
                return value;
            }
        } catch (ParseException | RuntimeException e) {
            // fall through to the pattern
        }
        return parameterByPattern(disposition, name);
    }

    private static String parameterByPattern(String headerValue, String name) {
        Matcher matcher = Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"?|[^;]*)")
                .matcher(headerValue);
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1).trim();
    }
}
