package org.shahid.sealing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shahid.parsing.ParsedAttachment;

/**
 * A mail as every step after the identity gate sees it: redacted subject, text and HTML copy, attachments under
 * redacted names, and only those references that carry nothing of the sender (keyed hashes of the ids it names,
 * ids that Shahid minted itself, a receipt code). No address, display name or header: what is not here cannot
 * leak. Made by {@code RedactMail} in intake. Immutable and thread-safe (attachment contents are shared).
 *
 * @param html the redacted HTML copy, or null when the mail had no HTML
 * @param messageIdHash keyed hash of the mail's own Message-ID (threading later replies), or null
 * @param referencedIdHashes keyed hashes of the In-Reply-To/References ids, direct parent first
 * @param shahidReferences the referenced ids that Shahid minted (under its own domain), direct parent first
 * @param receiptCode the receipt code the mail carries, or empty
 * @param automated why the mail must not be answered (an auto-reply, a bounce, a list), or empty
 * @param authenticated whether the receiving server vouched for the From (RFC 8601, DMARC or aligned DKIM)
 * @param controlLine the mail's first line, only when it is one of the reporter's control words (withdraw, erase)
 */
public record ReporterFreeMail(String subject, String text, String html, List<ParsedAttachment> attachments,
                               String messageIdHash, List<String> referencedIdHashes, List<String> shahidReferences,
                               Optional<String> receiptCode, List<String> problems, Optional<String> automated,
                               boolean authenticated, Optional<String> controlLine) {

    public ReporterFreeMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
        referencedIdHashes = List.copyOf(referencedIdHashes);
        shahidReferences = List.copyOf(shahidReferences);
        problems = List.copyOf(problems);
        Objects.requireNonNull(controlLine, "controlLine");
    }

    @Override
    public String toString() {
        return "ReporterFreeMail[textLength=" + text.length() + ", attachments=" + attachments.size()
                + ", authenticated=" + authenticated + "]";
    }
}
