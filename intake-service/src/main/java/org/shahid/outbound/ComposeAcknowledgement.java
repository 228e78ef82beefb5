package org.shahid.outbound;

import java.util.Map;
import org.shahid.tickets.TicketKind;
import org.shahid.tickets.TicketReference;
import org.shahid.language.Language;

/**
 * Renders the acknowledgement of a new ticket in the reporter's language: {@code report-received} for a
 * violation report, {@code comment-received} for a comment. It never quotes the mail or its subject.
 * Thread-safe.
 */
public final class ComposeAcknowledgement {

    public static final String REPORT_RECEIVED = "report-received";
    public static final String COMMENT_RECEIVED = "comment-received";
    /** The answer to a follow-up on a ticket whose sealed identities retention has purged. */
    public static final String CASE_CLOSED = "case-closed";

    private final TemplateCatalog templates;
    private final String organisation;

    public ComposeAcknowledgement(TemplateCatalog templates, String organisation) {
        this.templates = templates;
        this.organisation = organisation;
    }

    public RenderedMail compose(TicketReference reference, TicketKind kind, Language language, String mailbox,
                                String receiptCode) {
        String event = kind == TicketKind.REPORT ? REPORT_RECEIVED : COMMENT_RECEIVED;
        return templates.render(event, language, Map.of(
                "reference", reference.value(),
                "receiptCode", receiptCode == null ? "" : receiptCode,
                "organisation", organisation,
                "mailbox", mailbox,
                "languageCode", language.code(),
                "direction", language.direction()));
    }

    /** The polite answer to a follow-up on a purged ticket: the case is closed; write a new report if needed. */
    public RenderedMail composeCaseClosed(TicketReference reference, Language language, String mailbox) {
        return templates.render(CASE_CLOSED, language, Map.of(
                "reference", reference.value(),
                "receiptCode", "",
                "organisation", organisation,
                "mailbox", mailbox));
    }
}
