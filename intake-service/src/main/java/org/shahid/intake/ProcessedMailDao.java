package org.shahid.intake;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The record of every mail ever processed ({@code processed_mail}), Shahid's guard against duplicates: the
 * row is claimed in the same transaction as the ticket, so a mail is either fully processed once or not at
 * all. Thread-safe.
 */
public final class ProcessedMailDao {

    /** How a processed mail ended. */
    public enum Outcome { TICKET, FOLLOW_UP, QUARANTINED }

    public boolean isProcessed(Handle handle, MailKey key) {
        return handle.createQuery("SELECT COUNT(*) FROM processed_mail WHERE mail_key = :key")
                .bind("key", key.value())
                .mapTo(Integer.class)
                .one() > 0;
    }

    /**
     * Claims the key for this transaction; false when another delivery of the same mail already has it (a
     * concurrent claim waits on the row lock and then sees the committed row).
     */
    public boolean claim(Handle handle, MailKey key, String mailbox, Outcome outcome, Long ticketId, Instant now) {
        return handle.createUpdate("""
                        INSERT IGNORE INTO processed_mail (mail_key, mailbox, outcome, ticket_id, processed_at)
                        VALUES (:key, :mailbox, :outcome, :ticketId, :now)""")
                .bind("key", key.value())
                .bind("mailbox", mailbox)
                .bind("outcome", outcome.name())
                .bind("ticketId", ticketId)
                .bind("now", now)
                .execute() == 1;
    }
}
