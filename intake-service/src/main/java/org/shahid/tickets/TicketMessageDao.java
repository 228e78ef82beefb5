package org.shahid.tickets;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Writes {@code ticket_message} rows (the working copy of a mail, no identity) and finds threads. Thread-safe. */
public final class TicketMessageDao {

    /**
     * Bodies are cut here: a MEDIUMTEXT holds 16 MB and MariaDB's default packet is 16 MB, while a mail may carry
     * 25 MB of text. Four bytes per character at most keeps a cut body well inside both.
     */
    static final int MAX_BODY_CHARS = 2_000_000;
    static final String CUT_MARK = "\n[… text cut: longer than " + MAX_BODY_CHARS + " characters]";

    /** The working copy of one mail as monitors will see it. */
    public record NewMessage(long ticketId, String direction, String subject, String text, String html,
                             String language, boolean automated, String messageIdHash, String problems) {
    }

    public long insert(Handle handle, NewMessage message, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO ticket_message (ticket_id, direction, subject, body_text, body_html, language,
                                                    automated, message_id_hash, parse_problems, created_at)
                        VALUES (:ticketId, :direction, :subject, :text, :html, :language, :automated,
                                :messageIdHash, :problems, :now)""")
                .bindMethods(message)
                .bind("subject", truncate(message.subject(), 998))
                .bind("text", cut(message.text()))
                .bind("html", cut(message.html()))
                .bind("problems", message.problems() == null ? null : truncate(message.problems(), 60_000))
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** The ticket of an earlier inbound mail with this Message-ID hash, if any. */
    public Optional<Long> ticketOfMessageIdHash(Handle handle, String messageIdHash) {
        return handle.createQuery("SELECT ticket_id FROM ticket_message WHERE message_id_hash = :hash ORDER BY id LIMIT 1")
                .bind("hash", messageIdHash)
                .mapTo(Long.class)
                .findOne();
    }

    /** A body as {@link #insert} stores it (very long bodies are cut), for callers that use it in the same transaction. */
    public static String asStored(String body) {
        return cut(body);
    }

    private static String cut(String body) {
        return body == null || body.length() <= MAX_BODY_CHARS ? body : truncate(body, MAX_BODY_CHARS) + CUT_MARK;
    }

    private static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        // Never split a surrogate pair: MariaDB rejects half an emoji.
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
