package org.shahid.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The {@code evidence_examination} queue: one row per message whose kept attachments await examination, claimed
 * with a lease so that two nodes (or a run after a crash) never examine the same message at once. Thread-safe.
 */
public final class ExaminationDao {

    /** A message claimed for examination; {@code attempts} counts this claim. */
    public record Claim(long messageId, long ticketId, boolean followUp, boolean reopened, List<String> bodyUrls,
                        int attempts, String token) {
    }

    /** Queues a message; called in the transaction that records it. */
    public void enqueue(Handle handle, long messageId, long ticketId, boolean followUp, boolean reopened,
                        Collection<String> bodyUrls, Instant now) {
        handle.createUpdate("""
                        INSERT INTO evidence_examination (message_id, ticket_id, follow_up, reopened, body_urls, state,
                                                          created_at)
                        VALUES (:messageId, :ticketId, :followUp, :reopened, :bodyUrls, 'PENDING', :now)""")
                .bind("messageId", messageId).bind("ticketId", ticketId).bind("followUp", followUp)
                .bind("reopened", reopened).bind("bodyUrls", bodyUrls.isEmpty() ? null : String.join("\n", bodyUrls))
                .bind("now", now)
                .execute();
    }

    /** Claims the oldest pending message that nobody holds (or whose holder's lease ran out). */
    public Optional<Claim> claimNext(Handle handle, Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        int claimed = handle.createUpdate("""
                        UPDATE evidence_examination
                        SET claim_token = :token, claimed_at = :now, attempts = attempts + 1
                        WHERE state = 'PENDING' AND (claimed_at IS NULL OR claimed_at < :expiredBefore)
                        ORDER BY message_id LIMIT 1""")
                .bind("token", token).bind("now", now).bind("expiredBefore", now.minus(lease))
                .execute();
        if (claimed == 0) {
            return Optional.empty();
        }
        return handle.createQuery("""
                        SELECT message_id, ticket_id, follow_up, reopened, body_urls, attempts, claim_token
                        FROM evidence_examination WHERE claim_token = :token""")
                .bind("token", token)
                .map((rs, ctx) -> new Claim(rs.getLong("message_id"), rs.getLong("ticket_id"),
                        rs.getBoolean("follow_up"), rs.getBoolean("reopened"), lines(rs.getString("body_urls")),
                        rs.getInt("attempts"),
                        rs.getString("claim_token")))
                .findOne();
    }

    /**
     * Marks the claimed message examined; false (and nothing changed) when the claim was lost to another node
     * after its lease ran out, which then records the examination itself.
     */
    public boolean complete(Handle handle, Claim claim, Instant now) {
        return handle.createUpdate("""
                        UPDATE evidence_examination SET state = 'DONE', examined_at = :now, claim_token = NULL
                        WHERE message_id = :messageId AND claim_token = :token AND state = 'PENDING'""")
                .bind("now", now).bind("messageId", claim.messageId()).bind("token", claim.token())
                .execute() == 1;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Messages still waiting (health, tests, the admin's {@code tickets} view). */
    public long pending(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM evidence_examination WHERE state = 'PENDING'")
                .mapTo(Long.class).one();
    }
}
