package org.shahid.parsing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link MailParser#parse(byte[])}: the mail's identity headers, readable text, cleaned HTML,
 * attachments, and the defects noticed on the way. Immutable and thread-safe (attachment contents are shared).
 *
 * @param text the readable body with forwarded messages appended as quoted sections, "" when there is none
 * @param sanitizedHtml the HTML alternative without scripts, images or remote resources, or null without HTML
 * @param problems human-readable defects; they never contain the sender's identity
 * @param rawSize size of the input in bytes
 */
public record ParsedMail(
        MailHeaders headers,
        Optional<MailAddress> from,
        String subject,
        Optional<String> messageId,
        List<String> inReplyTo,
        List<String> references,
        String text,
        String sanitizedHtml,
        List<ParsedAttachment> attachments,
        List<String> problems,
        long rawSize) {

    public ParsedMail {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(text, "text");
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    @Override
    public String toString() {
        // The default would print the sender's address and the report text into any log that prints this object.
        return "ParsedMail[rawSize=" + rawSize + ", textLength=" + text.length() + ", html=" + (sanitizedHtml != null)
                + ", attachments=" + attachments.size() + ", problems=" + problems + "]";
    }
}
