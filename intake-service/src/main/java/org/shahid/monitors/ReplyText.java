package org.shahid.monitors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Separates what a monitor wrote from what their mail client added: the quoted notification (Gmail's and
 * Thunderbird's "On … wrote:", Apple Mail's "On …, at …, … wrote:", Outlook's "-----Original Message-----" and
 * its From/Sent header block, Arabic "في … كتب:", Sorani "… نووسی:", and {@code >} lines) and the signature
 * ("-- ", "Sent from my iPhone"). Everything from the first such marker on is dropped: the quoted notification
 * must never reach a reporter. Stateless and thread-safe.
 */
public final class ReplyText {

    private static final List<Pattern> QUOTE_HEADERS = List.of(
            // Gmail, Thunderbird, Apple Mail: "On Mon, 2 Jun 2025 at 10:12, Shahid <…> wrote:"
            Pattern.compile("^\\s*On\\b.{0,300}\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE),
            // Thunderbird's other default: "Shahid wrote on 02/06/2025 10:12:"
            Pattern.compile("^.{0,200}\\bwrote on\\b.{0,100}:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*-{2,}\\s*(Original Message|Forwarded message|Ursprüngliche Nachricht)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*Begin forwarded message:\\s*$", Pattern.CASE_INSENSITIVE),
            // Arabic (Gmail, Apple Mail): "في الاثنين، ٢ يونيو ٢٠٢٥ في ١٠:١٢ ص كتب Shahid <…>:"
            Pattern.compile("^\\s*في\\s.{0,300}(كتب|كتبت|تمت كتابة).{0,200}:\\s*$"),
            Pattern.compile("^\\s*-{2,}\\s*الرسالة الأصلية\\s*-{2,}\\s*$"),
            // Sorani (Gmail): "لە دووشەممە، ٢ی حوزەیران ... Shahid <…> نووسی:"
            Pattern.compile("^.{0,300}نووسی(ویەتی)?\\s*:\\s*$"),
            // Outlook on the web draws a line before its header block.
            Pattern.compile("^\\s*_{10,}\\s*$"));
    // Outlook's header block: "From: …" directly followed by "Sent: …" or "Date: …" (or their Arabic forms).
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*\\*?(From|من|لە)\\s*:\\*?\\s.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_NEXT = Pattern.compile(
            "^\\s*\\*?(Sent|Date|To|تم الإرسال|تاريخ الإرسال|التاريخ|إلى|نێردرا|بۆ)\\s*:\\*?\\s.*$",
            Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> SIGNATURES = List.of(
            Pattern.compile("^-- ?$"),
            Pattern.compile("^\\s*(Sent from my|Sent from Mail for|Get Outlook for)\\b.*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*(أُرسلت|أرسلت|مرسل) من .*$"),
            Pattern.compile("^\\s*نێردراوە لە .*$"));

    private ReplyText() {
    }

    /** The new text of a reply: the lines above the first quote or signature marker, without {@code >} lines. */
    public static String newText(String body) {
        List<String> lines = body == null ? List.of() : body.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (startsQuote(lines, i) || SIGNATURES.stream().anyMatch(p -> p.matcher(line).matches())) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }

    private static boolean startsQuote(List<String> lines, int i) {
        String line = lines.get(i);
        if (QUOTE_HEADERS.stream().anyMatch(p -> p.matcher(line).matches())) {
            return true;
        }
        // Gmail wraps a long attribution: "On Mon, 2 Jun 2025 at 10:12, Shahid <monitors+…@…>" / "wrote:".
        if (i + 1 < lines.size() && line.matches("(?i)^\\s*On\\b.*") && lines.get(i + 1).matches("(?i)^.*\\bwrote:\\s*$")) {
            return true;
        }
        if (i + 1 < lines.size() && line.matches("^\\s*في\\s.*") && lines.get(i + 1).matches("^.*كتب.*:\\s*$")) {
            return true;
        }
        return OUTLOOK_FROM.matcher(line).matches() && i + 1 < lines.size()
                && OUTLOOK_NEXT.matcher(lines.get(i + 1)).matches();
    }
}
