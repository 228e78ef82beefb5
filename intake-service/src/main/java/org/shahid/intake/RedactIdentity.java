package org.shahid.intake;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shahid.parsing.MailHeaders;
import org.shahid.parsing.ParsedMail;

/**
 * Makes the working copy of a mail (subject, text, HTML) that tickets and monitors see: the sender's own
 * addresses, local parts, display names, phone numbers, receipt codes and signature block become placeholders, and
 * quoted earlier mail is trimmed. The original stays only in the sealed store. Called by {@link MailIntake} before
 * {@code ticket_message} is written. Stateless and thread-safe.
 */
public final class RedactIdentity {

    public static final String ADDRESS = "[address]";
    public static final String NAME = "[name]";
    public static final String PHONE = "[phone]";
    public static final String SIGNATURE = "[signature removed]";
    public static final String QUOTE = "[quoted text removed]";
    public static final String RECEIPT = "[receipt code]";

    /** Header fields that name the sender; their addresses and names are what is redacted. */
    private static final List<String> SENDER_FIELDS = List.of("From", "Sender", "Reply-To", "Return-Path");
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[^\\s<>\"(),;:@\\[\\]]+@[^\\s<>\"(),;:@\\[\\]]+");
    /** Western, Arabic-Indic and Extended (Persian) Arabic-Indic digits: phones arrive in all three. */
    private static final String D = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";
    private static final String SEP = "[\\s\\u00A0.\\-\\u2010-\\u2015]?";
    private static final Pattern PHONE_NUMBER = Pattern.compile(String.join("|",
            // Iraqi mobile, international: +964 7xx xxx xxxx or 00964 ...
            "(?:\\+|00|\\u0660\\u0660|\\u06F0\\u06F0)\\s?[9\\u0669\\u06F9][6\\u0666\\u06F6][4\\u0664\\u06F4]" + SEP
                    + "\\(?(?:[0\\u0660\\u06F0]\\)?)?" + SEP + D + "{3}" + SEP + D + "{3}" + SEP + D + "{4}",
            // Iraqi mobile, national: 07xx xxx xxxx
            "(?<!" + D + ")[0\\u0660\\u06F0][7\\u0667\\u06F7]" + D + "{2}" + SEP + D + "{3}" + SEP + D + "{4}(?!" + D + ")",
            // Any other international number: + and 8 to 15 digits with separators
            "(?<!" + D + ")\\+\\s?" + D + "(?:" + SEP + D + "){7,14}(?!" + D + ")"));
    /** RFC 3676 signature separator, and the bare "--" many clients write. */
    private static final Pattern SIGNATURE_SEPARATOR = Pattern.compile("^--\\s?$");
    /** Closings after which a signature block follows: English, Arabic, Sorani Kurdish. */
    private static final Pattern SIGN_OFF = Pattern.compile("^(?:best regards|kind regards|warm regards|regards|"
            + "best wishes|best|cheers|thanks|thank you|many thanks|sincerely|yours sincerely|yours truly|yours|"
            + "مع التحية|مع تحياتي|مع خالص التحية|مع أطيب التحيات|مع فائق الاحترام|تحياتي|تحياتى|وتقبلوا فائق الاحترام|"
            + "شكرا|شكراً|مع الشكر|مع جزيل الشكر|والسلام|"
            + "لەگەڵ ڕێزدا|لەگەڵ ڕێز|بە ڕێزەوە|بەڕێزەوە|سوپاس|زۆر سوپاس|ڕێزم هەیە)[\\s,.،!:؛-]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Mobile client footers, which also tell the reporter's device; removed wherever they are. */
    private static final Pattern DEVICE_FOOTER = Pattern.compile("^(?:sent from my |sent from |get outlook for |"
            + "sent with |أرسلت من |أُرسلت من |مرسل من |تم الإرسال من |نێردراوە لە |نێردرا لە ).*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "On Mon, 3 Jun 2024, X <x@y> wrote:", "في ... كتب:", "لە ... نووسی:", Outlook's original-message line. */
    private static final Pattern ATTRIBUTION = Pattern.compile("^(?:on\\s.{0,300}\\swrote:|في\\s.{0,300}كتب.{0,120}:"
            + "|لە\\s.{0,300}نووسی.{0,120}:|-{2,}\\s*original message\\s*-{2,}|-{2,}\\s*الرسالة الأصلية\\s*-{2,})\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A sign-off is a signature only this close to the end; earlier it is part of the report. */
    private static final int SIGN_OFF_WINDOW_LINES = 8;
    private static final int MIN_NAME_PART = 3;
    /** Each term is one pass over the text: a hostile header listing thousands of addresses must stay cheap. */
    private static final int MAX_TERMS_PER_KIND = 32;

    /** The working copy; {@code html} is null when the mail had none. */
    public record Redacted(String subject, String text, String html) {
    }

    public Redacted redact(ParsedMail mail) {
        Terms terms = termsOf(mail);
        String text = ReceiptCode.redactIn(withoutSignature(withoutQuotedMail(mail.text())), RECEIPT);
        String html = mail.sanitizedHtml() == null ? null
                : ReceiptCode.redactIn(terms.replaceIn(mail.sanitizedHtml()), RECEIPT);
        return new Redacted(ReceiptCode.redactIn(terms.replaceIn(mail.subject()), RECEIPT), terms.replaceIn(text), html);
    }

    /** Redacts one text with the identity of {@code mail}'s sender (no signature or quote trimming). */
    public String redactTerms(ParsedMail mail, String text) {
        return termsOf(mail).replaceIn(text);
    }

    static String withoutQuotedMail(String text) {
        List<String> lines = text.lines().toList();
        List<String> kept = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (isAttribution(trimmed) && quotedBlockFollows(lines, i + 1)) {
                i = skipQuoted(lines, i + 1);
                kept.add(QUOTE);
            } else if (trimmed.startsWith(">") && quotedBlockEchoesShahid(lines, i)) {
                i = skipQuoted(lines, i);
                kept.add(QUOTE);
            } else {
                kept.add(line);
                i++;
            }
        }
        return String.join("\n", kept);
    }

    /** The cheap test first: most lines of a report start with "في" or "لە" and none of them end an attribution. */
    private static boolean isAttribution(String line) {
        boolean candidate = line.endsWith(":") || line.endsWith("-");
        return candidate && line.length() < 500 && ATTRIBUTION.matcher(line).matches();
    }

    private static boolean quotedBlockFollows(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String trimmed = lines.get(i).strip();
            if (!trimmed.isEmpty()) {
                return trimmed.startsWith(">");
            }
        }
        // An attribution with nothing after it: a client that cut the quote, nothing left to keep either.
        return true;
    }

    private static int skipQuoted(List<String> lines, int from) {
        int i = from;
        int lastQuoted = from;
        while (i < lines.size()) {
            String trimmed = lines.get(i).strip();
            if (trimmed.startsWith(">")) {
                lastQuoted = i + 1;
            } else if (!trimmed.isEmpty()) {
                break;
            }
            i++;
        }
        return Math.max(lastQuoted, from);
    }

    /** A quoted block without attribution line is trimmed when it quotes Shahid's own mail (its reference). */
    private static boolean quotedBlockEchoesShahid(List<String> lines, int from) {
        for (int i = from; i < lines.size() && lines.get(i).strip().startsWith(">"); i++) {
            if (lines.get(i).contains("SHD-")) {
                return true;
            }
        }
        return false;
    }

    static String withoutSignature(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.removeIf(line -> DEVICE_FOOTER.matcher(line.strip()).matches());
        int cut = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (SIGNATURE_SEPARATOR.matcher(lines.get(i)).matches()) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            int nonBlankSeen = 0;
            for (int i = lines.size() - 1; i >= 0 && nonBlankSeen < SIGN_OFF_WINDOW_LINES; i--) {
                String trimmed = lines.get(i).strip();
                if (trimmed.isEmpty() || trimmed.equals(QUOTE)) {
                    continue;
                }
                nonBlankSeen++;
                if (SIGN_OFF.matcher(trimmed).matches()) {
                    cut = i;
                }
            }
        }
        if (cut < 0) {
            return String.join("\n", lines);
        }
        // What follows the signature may be a trimmed quote marker: keep that, so the reader knows.
        boolean hadQuote = lines.subList(cut, lines.size()).contains(QUOTE);
        List<String> kept = new ArrayList<>(lines.subList(0, cut));
        kept.add(SIGNATURE);
        if (hadQuote) {
            kept.add(QUOTE);
        }
        return String.join("\n", kept);
    }

    private static Terms termsOf(ParsedMail mail) {
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        mail.from().ifPresent(from -> {
            addresses.add(from.address());
            names.add(from.displayName());
        });
        for (String field : SENDER_FIELDS) {
            for (String value : mail.headers().all(field)) {
                collect(value, addresses, names);
            }
        }
        Set<String> words = new LinkedHashSet<>();
        for (String name : names) {
            words.addAll(partsOf(name));
        }
        for (String address : addresses) {
            int at = address.indexOf('@');
            if (at > 0) {
                String local = address.substring(0, at);
                if (local.length() >= MIN_NAME_PART) {
                    words.add(local);
                }
                words.addAll(partsOf(local));
            }
        }
        names.removeIf(String::isBlank);
        return new Terms(longestFirst(addresses), longestFirst(names), longestFirst(words));
    }

    private static void collect(String headerValue, Set<String> addresses, Set<String> names) {
        String value = MailHeaders.cleanValue(headerValue);
        try {
            for (InternetAddress parsed : InternetAddress.parseHeader(value, false)) {
                if (parsed.getAddress() != null && parsed.getAddress().contains("@")) {
                    addresses.add(parsed.getAddress().strip());
                }
                if (parsed.getPersonal() != null) {
                    names.add(parsed.getPersonal().strip());
                }
            }
        } catch (Exception unparseable) {
            // Lenient fallback below finds what an unparseable field still shows.
        }
        Matcher found = ADDRESS_LIKE.matcher(value);
        while (found.find()) {
            addresses.add(found.group());
        }
        try {
            names.add(MimeUtility.decodeText(value.replaceAll("<[^>]*>", "").replace("\"", "")).strip());
        } catch (Exception undecodable) {
            // The raw value was already collected through the addresses.
        }
        names.removeIf(name -> name.contains("@"));
    }

    private static List<String> partsOf(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("[^\\p{L}\\p{M}\\p{N}]+")) {
            if (part.codePointCount(0, part.length()) >= MIN_NAME_PART && !part.chars().allMatch(Character::isDigit)) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static List<String> longestFirst(Set<String> values) {
        return values.stream().filter(value -> !value.isBlank()).limit(MAX_TERMS_PER_KIND)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * What identifies this sender, longest first so that a whole name goes before its parts. Replacement scans with
     * {@code indexOf} on a lower-cased copy (a case-insensitive regex per term cost milliseconds per mail).
     */
    private record Terms(List<String> addresses, List<String> names) {

        Terms(List<String> addresses, List<String> names, List<String> words) {
            this(lowerCased(addresses), lowerCased(concat(names, words)));
        }

        String replaceIn(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            String out = replaceAll(replaceAll(text, addresses, ADDRESS, false), names, NAME, true);
            return hasDigit(out) ? PHONE_NUMBER.matcher(out).replaceAll(PHONE) : out;
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
                        java.util.Arrays.fill(taken, at, end, true);
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

        private static List<String> concat(List<String> first, List<String> second) {
            List<String> all = new ArrayList<>(first);
            second.stream().filter(word -> !all.contains(word)).forEach(all::add);
            return all;
        }

        private static List<String> lowerCased(List<String> terms) {
            return terms.stream().map(term -> term.toLowerCase(Locale.ROOT)).distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }

        private static boolean hasDigit(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isDigit(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
