package org.shahid.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The persistent outbox: rows written in the transaction that decided to send, claimed in batches by the
 * sender with a lease (so two nodes never send the same row, and a row held by a dead node is sent again
 * after the lease), then marked sent, retried with backoff, or failed. Thread-safe.
 */
public final class OutboxDao {

    private static final String COLUMNS = "id, ticket_id, purpose, recipient_sealed_id, recipient_address,"
            + " from_address, message_id, subject, body_text, body_html, language, attempts, reply_to";

    /**
     * A mail to enqueue: either {@code recipientSealedId} or {@code recipientAddress} is set. {@code replyTo} is
     * null except on mail to monitors, whose replies must carry the ticket's MAC.
     */
    public record NewMail(Long ticketId, String purpose, Long recipientSealedId, String recipientAddress,
                          String fromAddress, String messageId, RenderedMail content, String language,
                          String replyTo) {

        public NewMail(Long ticketId, String purpose, Long recipientSealedId, String recipientAddress,
                       String fromAddress, String messageId, RenderedMail content, String language) {
            this(ticketId, purpose, recipientSealedId, recipientAddress, fromAddress, messageId, content, language,
                    null);
        }
    }

    private static final String ENQUEUE = """
            INSERT INTO outbox (ticket_id, purpose, recipient_sealed_id, recipient_address, from_address,
                                message_id, subject, body_text, body_html, language, status, attempts,
                                next_attempt_at, created_at, reply_to)
            VALUES (:ticketId, :purpose, :recipientSealedId, :recipientAddress, :fromAddress, :messageId,
                    :subject, :text, :html, :language, 'PENDING', 0, :now, :now, :replyTo)""";

    public long enqueue(Handle handle, NewMail mail, Instant now) {
        return handle.createUpdate(ENQUEUE)
                .bindMethods(mail)
                .bind("subject", mail.content().subject())
                .bind("text", mail.content().text())
                .bind("html", mail.content().html())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /**
     * Enqueues several mails (a ticket's notifications to its monitors) as one batch, which the driver sends in
     * one round trip instead of one a mail; returns their ids in the order given.
     */
    public List<Long> enqueueAll(Handle handle, List<NewMail> mails, Instant now) {
        if (mails.isEmpty()) {
            return List.of();
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = handle.prepareBatch(ENQUEUE);
        for (NewMail mail : mails) {
            batch.bindMethods(mail)
                    .bind("subject", mail.content().subject())
                    .bind("text", mail.content().text())
                    .bind("html", mail.content().html())
                    .bind("now", now)
                    .add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != mails.size()) {
            throw new IllegalStateException("the outbox returned " + ids.size() + " ids for " + mails.size() + " mails");
        }
        return ids;
    }

    /** Adds files to a queued mail, in the transaction that queued it. */
    public void attach(Handle handle, long outboxId, List<OutboxAttachment> attachments) {
        for (OutboxAttachment attachment : attachments) {
            handle.createUpdate("""
                            INSERT INTO outbox_attachment (outbox_id, position, file_name, content_type, scrubbed_sha256)
                            VALUES (:outboxId, :position, :fileName, :contentType, :scrubbedSha256)""")
                    .bind("outboxId", outboxId)
                    .bindMethods(attachment)
                    .execute();
        }
    }

    /** The files of each of {@code outboxIds} that carries any, in their order, in one query. */
    public java.util.Map<Long, List<OutboxAttachment>> attachmentsOf(Handle handle, java.util.Collection<Long> outboxIds) {
        if (outboxIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, List<OutboxAttachment>> byMail = new java.util.HashMap<>();
        handle.createQuery("""
                        SELECT outbox_id, position, file_name, content_type, scrubbed_sha256 FROM outbox_attachment
                        WHERE outbox_id IN (<ids>) ORDER BY outbox_id, position""")
                .bindList("ids", List.copyOf(outboxIds))
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("outbox_id"), new OutboxAttachment(rs.getInt("position"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getString("scrubbed_sha256"))))
                .forEach(entry -> byMail.computeIfAbsent(entry.getKey(), id -> new java.util.ArrayList<>())
                        .add(entry.getValue()));
        return byMail;
    }

    /** Claims up to {@code limit} due rows for this sender and returns them, mail to reporters first. */
    public List<OutboxMail> claimDue(Handle handle, int limit, Instant now) {
        return claimDue(handle, limit, now, false);
    }

    /**
     * As {@link #claimDue(Handle, int, Instant)}; with {@code reportersOnly}, only mail to reporters (whose address
     * is sealed): acknowledgements and status updates, not the monitors' notifications. Either way mail to reporters
     * comes first, then by age: after a burst, the monitors' notifications held back meanwhile must not queue the
     * next acknowledgements behind them.
     */
    public List<OutboxMail> claimDue(Handle handle, int limit, Instant now, boolean reportersOnly) {
        String token = UUID.randomUUID().toString();
        // Two claims in primary-key order, not one ordered by "reporter first": ordered by an expression, MariaDB
        // sorts the due rows before it locks them, and concurrent claimers deadlocked (SendOutboxTest); once, in
        // DatabaseOutageFaultTest, two senders sent the same four mails 4 ms apart. In key order each claim's scan
        // waits for a row another claimer holds and then sees it SENDING.
        int claimed = claim(handle, token, now, limit, " AND recipient_sealed_id IS NOT NULL");
        if (!reportersOnly && claimed < limit) {
            claim(handle, token, now, limit - claimed, "");
        }
        return handle.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE claim_token = :token AND status = 'SENDING'"
                        + " ORDER BY recipient_sealed_id IS NULL, id")
                .bind("token", token)
                .map(OutboxDao::map)
                .list();
    }

    private static int claim(Handle handle, String token, Instant now, int limit, String condition) {
        return handle.createUpdate("""
                        UPDATE outbox SET status = 'SENDING', claim_token = :token, claimed_at = :now
                        WHERE status = 'PENDING' AND next_attempt_at <= :now"""
                        + condition + " ORDER BY id LIMIT :limit")
                .bind("token", token)
                .bind("now", now)
                .bind("limit", limit)
                .execute();
    }

    /** Hands rows claimed by a sender that died before {@code expiredBefore} back to the queue. */
    public int releaseExpiredClaims(Handle handle, Instant expiredBefore) {
        return handle.createUpdate("""
                        UPDATE outbox SET status = 'PENDING', claim_token = NULL, claimed_at = NULL
                        WHERE status = 'SENDING' AND claimed_at < :expiredBefore""")
                .bind("expiredBefore", expiredBefore)
                .execute();
    }

    /** Marks mails the relay accepted as sent, and purges any identity kept only for one of them. */
    public void markSent(Handle handle, List<Long> ids, Instant now) {
        markSent(handle, ids, now, true);
    }

    /**
     * Marks mails the relay accepted as sent, in one statement however many there are; with {@code lastChannels},
     * also purges the identities kept only for one of these mails (a second statement, which a sender that knows
     * none of them has such an identity leaves out).
     */
    public void markSent(Handle handle, List<Long> ids, Instant now, boolean lastChannels) {
        // Once the relay has it, the receipt code is scrubbed from the stored copy: in a dump it would let anyone
        // follow up as the reporter (see sealing.ReceiptCode; acknowledgements write it as dddd-dddd-dddd-dddd).
        handle.createUpdate("""
                        UPDATE outbox SET status = 'SENT', sent_at = :now, attempts = attempts + 1, claim_token = NULL,
                                          last_error = NULL,
                                          body_text = REGEXP_REPLACE(body_text, :code, '[receipt code]'),
                                          body_html = REGEXP_REPLACE(body_html, :code, '[receipt code]')
                        WHERE id IN (<ids>)""")
                .bind("code", "[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{4}")
                .bindList("ids", ids)
                .bind("now", now)
                .execute();
        if (lastChannels) {
            purgeLastChannels(handle, ids, now);
        }
    }

    /**
     * An identity kept only for its one last mail (an erasure's confirmation) is purged with that mail's record.
     * Autocommit runs this as a statement of its own: a crash just before it leaves the address sealed until the
     * retention job's next run, which purges rows whose mail is done.
     */
    private static void purgeLastChannels(Handle handle, List<Long> ids, Instant now) {
        handle.createUpdate(PURGE_LAST_CHANNELS)
                .bindList("ids", ids)
                .bind("now", now)
                .execute();
    }

    private static final String PURGE_LAST_CHANNELS = """
            UPDATE sealed_identity s JOIN outbox o ON o.recipient_sealed_id = s.id
            SET s.ciphertext = X'', s.purged_at = :now
            WHERE o.id IN (<ids>) AND s.purge_when_sent AND s.purged_at IS NULL""";

    public void markRetry(Handle handle, long id, String error, Instant nextAttempt) {
        handle.createUpdate("""
                        UPDATE outbox SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = :next,
                                          claim_token = NULL, claimed_at = NULL, last_error = :error
                        WHERE id = :id""")
                .bind("id", id)
                .bind("next", nextAttempt)
                .bind("error", limit(error))
                .execute();
    }

    /** Gives a connection-level failure back without counting it against the mail (it was never tried). */
    public void releaseUntried(Handle handle, long id, String error, Instant nextAttempt) {
        handle.createUpdate("""
                        UPDATE outbox SET status = 'PENDING', next_attempt_at = :next, claim_token = NULL,
                                          claimed_at = NULL, last_error = :error
                        WHERE id = :id""")
                .bind("id", id)
                .bind("next", nextAttempt)
                .bind("error", limit(error))
                .execute();
    }

    public void markFailed(Handle handle, long id, String error) {
        handle.createUpdate("""
                        UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, claim_token = NULL,
                                          last_error = :error
                        WHERE id = :id""")
                .bind("id", id)
                .bind("error", limit(error))
                .execute();
        // The failure has no clock of its own here: the database's time stamps the purge.
        handle.createUpdate(PURGE_LAST_CHANNELS.replace(":now", "NOW(3)")).bindList("ids", List.of(id)).execute();
    }

    /** Puts a failed mail back in the queue (admin command). */
    public boolean retry(Handle handle, long id, Instant now) {
        return handle.createUpdate("""
                        UPDATE outbox SET status = 'PENDING', next_attempt_at = :now, claim_token = NULL
                        WHERE id = :id AND status = 'FAILED'""")
                .bind("id", id)
                .bind("now", now)
                .execute() == 1;
    }

    /** The ticket of a mail Shahid sent, by its Message-ID (for replies that lost the subject reference). */
    public Optional<Long> ticketOfMessageId(Handle handle, String messageId) {
        return handle.createQuery("SELECT ticket_id FROM outbox WHERE message_id = :messageId AND ticket_id IS NOT NULL")
                .bind("messageId", messageId)
                .mapTo(Long.class)
                .findOne();
    }

    /** Rows for the admin listing, optionally of one status. */
    public List<OutboxRow> list(Handle handle, String status, int limit) {
        return handle.createQuery("""
                        SELECT o.id, t.reference, o.purpose, o.status, o.attempts, o.next_attempt_at, o.last_error,
                               o.created_at, o.sent_at
                        FROM outbox o LEFT JOIN ticket t ON t.id = o.ticket_id
                        WHERE (:status IS NULL OR o.status = :status) ORDER BY o.id DESC LIMIT :limit""")
                .bind("status", status)
                .bind("limit", limit)
                .map((rs, ctx) -> new OutboxRow(rs.getLong("id"), rs.getString("reference"), rs.getString("purpose"),
                        rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                        rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at")))
                .list();
    }

    /** One outbox row as admins see it: no recipient, no content. */
    public record OutboxRow(long id, String ticketReference, String purpose, String status, int attempts,
                            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String limit(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    private static OutboxMail map(ResultSet rs, StatementContext context) throws SQLException {
        long sealedId = rs.getLong("recipient_sealed_id");
        Long recipientSealedId = rs.wasNull() ? null : sealedId;
        long ticket = rs.getLong("ticket_id");
        Long ticketId = rs.wasNull() ? null : ticket;
        return new OutboxMail(rs.getLong("id"), ticketId, rs.getString("purpose"), recipientSealedId,
                rs.getString("recipient_address"), rs.getString("from_address"), rs.getString("message_id"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("language"), rs.getInt("attempts"), rs.getString("reply_to"));
    }
}
