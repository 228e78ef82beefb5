package org.shahid.outbound;

/**
 * A mail waiting in the outbox. A reporter recipient is a sealed identity id, resolved only at the moment of
 * sending; other recipients (monitors) are plain addresses. Immutable.
 */
public record OutboxMail(long id, Long ticketId, String purpose, Long recipientSealedId, String recipientAddress,
                         String fromAddress, String messageId, String subject, String text, String html,
                         String language, int attempts, String replyTo) {
}
