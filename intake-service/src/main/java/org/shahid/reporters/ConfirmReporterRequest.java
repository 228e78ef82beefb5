package org.shahid.reporters;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.shahid.language.Language;
import org.shahid.outbound.MailTemplates;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.tickets.TicketMessageDao;

/**
 * Queues the one confirmation of a withdrawal ({@code report-withdrawn}) or erasure ({@code identity-erased}) in the
 * reporter's language, addressed to a sealed identity, and keeps a working copy in the ticket's history. The
 * templates never quote the reporter's mail. Thread-safe.
 */
public final class ConfirmReporterRequest {

    public static final String WITHDRAWN_EVENT = "report-withdrawn";
    public static final String ERASED_EVENT = "identity-erased";
    public static final String WITHDRAWN_PURPOSE = "WITHDRAWAL_CONFIRMATION";
    public static final String ERASED_PURPOSE = "ERASURE_CONFIRMATION";

    private final MailTemplates templates;
    private final OutboxDao outbox;
    private final TicketMessageDao messages;
    private final MessageIds messageIds;
    private final String organisation;

    public ConfirmReporterRequest(MailTemplates templates, OutboxDao outbox, TicketMessageDao messages,
                                  MessageIds messageIds, String organisation) {
        this.templates = templates;
        this.outbox = outbox;
        this.messages = messages;
        this.messageIds = messageIds;
        this.organisation = organisation;
    }

    public void queue(Handle handle, ReporterRequest request, ReporterFollowUp followUp, Language language,
                      long recipientSealedId, Instant now) {
        String event = request == ReporterRequest.WITHDRAW ? WITHDRAWN_EVENT : ERASED_EVENT;
        RenderedMail content = templates.render(event, language, Map.of(
                "reference", followUp.ticket().reference().value(),
                "receiptCode", "",
                "organisation", organisation,
                "mailbox", followUp.mailboxAddress()));
        String purpose = request == ReporterRequest.WITHDRAW ? WITHDRAWN_PURPOSE : ERASED_PURPOSE;
        outbox.enqueue(handle, new OutboxDao.NewMail(followUp.ticket().id(), purpose, recipientSealedId, null,
                followUp.mailboxAddress(), messageIds.next(), content, language.code()), now);
        messages.insert(handle, new TicketMessageDao.NewMessage(followUp.ticket().id(), "OUT", content.subject(),
                content.text(), null, language.code(), false, null, null), now);
    }
}
