package org.shahid.parsing;

/**
 * One attachment or inline non-body part of a mail, with a file name that is safe to write to disk. When
 * {@code kept} is false the content was dropped and {@code note} says why; the note never quotes the mail.
 * Immutable by convention: the content array is shared, not copied, so callers must not modify it.
 *
 * @param fileName sanitised name: no directories, no control characters, no leading dots, at most 120 characters
 * @param declaredType base MIME type as the sender declared it, lower case
 * @param disposition {@code attachment} or {@code inline}
 * @param content the decoded bytes, or null when not kept
 * @param size decoded size in bytes, counted even when the content was not kept
 * @param kept whether {@code content} holds the whole decoded content
 * @param note why the content was not kept, or null when kept
 * @param contentId the Content-ID without angle brackets, or null
 */
public record ParsedAttachment(
        String fileName,
        String declaredType,
        String disposition,
        byte[] content,
        long size,
        boolean kept,
        String note,
        String contentId) {

    public static final String ATTACHMENT = "attachment";
    public static final String INLINE = "inline";

    @Override
    public String toString() {
        // The default would print the array reference; the size says more and leaks nothing.
        return "ParsedAttachment[fileName=" + fileName + ", declaredType=" + declaredType + ", disposition="
                + disposition + ", size=" + size + ", kept=" + kept + ", note=" + note + ", contentId=" + contentId
                + "]";
    }
}
