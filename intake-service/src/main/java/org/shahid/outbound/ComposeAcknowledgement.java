package org.shahid.outbound;

import java.util.List;
import java.util.Map;
import org.shahid.evidence.EvidenceFile;
import org.shahid.tickets.TicketKind;
import org.shahid.tickets.TicketReference;
import org.shahid.language.Language;

/**
 * Renders the acknowledgement of a new ticket in the reporter's language: {@code report-received} for a
 * violation report, {@code comment-received} for a comment. It never quotes the mail or its subject. For a mail
 * too large to receive whole, it also gives the templates the other way to send files that admins name in
 * {@code shahid.reporters.large-files-channel}. Thread-safe.
 */
public final class ComposeAcknowledgement {

    public static final String REPORT_RECEIVED = "report-received";
    public static final String COMMENT_RECEIVED = "comment-received";
    /** The answer to a follow-up on a ticket whose sealed identities retention has purged. */
    public static final String CASE_CLOSED = "case-closed";

    private final MailTemplates templates;
    private final String organisation;
    /** A link, number or address for files too large for mail, the same in every language; "" names none. */
    private final String largeFilesChannel;

    public ComposeAcknowledgement(MailTemplates templates, String organisation, String largeFilesChannel) {
        this.templates = templates;
        this.organisation = organisation;
        this.largeFilesChannel = largeFilesChannel;
    }

    public RenderedMail compose(TicketReference reference, TicketKind kind, Language language, String mailbox,
                                String receiptCode) {
        return compose(reference, kind, language, mailbox, receiptCode, List.of());
    }

    /**
     * As above, for a mail too large to fetch whole: {@code notFetched} are the files that stayed on the server,
     * given to the template as {@code files}, one per line ("name (type, size)"), so it can say which ones to
     * send again and how.
     */
    public RenderedMail compose(TicketReference reference, TicketKind kind, Language language, String mailbox,
                                String receiptCode, List<EvidenceFile> notFetched) {
        String event = kind == TicketKind.REPORT ? REPORT_RECEIVED : COMMENT_RECEIVED;
        return templates.render(event, language, Map.of(
                "reference", reference.value(),
                "receiptCode", receiptCode == null ? "" : receiptCode,
                "organisation", organisation,
                "mailbox", mailbox,
                "files", notFetched.stream().map(ComposeAcknowledgement::describe)
                        .collect(java.util.stream.Collectors.joining("\n")),
                "largeFilesChannel", notFetched.isEmpty() ? "" : largeFilesChannel,
                "languageCode", language.code(),
                "direction", language.direction()));
    }

    private static String describe(EvidenceFile file) {
        return file.fileName() + " (" + file.declaredType() + ", " + megabytes(file.size()) + ")";
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(java.util.Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
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
