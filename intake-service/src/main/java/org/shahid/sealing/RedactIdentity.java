package org.shahid.sealing;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.shahid.parsing.MailHeaders;
import org.shahid.parsing.ParsedMail;

/**
 * Makes the working copy of a mail (subject, text, HTML) that tickets and monitors see: quoted
 * earlier mail and the signature block are trimmed, then {@link RedactionTerms} replace the sender's addresses,
 * names, identifying links, phone numbers and IP addresses, and receipt codes become placeholders. The HTML copy is
 * the redacted text again, escaped: HTML hides signatures, footers and quotes in markup that the text rules do not
 * see. The original stays only in the sealed store. Used by {@link RedactMail}. Every rule is linear in
 * its input; sender fields are read from at most {@link #MAX_HEADER_CHARS} characters each. Stateless and
 * thread-safe.
 */
public final class RedactIdentity {

    public static final String ADDRESS = RedactionTerms.ADDRESS;
    public static final String NAME = RedactionTerms.NAME;
    public static final String PHONE = RedactionTerms.PHONE;
    public static final String SIGNATURE = "[signature removed]";
    public static final String QUOTE = "[quoted text removed]";
    public static final String RECEIPT = "[receipt code]";
    /** 8 KB of an address header names anyone a real mail names; the rest is an attack on the patterns. */
    public static final int MAX_HEADER_CHARS = 8 * 1024;

    /** Header fields that name the sender; their addresses and names are what is redacted. */
    private static final List<String> SENDER_FIELDS = List.of("From", "Sender", "Reply-To", "Return-Path");
    /** A mail sent on as evidence names its recipients too; they are redacted like its sender. */
    private static final List<String> PEOPLE_FIELDS = List.of("From", "Sender", "Reply-To", "Return-Path", "To", "Cc",
            "Bcc", "Delivered-To");
    private static final Pattern ANGLE_BRACKETED = Pattern.compile("<[^<>]*>");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
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
        return redact(mail, termsOf(mail));
    }

    public Redacted redact(ParsedMail mail, RedactionTerms terms) {
        String text = terms.replaceIn(ReceiptCode.redactIn(withoutSignature(withoutQuotedMail(mail.text())), RECEIPT));
        String html = mail.sanitizedHtml() == null ? null : asHtml(text);
        return new Redacted(terms.replaceIn(ReceiptCode.redactIn(mail.subject(), RECEIPT)), text, html);
    }

    /** The redacted text as a minimal HTML document: escaped, one line per line, direction from the content. */
    static String asHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 64).append("<div dir=\"auto\">");
        text.lines().forEach(line -> html.append(escape(line)).append("<br>\n"));
        return html.append("</div>").toString();
    }

    private static String escape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
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

    /**
     * The reporter's identifiers as this mail shows them: the parsed From, and the addresses and names of every
     * sender field, each read from at most {@link #MAX_HEADER_CHARS} characters (a hostile header must stay cheap).
     */
    public static RedactionTerms termsOf(ParsedMail mail) {
        return termsOf(mail, SENDER_FIELDS);
    }

    /** The identifiers of everyone a mail names in its header, sender and recipients: for a mail kept as evidence. */
    public static RedactionTerms termsOfEveryone(ParsedMail mail) {
        return termsOf(mail, PEOPLE_FIELDS);
    }

    private static RedactionTerms termsOf(ParsedMail mail, List<String> fields) {
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        mail.from().ifPresent(from -> {
            addresses.add(from.address());
            names.add(from.displayName());
        });
        for (String field : fields) {
            for (String value : mail.headers().all(field)) {
                collect(value.length() > MAX_HEADER_CHARS ? value.substring(0, MAX_HEADER_CHARS) : value,
                        addresses, names);
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
        List<String> allNames = new ArrayList<>(firstOf(names));
        firstOf(words).stream().filter(word -> !allNames.contains(word)).forEach(allNames::add);
        return new RedactionTerms(firstOf(addresses), allNames);
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
        addresses.addAll(addressLike(value));
        try {
            names.add(MimeUtility.decodeText(ANGLE_BRACKETED.matcher(value).replaceAll("").replace("\"", "")).strip());
        } catch (Exception undecodable) {
            // The raw value was already collected through the addresses.
        }
        names.removeIf(name -> name.contains("@"));
    }

    /**
     * Everything around an '@' that could be an address, found in one pass: from each '@' outwards over address
     * characters. A regex of the form {@code x+@x+} costs quadratic time on a long run without '@'.
     */
    static List<String> addressLike(String value) {
        List<String> found = new ArrayList<>();
        int searchedUpTo = 0;
        for (int at = value.indexOf('@'); at >= 0 && found.size() < MAX_TERMS_PER_KIND; at = value.indexOf('@', at + 1)) {
            int start = at;
            while (start > searchedUpTo && isAddressChar(value.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < value.length() && isAddressChar(value.charAt(end))) {
                end++;
            }
            if (start < at && end > at + 1) {
                found.add(value.substring(start, end));
            }
            searchedUpTo = at + 1;
        }
        return found;
    }

    private static boolean isAddressChar(char c) {
        return !Character.isWhitespace(c) && "<>\"(),;:@[]".indexOf(c) < 0;
    }

    private static List<String> partsOf(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : NAME_SEPARATORS.split(name)) {
            if (part.codePointCount(0, part.length()) >= MIN_NAME_PART && !part.chars().allMatch(Character::isDigit)) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static List<String> firstOf(Set<String> values) {
        return values.stream().filter(value -> !value.isBlank()).limit(MAX_TERMS_PER_KIND).toList();
    }
}
