package org.shahid.parsing;

/**
 * The bounds {@link MailParser} applies to one mail: how many attachments it keeps, how large each may be,
 * and how deeply multiparts and forwarded messages may nest. Immutable and thread-safe.
 *
 * @param maxAttachments attachments past this count are listed but their content is not kept
 * @param maxAttachmentBytes decoded size above which an attachment's content is not kept; body text is truncated
 *     at this size too, but never below 1 MiB
 * @param maxNestingDepth how many multipart or message/rfc822 containers may enclose a part
 */
public record MailLimits(int maxAttachments, long maxAttachmentBytes, int maxNestingDepth) {

    /** 20 attachments of at most 25 MiB, nested at most 10 levels deep. */
    public static final MailLimits DEFAULTS = new MailLimits(20, 25L * 1024 * 1024, 10);

    public MailLimits {
        if (maxAttachments <= 0) {
            throw new IllegalArgumentException("maxAttachments must be positive, was " + maxAttachments);
        }
        if (maxAttachmentBytes <= 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must be positive, was " + maxAttachmentBytes);
        }
        if (maxNestingDepth <= 0) {
            throw new IllegalArgumentException("maxNestingDepth must be positive, was " + maxNestingDepth);
        }
    }
}
