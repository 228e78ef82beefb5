package org.shahid.tickets;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's public reference, e.g. {@code SHD-7K3M-Q9XR-2BTA}: 60 random bits in Crockford base 32, so
 * references cannot be guessed or enumerated. It appears in square brackets in every subject about the
 * ticket. Immutable.
 */
public record TicketReference(String value) {

    /** The reference as CONTRACT.md promises it in subjects. */
    public static final Pattern IN_SUBJECT = Pattern.compile("\\[(SHD-[A-Z0-9-]+)\\]");
    private static final Pattern WELL_FORMED = Pattern.compile("SHD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public TicketReference {
        if (value == null || !WELL_FORMED.matcher(value).matches()) {
            throw new IllegalArgumentException("not a ticket reference");
        }
    }

    public static TicketReference random() {
        StringBuilder out = new StringBuilder("SHD");
        for (int group = 0; group < 3; group++) {
            out.append('-');
            for (int i = 0; i < 4; i++) {
                out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return new TicketReference(out.toString());
    }

    /** The first well-formed reference in square brackets in a subject, if any. */
    public static Optional<TicketReference> findIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = IN_SUBJECT.matcher(subject.toUpperCase(java.util.Locale.ROOT));
        while (matcher.find()) {
            if (WELL_FORMED.matcher(matcher.group(1)).matches()) {
                return Optional.of(new TicketReference(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
