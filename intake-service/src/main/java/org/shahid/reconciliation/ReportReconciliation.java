package org.shahid.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;

/**
 * Mails the admins ({@code shahid.reconcile.report-to}, none when empty) what a reconciliation found, through the
 * outbox, when it found a mail Shahid had missed or could not check a mailbox; a clean run mails nobody. Counts
 * and mailbox names only: never a sender or a subject. Thread-safe.
 */
public final class ReportReconciliation {

    public static final String PURPOSE = "RECONCILIATION";

    private final Jdbi jdbi;
    private final OutboxDao outbox;
    private final MessageIds messageIds;
    private final String reportTo;
    private final String from;
    private final Clock clock;

    public ReportReconciliation(Jdbi jdbi, OutboxDao outbox, MessageIds messageIds, String reportTo, String from,
                                Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.messageIds = messageIds;
        this.reportTo = reportTo;
        this.from = from;
        this.clock = clock;
    }

    /** Queues the report when there is something to say; returns whether it did. */
    public boolean send(List<ReconcileMailboxes.MailboxResult> results, Instant started) {
        boolean noteworthy = results.stream().anyMatch(result -> !result.wasChecked() || result.unprocessed() > 0);
        if (reportTo.isBlank() || !noteworthy) {
            return false;
        }
        StringBuilder text = new StringBuilder("Reconciliation of ").append(started).append(" (UTC)\n\n");
        for (ReconcileMailboxes.MailboxResult result : results) {
            text.append(result.mailbox()).append(": ");
            if (result.wasChecked()) {
                text.append(result.checked()).append(" mails checked, ").append(result.unprocessed())
                        .append(" had become neither a ticket nor a quarantine entry, ").append(result.ingested())
                        .append(" of them ingested now\n");
            } else {
                text.append("could not be checked: ").append(result.problem()).append('\n');
            }
        }
        text.append("\nA mail found here was most likely opened in webmail before Shahid polled it. See"
                + " docs/operations.md, \"Election week\".\n");
        RenderedMail mail = new RenderedMail("[Shahid] reconciliation found mail to look at", text.toString(), "");
        jdbi.useHandle(handle -> outbox.enqueue(handle, new OutboxDao.NewMail(null, PURPOSE, null, reportTo, from,
                messageIds.next(), mail, "en"), clock.instant()));
        return true;
    }
}
