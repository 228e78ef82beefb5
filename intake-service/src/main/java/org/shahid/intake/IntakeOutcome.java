package org.shahid.intake;

import java.util.Optional;
import org.shahid.tickets.TicketReference;

/** What became of one mail: a new ticket, a follow-up on one, a duplicate of an earlier delivery. Immutable. */
public record IntakeOutcome(Kind kind, Optional<TicketReference> ticket, boolean acknowledged) {

    /** The ways intake can end well. */
    public enum Kind { NEW_TICKET, FOLLOW_UP, DUPLICATE, QUARANTINED }

    public static IntakeOutcome duplicate() {
        return new IntakeOutcome(Kind.DUPLICATE, Optional.empty(), false);
    }
}
