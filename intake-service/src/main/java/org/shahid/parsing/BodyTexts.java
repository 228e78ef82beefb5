package org.shahid.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts found under one node of a mail's MIME tree: plain bodies, HTML bodies and forwarded messages, and how
 * they combine into the readable text and the displayable HTML. Mutable while one walk fills it; not thread-safe.
 */
final class BodyTexts {

    static final String FORWARDED_MARKER = "---------- Forwarded message ----------";

    final List<String> plain = new ArrayList<>();
    final List<String> html = new ArrayList<>();
    final List<String> forwarded = new ArrayList<>();

    /** Plain text if the sender wrote any, else the HTML read as text; forwarded messages follow, quoted. */
    String readableText() {
        List<String> sections = new ArrayList<>();
        String main = !plain.isEmpty()
                ? String.join("\n\n", plain)
                : String.join("\n\n", html.stream().map(HtmlBody::toReadableText).toList());
        if (!main.isBlank()) {
            sections.add(main.stripTrailing());
        }
        sections.addAll(forwarded);
        return String.join("\n\n", sections);
    }

    /** The HTML bodies cleaned for display, or null when there was no HTML. */
    String sanitizedHtml() {
        return html.isEmpty() ? null : HtmlBody.sanitize(String.join("\n", html));
    }

    /** A forwarded message as a section of the forwarding mail: a marker, its key fields, its text quoted. */
    static String forwardedSection(MailHeaders headers, String body) {
        StringBuilder section = new StringBuilder(FORWARDED_MARKER).append('\n');
        for (String name : List.of("From", "Date", "Subject")) {
            headers.firstDecoded(name).filter(value -> !value.isBlank())
                    .ifPresent(value -> section.append(name).append(": ").append(value).append('\n'));
        }
        if (!body.isEmpty()) {
            section.append('\n');
            body.lines().forEach(line -> section.append(line.isEmpty() ? ">" : "> " + line).append('\n'));
        }
        return section.toString().stripTrailing();
    }

    /** Line ends as {@code \n}, no leading blank lines, no trailing white space. */
    static String normalizeLines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^\\s*\\n", "").stripTrailing();
    }
}
