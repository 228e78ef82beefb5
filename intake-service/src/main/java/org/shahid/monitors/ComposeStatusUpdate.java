package org.shahid.monitors;

import java.util.Map;
import org.shahid.language.Language;
import org.shahid.outbound.MailTemplates;
import org.shahid.outbound.RenderedMail;
import org.shahid.tickets.TicketReference;
import org.shahid.tickets.TicketStatus;

/**
 * Renders a status update to a reporter ({@code status-update.<lang>.*}) in the ticket's language: the status in
 * words and, if a monitor wrote one, their message, signed by the monitoring team, never by the monitor.
 * Thread-safe.
 */
public final class ComposeStatusUpdate {

    public static final String EVENT = "status-update";

    private final MailTemplates templates;
    private final String organisation;

    public ComposeStatusUpdate(MailTemplates templates, String organisation) {
        this.templates = templates;
        this.organisation = organisation;
    }

    public RenderedMail compose(TicketReference reference, Language language, String mailbox, TicketStatus status,
                                String message) {
        return templates.render(EVENT, language, Map.of(
                "reference", reference.value(),
                "receiptCode", "",
                "organisation", organisation,
                "mailbox", mailbox,
                "status", status.name(),
                "message", message == null ? "" : message));
    }
}
