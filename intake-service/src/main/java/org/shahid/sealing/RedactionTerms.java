package org.shahid.sealing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What identifies one reporter (their addresses, the words of their names and local parts), and the one method
 * that takes it out of a text: those terms, links that carry the reporter's identifiers ({@code wa.me/},
 * {@code tel:}, {@code mailto:}, profile links naming them), phone numbers in every common Iraqi and international
 * form and script, and IP addresses become placeholders. Built at intake by {@code RedactIdentity}; sealed for the
 * examiner of attachments by {@link SealedRedactionTerms}. Every pattern here is linear in the text: hostile mail
 * must not buy CPU. Immutable and thread-safe.
 */
public record RedactionTerms(List<String> addresses, List<String> names) {

    public static final String ADDRESS = "[address]";
    public static final String NAME = "[name]";
    public static final String PHONE = "[phone]";
    public static final String IP = "[ip]";
    public static final String LINK = "[link removed]";

    public static final RedactionTerms NONE = new RedactionTerms(List.of(), List.of());

    /** Western, Arabic-Indic and Extended (Persian) Arabic-Indic digits: phones arrive in all three. */
    private static final String D = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";
    /** Up to two separators between digits: "0770 123 4567", "(0770) 123-4567", "+964-770.123.4567". */
    private static final String SEP = "[\\s\\u00A0.\\-\\u2010-\\u2015()]{0,2}";
    /** National numbers without dots, so that "01.02.2024" stays a date. */
    private static final String NATIONAL_SEP = "[\\s\\u00A0\\-\\u2010-\\u2015()]{0,2}";
    private static final String NINE_SIX_FOUR = "[9\\u0669\\u06F9][6\\u0666\\u06F6][4\\u0664\\u06F4]";
    private static final String ZERO = "[0\\u0660\\u06F0]";
    private static final Pattern PHONE_NUMBER = Pattern.compile(String.join("|",
            // Iraqi, international, with or without + / 00: +964 770 123 4567, 00964 (0)770..., 964 770 ...
            "(?<!" + D + ")(?:(?:\\+|" + ZERO + ZERO + ")\\s?)?" + NINE_SIX_FOUR + SEP + "(?:\\(?" + ZERO + "\\)?)?"
                    + SEP + D + "(?:" + SEP + D + "){7,9}(?!" + D + ")",
            // National mobile 0770 123 4567 / 07701234567, and landlines such as 01 717 1234 (Baghdad)
            "(?<!" + D + ")\\(?" + ZERO + "\\)?[7\\u0667\\u06F7](?:" + NATIONAL_SEP + D + "){9}(?!" + D + ")",
            "(?<!" + D + ")\\(?" + ZERO + "\\)?[1-6\\u0661-\\u0666\\u06F1-\\u06F6](?:" + NATIONAL_SEP + D
                    + "){7,9}(?!" + D + ")",
            // Any other international number: + or 00 and 8 to 15 digits
            "(?<!" + D + ")(?:\\+|" + ZERO + ZERO + ")\\s?" + D + "(?:" + SEP + D + "){7,14}(?!" + D + ")"));
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?:" + OCTET + "\\.){3}" + OCTET
            + "(?![0-9]|\\.[0-9])");
    /** Candidates only; {@link #isIpv6} decides. Bounded, so each start scans at most 45 characters. */
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("(?<![0-9A-Fa-f:])[0-9A-Fa-f:]{2,45}(?![0-9A-Fa-f:])");
    /** Schemes and hosts whose links name a person rather than evidence: chat by number, dial, mail. */
    private static final List<String> IDENTIFYING_LINK_PREFIXES = List.of("wa.me/", "api.whatsapp.com/",
            "whatsapp://", "tel:", "sms:", "mailto:", "callto:", "skype:", "viber://", "t.me/+", "signal.me/",
            "telegram.me/+");
    private static final Pattern TOKEN = Pattern.compile("[^\\s<>\"'\\u00A0]+");
    private static final Pattern HOST_AND_PATH = Pattern.compile("[a-z0-9.-]{1,253}\\.[a-z]{2,24}/.*");
    /** A token this long is no link a person wrote; it is left to the term and number rules. */
    private static final int MAX_LINK_CHARS = 4096;
    private static final int MAX_TERMS = 64;

    public RedactionTerms {
        addresses = normalised(addresses);
        names = normalised(names);
    }

    /** The terms as one list of lines, for sealing: addresses first, then a separator, then names. */
    public List<String> asLines() {
        List<String> lines = new ArrayList<>(addresses);
        lines.add("");
        lines.addAll(names);
        return lines;
    }

    public static RedactionTerms fromLines(List<String> lines) {
        int separator = lines.indexOf("");
        return separator < 0 ? new RedactionTerms(lines, List.of())
                : new RedactionTerms(lines.subList(0, separator), lines.subList(separator + 1, lines.size()));
    }

    /** The text with the reporter's identifiers, identifying links, phone numbers and IP addresses replaced. */
    public String replaceIn(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = withoutIdentifyingLinks(text);
        out = replaceAll(replaceAll(out, addresses, ADDRESS, false), names, NAME, true);
        if (!hasDigit(out)) {
            return out;
        }
        out = PHONE_NUMBER.matcher(out).replaceAll(PHONE);
        out = IPV4.matcher(out).replaceAll(IP);
        return out.indexOf(':') < 0 ? out : replaceIpv6(out);
    }

    /** Whether the text names this reporter: one of their addresses, or a name or name part as a whole word. */
    public boolean appearsIn(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return containsTerm(lower, addresses, false) || containsTerm(lower, names, true);
    }

    /** A file name without the reporter's names, numbers and addresses ("Ahmed_Ali_ID.jpg" joins words by "_"). */
    public String replaceInFileName(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            return fileName;
        }
        String spaced = fileName.replace('_', ' ');
        String redacted = replaceIn(spaced);
        return redacted.equals(spaced) ? fileName : redacted.replace(' ', '_');
    }

    /** Links that dial, chat with or mail someone, and links that name this reporter (a profile), go whole. */
    private String withoutIdentifyingLinks(String text) {
        Matcher token = TOKEN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (token.find()) {
            String candidate = token.group();
            if (candidate.length() > MAX_LINK_CHARS || !isIdentifyingLink(candidate)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, token.start()).append(LINK);
            copied = token.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private boolean isIdentifyingLink(String token) {
        // Every link has a ':' (scheme) or a '.' (host); most words of a report have neither.
        if (token.indexOf(':') < 0 && token.indexOf('.') < 0) {
            return false;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < lower.length() && "([{".indexOf(lower.charAt(start)) >= 0) {
            start++;
        }
        String link = lower.substring(start);
        link = link.startsWith("https://") ? link.substring(8) : link.startsWith("http://") ? link.substring(7) : link;
        link = link.startsWith("www.") ? link.substring(4) : link;
        for (String prefix : IDENTIFYING_LINK_PREFIXES) {
            if (link.startsWith(prefix)) {
                return true;
            }
        }
        boolean looksLikeLink = lower.contains("://") || lower.startsWith("www.") || HOST_AND_PATH.matcher(link).matches();
        return looksLikeLink && (containsTerm(lower, addresses, false) || containsTerm(lower, names, true));
    }

    private static boolean containsTerm(String lower, List<String> terms, boolean wholeWord) {
        for (String term : terms) {
            for (int at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
                if (!wholeWord || isBoundary(lower, at, at + term.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String replaceIpv6(String text) {
        Matcher candidate = IPV6_CANDIDATE.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (candidate.find()) {
            if (!isIpv6(candidate.group())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, candidate.start()).append(IP);
            copied = candidate.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Eight groups of one to four hex digits, or fewer around one "::"; "12:30:45" is a time, not an address. */
    static boolean isIpv6(String value) {
        int compressed = value.indexOf("::");
        if (compressed != value.lastIndexOf("::") || value.contains(":::")) {
            return false;
        }
        String[] groups = Arrays.stream(value.split(":", -1)).filter(group -> !group.isEmpty()).toArray(String[]::new);
        for (String group : groups) {
            if (group.length() > 4) {
                return false;
            }
        }
        if (compressed < 0) {
            return groups.length == 8 && !value.startsWith(":") && !value.endsWith(":");
        }
        return groups.length >= 1 && groups.length <= 7 && value.length() >= 3
                && (groups.length >= 2 || value.startsWith("::") || value.endsWith("::"));
    }

    private static String replaceAll(String text, List<String> terms, String placeholder, boolean wholeWord) {
        if (terms.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            return replaceByRegex(text, terms, placeholder, wholeWord);
        }
        boolean[] taken = new boolean[text.length()];
        List<int[]> ranges = new ArrayList<>();
        for (String term : terms) {
            for (int at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
                int end = at + term.length();
                if ((!wholeWord || isBoundary(text, at, end)) && isFree(taken, at, end)) {
                    Arrays.fill(taken, at, end, true);
                    ranges.add(new int[] {at, end});
                }
            }
        }
        if (ranges.isEmpty()) {
            return text;
        }
        ranges.sort(Comparator.comparingInt(range -> range[0]));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int[] range : ranges) {
            out.append(text, copied, range[0]).append(placeholder);
            copied = range[1];
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** For the rare text whose lower case changes length (such as a dotted capital I). */
    private static String replaceByRegex(String text, List<String> terms, String placeholder, boolean wholeWord) {
        String out = text;
        for (String term : terms) {
            String quoted = Pattern.quote(term);
            String regex = wholeWord ? "(?<![\\p{L}\\p{M}\\p{N}])" + quoted + "(?![\\p{L}\\p{M}\\p{N}])" : quoted;
            out = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                    .replaceAll(Matcher.quoteReplacement(placeholder));
        }
        return out;
    }

    private static boolean isBoundary(String text, int start, int end) {
        return (start == 0 || !isWordChar(text.codePointBefore(start)))
                && (end >= text.length() || !isWordChar(text.codePointAt(end)));
    }

    private static boolean isWordChar(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isFree(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, distinct, longest first (a whole name goes before its parts), at most {@link #MAX_TERMS}. */
    private static List<String> normalised(List<String> terms) {
        return terms.stream().filter(term -> term != null && !term.isBlank())
                .map(term -> term.strip().toLowerCase(Locale.ROOT)).distinct().limit(MAX_TERMS)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Override
    public String toString() {
        return "RedactionTerms[" + addresses.size() + " addresses, " + names.size() + " names]";
    }
}
