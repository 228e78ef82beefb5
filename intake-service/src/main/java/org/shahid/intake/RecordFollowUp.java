package org.shahid.intake;

import org.shahid.tickets.TicketEventKind;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;

/** The join step of intake: a follow-up touches its ticket and says how it was threaded. Thread-safe. */
public final class RecordFollowUp {

    private final TicketDao tickets;
    private final TicketEventDao events;

    public RecordFollowUp(TicketDao tickets, TicketEventDao events) {
        this.tickets = tickets;
        this.events = events;
    }

    public void record(Handle handle, Ticket ticket, ReceiptCodes.Check receipt, Instant now) {
        tickets.touch(handle, ticket.id(), now);
        events.append(handle, ticket.id(), "reporter " + ticket.reporterPseudonym(), TicketEventKind.FOLLOW_UP_RECEIVED,
                receipt == ReceiptCodes.Check.MATCHED ? "by receipt code" : null, now);
    }
}
