package org.shahid.outbound;

/**
 * One file a queued mail carries: its position in the mail, the name and type it travels under and the SHA-256 of
 * the scrubbed copy whose bytes are read when the mail is sent. Immutable.
 */
public record OutboxAttachment(int position, String fileName, String contentType, String scrubbedSha256) {
}
