package org.shahid.tickets;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Appends to a ticket's history ({@code ticket_event}); rows are never updated or deleted. Thread-safe. */
public final class TicketEventDao {

    public void append(Handle handle, long ticketId, String actor, TicketEventKind kind, String detail, Instant now) {
        handle.createUpdate("""
                        INSERT INTO ticket_event (ticket_id, occurred_at, actor, kind, detail)
                        VALUES (:ticketId, :now, :actor, :kind, :detail)""")
                .bind("ticketId", ticketId)
                .bind("now", now)
                .bind("actor", actor)
                .bind("kind", kind.name())
                .bind("detail", detail)
                .execute();
    }
}
