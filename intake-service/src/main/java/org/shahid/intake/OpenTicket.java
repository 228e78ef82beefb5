package org.shahid.intake;

import org.shahid.tickets.TicketEventKind;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketReference;
import org.shahid.tickets.TicketStatus;

/**
 * The open-ticket step of intake: a mail that joins no ticket opens one under a fresh reference, with the
 * reporter's pseudonym and what a receipt code it carried did. Thread-safe.
 */
public final class OpenTicket {

    private final TicketDao tickets;
    private final TicketEventDao events;

    public OpenTicket(TicketDao tickets, TicketEventDao events) {
        this.tickets = tickets;
        this.events = events;
    }

    public Ticket open(Handle handle, Mailbox mailbox, String languageCode, String pseudonym, boolean automated,
                       ReceiptCodes.Check receipt, Instant now) {
        TicketReference reference = TicketReference.random();
        long id = tickets.insert(handle, reference, mailbox.kind(), mailbox.name(), languageCode, pseudonym, automated,
                now);
        String reporter = "reporter " + pseudonym;
        events.append(handle, id, reporter, TicketEventKind.OPENED, "by mail to " + mailbox.name(), now);
        switch (receipt) {
            case WRONG -> events.append(handle, id, reporter, TicketEventKind.RECEIPT_CODE_NOT_MATCHED,
                    "the code matched no ticket; opened as a new report", now);
            case RATE_LIMITED -> events.append(handle, id, reporter, TicketEventKind.RECEIPT_CODE_IGNORED,
                    "too many wrong receipt codes from this sender within an hour", now);
            default -> {
            }
        }
        return new Ticket(id, reference, mailbox.kind(), mailbox.name(), TicketStatus.NEW, languageCode, pseudonym,
                automated, now, now);
    }
}
