package org.shahid.sealing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The append-only trail of unsealing ({@code unseal_audit}): every request, approval, refusal and reveal, with who,
 * when, which ticket, why and what. The database refuses UPDATE and DELETE on it (triggers of V3). Thread-safe.
 */
public final class UnsealAudit {

    /** One row of the trail; {@code ticketReference} is null when a refused action named no known ticket. */
    public record Entry(long id, Instant occurredAt, String actor, String action, String ticketReference,
                        Long requestId, String reason, String detail) {
    }

    public void append(Handle handle, String actor, String action, Long ticketId, Long requestId, String reason,
                       String detail, Instant now) {
        handle.createUpdate("""
                        INSERT INTO unseal_audit (occurred_at, actor, action, ticket_id, request_id, reason, detail)
                        VALUES (:now, :actor, :action, :ticket, :request, :reason, :detail)""")
                .bind("now", now)
                .bind("actor", actor)
                .bind("action", action)
                .bind("ticket", ticketId)
                .bind("request", requestId)
                .bind("reason", reason)
                .bind("detail", detail)
                .execute();
    }

    /** The trail, oldest first, of one ticket or of all. */
    public List<Entry> list(Handle handle, Optional<Long> ticketId) {
        return handle.createQuery("""
                        SELECT a.id, a.occurred_at, a.actor, a.action, t.reference, a.request_id, a.reason, a.detail
                        FROM unseal_audit a LEFT JOIN ticket t ON t.id = a.ticket_id
                        WHERE :ticket IS NULL OR a.ticket_id = :ticket
                        ORDER BY a.id""")
                .bind("ticket", ticketId.orElse(null))
                .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6) == null ? null : rs.getLong(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }
}
