package org.shahid.reporters;

import org.shahid.tickets.TicketEventKind;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.language.Language;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketStatus;

/**
 * Withdraws a report at its reporter's request: status {@code WITHDRAWN}, an event in the ticket's history, and one
 * confirmation to the address that asked. Monitors hear of it through the follow-up's usual notification, which
 * shows the new status. A second request changes nothing and is not answered: after the confirmation the reporter
 * receives nothing more about the ticket. Thread-safe.
 */
public final class WithdrawReport {

    private final TicketEventDao events;
    private final ConfirmReporterRequest confirmation;

    public WithdrawReport(TicketEventDao events, ConfirmReporterRequest confirmation) {
        this.events = events;
        this.confirmation = confirmation;
    }

    public void apply(Handle handle, ReporterFollowUp followUp, Language language, Instant now) {
        long ticketId = followUp.ticket().id();
        TicketStatus before = followUp.ticket().status();
        // Once withdrawn, always answered once: a monitor may close the ticket afterwards, and a second request
        // must not bring a second confirmation.
        boolean withdrawnBefore = handle.createQuery(
                        "SELECT COUNT(*) FROM ticket_event WHERE ticket_id = :ticket AND kind = 'WITHDRAWN'")
                .bind("ticket", ticketId).mapTo(Long.class).one() > 0;
        if (before == TicketStatus.WITHDRAWN || withdrawnBefore) {
            events.append(handle, ticketId, "reporter", TicketEventKind.WITHDRAWAL_REPEATED, "already withdrawn; not answered", now);
            return;
        }
        handle.createUpdate("UPDATE ticket SET status = 'WITHDRAWN', updated_at = :now WHERE id = :id")
                .bind("now", now).bind("id", ticketId).execute();
        events.append(handle, ticketId, "reporter", TicketEventKind.WITHDRAWN,
                before.name().toLowerCase(java.util.Locale.ROOT) + " -> withdrawn, at the reporter's request", now);
        if (!followUp.answerable()) {
            events.append(handle, ticketId, "system", TicketEventKind.WITHDRAWAL_NOT_CONFIRMED, "no reply address", now);
            return;
        }
        confirmation.queue(handle, ReporterRequest.WITHDRAW, followUp, language, followUp.sealedId(), now);
        events.append(handle, ticketId, "system", TicketEventKind.WITHDRAWAL_CONFIRMATION_QUEUED, null, now);
    }
}
