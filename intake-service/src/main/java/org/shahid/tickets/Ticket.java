package org.shahid.tickets;

import java.time.Instant;

/** A ticket as stored: nothing in it identifies the reporter beyond the pseudonym. Immutable. */
public record Ticket(long id, TicketReference reference, TicketKind kind, String mailbox, TicketStatus status,
                     String language, String reporterPseudonym, boolean automated, Instant createdAt,
                     Instant updatedAt) {
}
