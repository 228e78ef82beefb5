package org.shahid.authentication;

import java.util.Optional;

/**
 * The one address Shahid may write to in answer to a mail: the addr-spec of a From header that holds exactly one
 * RFC 5322 mailbox, returned exactly as written. Nothing is repaired: no characters are joined, dropped or invented,
 * so {@code Test test@example.com} or {@code <power quadrant system@example.com>} yield nothing rather than an
 * address somebody else may own. The addr-spec must also be deliverable over plain SMTP (RFC 5321): ASCII only, a
 * local part of at most 64 characters, a host name of letters, digits and hyphens (no domain literal, no trailing
 * dot), 254 characters in all. Obsolete syntax (spaces or comments inside the addr-spec, a route, a group) is
 * refused; a display name may use it (dots, raw UTF-8) because it never becomes part of the address. The raw header
 * value is read undecoded, so an encoded display name is just a word. Linear time, bounded input; stateless and
 * thread-safe.
 */
public final class ReplyAddress {

    /** A From header longer than this is not answered: no honest mailbox needs it. */
    static final int MAX_HEADER_CHARS = 4096;
    private static final int MAX_ADDRESS_CHARS = 254;
    private static final int MAX_LOCAL_PART_CHARS = 64;
    private static final int MAX_LABEL_CHARS = 63;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private ReplyAddress() {
    }

    /** The addr-spec of the single mailbox in a raw (unfolded or folded, undecoded) From value, or empty. */
    public static Optional<String> strictlyFrom(String rawFromHeaderValue) {
        if (rawFromHeaderValue == null || rawFromHeaderValue.length() > MAX_HEADER_CHARS) {
            return Optional.empty();
        }
        Scanner bare = new Scanner(rawFromHeaderValue);
        bare.skipCfws();
        int start = bare.position();
        if (bare.addrSpec()) {
            int end = bare.position();
            bare.skipCfws();
            if (bare.isComplete()) {
                return checked(rawFromHeaderValue.substring(start, end));
            }
        }
        Scanner named = new Scanner(rawFromHeaderValue);
        named.skipDisplayName();
        if (!named.consume('<')) {
            return Optional.empty();
        }
        start = named.position();
        if (!named.addrSpec()) {
            return Optional.empty();
        }
        int end = named.position();
        if (!named.consume('>')) {
            return Optional.empty();
        }
        named.skipCfws();
        return named.isComplete() ? checked(rawFromHeaderValue.substring(start, end)) : Optional.empty();
    }

    private static Optional<String> checked(String addrSpec) {
        int at = addrSpec.lastIndexOf('@');
        if (addrSpec.length() > MAX_ADDRESS_CHARS || at > MAX_LOCAL_PART_CHARS) {
            return Optional.empty();
        }
        return isHostName(addrSpec.substring(at + 1)) ? Optional.of(addrSpec) : Optional.empty();
    }

    private static boolean isHostName(String domain) {
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL_CHARS || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(isAsciiLetterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isAtext(char c) {
        return isAsciiLetterOrDigit(c) || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    /** A cursor over the header value; every method moves forward only, so each scan is linear. */
    private static final class Scanner {
        private final String text;
        private int position;
        /** Set by an unclosed comment: nothing after it can complete a mailbox. */
        private boolean broken;

        Scanner(String text) {
            this.text = text;
        }

        int position() {
            return position;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        boolean isComplete() {
            return atEnd() && !broken;
        }

        private char peek() {
            return text.charAt(position);
        }

        boolean consume(char expected) {
            if (!atEnd() && peek() == expected) {
                position++;
                return true;
            }
            return false;
        }

        /** Whitespace (folding included) and comments, nested, with quoted pairs; an unclosed comment ends the scan. */
        void skipCfws() {
            while (!atEnd()) {
                char c = peek();
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    position++;
                } else if (c == '(') {
                    skipComment();
                } else {
                    return;
                }
            }
        }

        private void skipComment() {
            int depth = 0;
            while (!atEnd()) {
                char c = peek();
                position++;
                if (c == '\\') {
                    position = Math.min(position + 1, text.length());
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return;
                }
            }
            broken = true;
        }

        /** A display name: words (atoms, quoted strings, raw UTF-8) with dots and comments between them. */
        void skipDisplayName() {
            while (true) {
                skipCfws();
                if (atEnd()) {
                    return;
                }
                char c = peek();
                if (c == '"') {
                    if (!quotedString(false)) {
                        position = text.length();
                        return;
                    }
                } else if (isAtext(c) || c == '.' || c > 127) {
                    position++;
                } else {
                    return;
                }
            }
        }

        /** {@code local-part "@" domain} with no whitespace or comment inside, dot-atom or quoted-string local part. */
        boolean addrSpec() {
            if (atEnd()) {
                return false;
            }
            boolean local = peek() == '"' ? quotedString(true) : dotAtom();
            return local && consume('@') && dotAtom();
        }

        private boolean dotAtom() {
            if (!atom()) {
                return false;
            }
            while (!atEnd() && peek() == '.') {
                position++;
                if (!atom()) {
                    return false;
                }
            }
            return true;
        }

        private boolean atom() {
            int start = position;
            while (!atEnd() && isAtext(peek())) {
                position++;
            }
            return position > start;
        }

        /**
         * A quoted string; in an address only printable ASCII, spaces and tabs may appear in it (no line break, which
         * could never be sent safely), in a display name anything but an unescaped quote.
         */
        private boolean quotedString(boolean inAddress) {
            position++;
            while (!atEnd()) {
                char c = peek();
                if (c == '"') {
                    position++;
                    return true;
                }
                if (c == '\\') {
                    position++;
                    if (atEnd() || (inAddress && !isPrintableOrBlank(peek()))) {
                        return false;
                    }
                } else if (inAddress && !isPrintableOrBlank(c)) {
                    return false;
                }
                position++;
            }
            return false;
        }

        private static boolean isPrintableOrBlank(char c) {
            return (c >= 32 && c <= 126) || c == '\t';
        }
    }
}
