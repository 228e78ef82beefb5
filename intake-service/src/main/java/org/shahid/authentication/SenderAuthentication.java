package org.shahid.authentication;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a mail's From was authenticated by our own receiving mail server, from the
 * {@code Authentication-Results} headers it wrote (RFC 8601). Only the TOPMOST header carrying our authserv-id counts:
 * anything below it may have been written by the sender (§5). Authenticated means {@code dmarc=pass} (for this From
 * domain, when the result names it), or {@code dkim=pass} whose {@code header.d} or {@code header.i} is aligned with
 * the From domain: equal, or one a subdomain of the other (DMARC's relaxed alignment without a public-suffix list:
 * sibling subdomains never align, and a bare top-level domain never counts as a parent). SPF alone never
 * authenticates a From. An empty authserv-id authenticates nothing. Header values are parsed in one linear pass and
 * bounded in length, so a hostile header costs at most a few kilobytes of work. Immutable and thread-safe.
 */
public final class SenderAuthentication {

    /** Longer values are not parsed: our own server's verdicts are far shorter than this. */
    static final int MAX_HEADER_CHARS = 8192;
    /** How many Authentication-Results headers are looked at before giving up on finding ours. */
    static final int MAX_HEADERS = 64;

    private final String authservId;

    public SenderAuthentication(String authservId) {
        this.authservId = authservId == null ? "" : authservId.strip();
    }

    /** Whether an authserv-id was configured at all; without one nothing is ever authenticated. */
    public boolean isConfigured() {
        return !authservId.isEmpty();
    }

    /**
     * @param authenticationResultsHeadersTopDown the values (optionally with their field name) of every
     *                                            Authentication-Results header, topmost first
     * @param fromAddress                         the From addr-spec as parsed strictly (e.g. by {@link ReplyAddress})
     */
    public boolean authenticates(List<String> authenticationResultsHeadersTopDown, String fromAddress) {
        if (!isConfigured() || authenticationResultsHeadersTopDown == null || fromAddress == null
                || fromAddress.lastIndexOf('@') < 1) {
            return false;
        }
        String fromDomain = domainOf(fromAddress);
        if (fromDomain.isEmpty()) {
            return false;
        }
        int looked = 0;
        for (String header : authenticationResultsHeadersTopDown) {
            if (header == null || ++looked > MAX_HEADERS) {
                return false;
            }
            List<List<Token>> sections = tokenize(header);
            if (sections.isEmpty() || !isOurs(sections.get(0))) {
                continue;
            }
            // The topmost header of ours decides, whatever it says; a header too long to be ours is refused.
            return header.length() <= MAX_HEADER_CHARS && anyResultAuthenticates(sections, fromDomain);
        }
        return false;
    }

    private boolean isOurs(List<Token> firstSection) {
        if (firstSection.isEmpty()) {
            return false;
        }
        String id = firstSection.get(0).text();
        if (id.regionMatches(true, 0, "Authentication-Results:", 0, "Authentication-Results:".length())) {
            id = id.substring("Authentication-Results:".length());
            if (id.isEmpty()) {
                if (firstSection.size() < 2) {
                    return false;
                }
                id = firstSection.get(1).text();
            }
        }
        return id.equalsIgnoreCase(authservId);
    }

    private static boolean anyResultAuthenticates(List<List<Token>> sections, String fromDomain) {
        for (int i = 1; i < sections.size(); i++) {
            if (resultAuthenticates(sections.get(i), fromDomain)) {
                return true;
            }
        }
        return false;
    }

    /** One resinfo: {@code method[/version]=result} followed by {@code reason=…} and {@code ptype.property=value}. */
    private static boolean resultAuthenticates(List<Token> resinfo, String fromDomain) {
        List<String[]> pairs = pairsOf(resinfo);
        if (pairs.isEmpty()) {
            return false;
        }
        String method = pairs.get(0)[0].toLowerCase(Locale.ROOT);
        int slash = method.indexOf('/');
        if (slash >= 0) {
            method = method.substring(0, slash).strip();
        }
        String result = pairs.get(0)[1].toLowerCase(Locale.ROOT);
        if (!result.equals("pass")) {
            return false;
        }
        if (method.equals("dmarc")) {
            String headerFrom = property(pairs, "header.from");
            return headerFrom == null || sameDomain(domainOf(headerFrom), fromDomain);
        }
        if (method.equals("dkim")) {
            String signingDomain = property(pairs, "header.d");
            if (signingDomain != null && aligned(normalise(signingDomain), fromDomain)) {
                return true;
            }
            String identity = property(pairs, "header.i");
            return identity != null && aligned(domainOf(identity), fromDomain);
        }
        return false;
    }

    private static String property(List<String[]> pairs, String name) {
        for (int i = 1; i < pairs.size(); i++) {
            if (pairs.get(i)[0].equalsIgnoreCase(name)) {
                return pairs.get(i)[1];
            }
        }
        return null;
    }

    /** Turns the tokens of one section into key=value pairs; anything that is not a pair is skipped. */
    private static List<String[]> pairsOf(List<Token> tokens) {
        List<String[]> pairs = new ArrayList<>();
        int i = 0;
        while (i + 2 < tokens.size()) {
            Token key = tokens.get(i);
            Token sign = tokens.get(i + 1);
            Token value = tokens.get(i + 2);
            if (!key.isEquals() && sign.isEquals() && !value.isEquals()) {
                pairs.add(new String[] {key.text(), value.text()});
                i += 3;
            } else {
                i++;
            }
        }
        return pairs;
    }

    static boolean aligned(String signingDomain, String fromDomain) {
        if (signingDomain.isEmpty() || fromDomain.isEmpty()) {
            return false;
        }
        if (signingDomain.equals(fromDomain)) {
            return true;
        }
        return isProperSubdomain(fromDomain, signingDomain) || isProperSubdomain(signingDomain, fromDomain);
    }

    private static boolean isProperSubdomain(String child, String parent) {
        return parent.indexOf('.') > 0 && child.endsWith("." + parent);
    }

    private static boolean sameDomain(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }

    /** The domain after the last {@code @} (or the whole value when there is none), lower case, in A-labels. */
    static String domainOf(String addressOrDomain) {
        String value = addressOrDomain.strip();
        int at = value.lastIndexOf('@');
        return normalise(at >= 0 ? value.substring(at + 1) : value);
    }

    private static String normalise(String domain) {
        String value = domain.strip();
        if (value.isEmpty() || value.length() > 253 || value.endsWith(".") || value.startsWith(".")) {
            return "";
        }
        try {
            return IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            return "";
        }
    }

    private record Token(String text, boolean isEquals) {
        Token {
            Objects.requireNonNull(text);
        }
    }

    /**
     * Splits a header value into sections at top-level semicolons, each a list of words and {@code =} signs.
     * Comments (nested, with quoted pairs) are dropped, quoted strings become one word without their quotes, and
     * words touching each other (a quoted local part and its {@code @domain}) are joined. One pass, bounded input.
     */
    private static List<List<Token>> tokenize(String header) {
        String value = header.length() > MAX_HEADER_CHARS ? header.substring(0, MAX_HEADER_CHARS) : header;
        List<List<Token>> sections = new ArrayList<>();
        List<Token> section = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean wordOpen = false;
        int i = 0;
        int length = value.length();
        while (i < length) {
            char c = value.charAt(i);
            if (c == '(') {
                i = skipComment(value, i);
                wordOpen = flush(section, word, wordOpen);
            } else if (c == '"') {
                int end = i + 1;
                while (end < length && value.charAt(end) != '"') {
                    if (value.charAt(end) == '\\' && end + 1 < length) {
                        end++;
                    }
                    word.append(value.charAt(end));
                    end++;
                }
                wordOpen = true;
                i = end + 1;
            } else if (c == ';') {
                flush(section, word, wordOpen);
                wordOpen = false;
                sections.add(section);
                section = new ArrayList<>();
                i++;
            } else if (c == '=') {
                wordOpen = flush(section, word, wordOpen);
                section.add(new Token("=", true));
                i++;
            } else if (Character.isWhitespace(c)) {
                wordOpen = flush(section, word, wordOpen);
                i++;
            } else {
                word.append(c);
                wordOpen = true;
                i++;
            }
        }
        flush(section, word, wordOpen);
        sections.add(section);
        return sections;
    }

    private static boolean flush(List<Token> section, StringBuilder word, boolean wordOpen) {
        if (wordOpen) {
            section.add(new Token(word.toString(), false));
            word.setLength(0);
        }
        return false;
    }

    /** Index just after the comment opening at {@code start}; an unclosed comment runs to the end. */
    private static int skipComment(String value, int start) {
        int depth = 0;
        int i = start;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return value.length();
    }
}
