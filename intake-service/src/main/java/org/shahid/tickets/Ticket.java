package org.shahid.tickets;

import java.time.Instant;

/** A ticket as stored: nothing in it identifies the reporter beyond the pseudonym. Immutable. */
public record Ticket(long id, TicketReference reference, TicketKind kind, String mailbox, TicketStatus status,
                     String language, String reporterPseudonym, boolean automated, Instant createdAt,
                     Instant updatedAt) {

    /** The pseudonym's prefix once the reporter had their identity erased: it was drawn at random, it names no one. */
    public static final String ERASED_PSEUDONYM_PREFIX = "E-";

    /** True once the reporter had their identity erased: such a ticket takes no follow-up any more. */
    public boolean reporterErased() {
        return reporterPseudonym != null && reporterPseudonym.startsWith(ERASED_PSEUDONYM_PREFIX);
    }
}
