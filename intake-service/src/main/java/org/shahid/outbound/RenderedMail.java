package org.shahid.outbound;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An acknowledgement rendered from the templates, ready to be put into a MIME message. Immutable and thread-safe.
 *
 * @param subject one line: runs of whitespace, including line breaks, are collapsed to a single space and trimmed
 * @param text the plain-text part
 * @param html the HTML part, a whole document
 */
public record RenderedMail(String subject, String text, String html) {

    // (?U) makes \s match Unicode whitespace too (NBSP, LINE SEPARATOR): a header must never carry a line break.
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    public RenderedMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        subject = WHITESPACE.matcher(subject).replaceAll(" ").strip();
    }
}
