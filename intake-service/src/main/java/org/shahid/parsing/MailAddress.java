package org.shahid.parsing;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail address with its display name, as read leniently from a header such as From. Immutable, thread-safe.
 *
 * @param address the addr-spec, trimmed, with its domain in lower case; never null
 * @param displayName the RFC 2047-decoded display name, or "" when there is none
 */
public record MailAddress(String address, String displayName) {

    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[^\\s<>\"(),;:@\\[\\]]+@[^\\s<>\"(),;:@\\[\\]]+");
    private static final Pattern PLAUSIBLE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:@\\[\\]]+(@[^\\s<>\"(),;@]+)?");

    private static final int MAX_SCANNED_CHARS = 2000;

    public MailAddress {
        Objects.requireNonNull(address, "address");
        displayName = displayName == null ? "" : displayName.trim();
        address = withLowerCaseDomain(address.trim());
    }

    /**
     * The first address of a header value. Tolerates obsolete syntax, comments and raw UTF-8 (RFC 6532), and falls
     * back to finding anything address-like when Jakarta Mail cannot parse the value.
     */
    public static Optional<MailAddress> parseLenient(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        String value = MailHeaders.cleanValue(headerValue);
        return parsedByJakarta(value).or(() -> foundByPattern(value));
    }

    private static Optional<MailAddress> parsedByJakarta(String value) {
        try {
            for (InternetAddress parsed : InternetAddress.parseHeader(value, false)) {
                Optional<MailAddress> address = fromInternetAddress(parsed);
                if (address.isPresent()) {
                    return address;
                }
            }
        } catch (AddressException | RuntimeException e) {
            // Lenient mode still rejects some hostile values; the pattern below copes with those.
        }
        return Optional.empty();
    }

    private static Optional<MailAddress> fromInternetAddress(InternetAddress parsed) throws AddressException {
        if (parsed.isGroup()) {
            for (InternetAddress member : parsed.getGroup(false)) {
                Optional<MailAddress> address = fromInternetAddress(member);
                if (address.isPresent()) {
                    return address;
                }
            }
            return Optional.empty();
        }
        String address = stripRouteAndComments(parsed.getAddress());
        if (address.isEmpty() || !PLAUSIBLE_ADDRESS.matcher(address).matches()) {
            return Optional.empty();
        }
        String personal = parsed.getPersonal();
        // Jakarta leaves a name with an unknown charset encoded; the lenient decoder still reads it.
        String displayName = personal == null ? "" : EncodedWordDecoder.decode(COMMENT.matcher(personal).replaceAll(""));
        return Optional.of(new MailAddress(address, displayName));
    }

    private static Optional<MailAddress> foundByPattern(String fullValue) {
        // The pattern retries from every position; a hostile, huge value without an address would make it quadratic.
        String value = fullValue.length() > MAX_SCANNED_CHARS ? fullValue.substring(0, MAX_SCANNED_CHARS) : fullValue;
        Matcher matcher = ADDRESS_LIKE.matcher(COMMENT.matcher(value).replaceAll(" "));
        if (!matcher.find()) {
            return Optional.empty();
        }
        String before = value.substring(0, Math.max(0, value.indexOf('<')));
        String displayName = before.replace("\"", "").trim();
        return Optional.of(new MailAddress(matcher.group(), EncodedWordDecoder.decode(displayName)));
    }

    private static String stripRouteAndComments(String address) {
        if (address == null) {
            return "";
        }
        String stripped = COMMENT.matcher(address).replaceAll("").replaceAll("\\s+", "");
        if (stripped.startsWith("<") && stripped.endsWith(">")) {
            stripped = stripped.substring(1, stripped.length() - 1);
        }
        // Obsolete source routes (@relay:user@host) name a relay, not the mailbox.
        int routeEnd = stripped.startsWith("@") ? stripped.indexOf(':') : -1;
        return routeEnd >= 0 ? stripped.substring(routeEnd + 1) : stripped;
    }

    private static String withLowerCaseDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
