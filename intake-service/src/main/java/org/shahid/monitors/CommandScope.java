package org.shahid.monitors;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * What a {@link MonitorCommand} sees while it is checked or applied: the caller's transaction, the ticket, the
 * whole reply (a command may depend on another, as {@code #commitment} on {@code #actor}), the monitor who wrote it
 * (null while only checking), the time and the parts commands may use. Immutable.
 */
public record CommandScope(Handle handle, Ticket ticket, ParsedReply reply, String actor, Instant now,
                           ApplyCommands.Parts parts) {

    /** Appends to the ticket's history with the monitor as actor. */
    public void record(TicketEventKind kind, String detail) {
        parts.events().append(handle, ticket.id(), actor, kind, detail, now);
    }

    /** Moves the ticket to a status {@link LifecycleStep#check} allowed, with the step in its history. */
    public TicketStatus move(TicketStatus from, TicketStatus to) {
        if (from == to) {
            return from;
        }
        parts.triage().setStatus(handle, ticket.id(), to.name(), now);
        record(TicketEventKind.STATUS_CHANGED, TicketLifecycle.word(from) + " -> " + TicketLifecycle.word(to));
        return to;
    }
}
