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
 * outbox, when it found a mail Shahid had missed, a quarantine folder that disagrees with the quarantine table, or
 * could not check a mailbox; a clean run mails nobody. Counts, mailbox names and short mail keys (hashes) only:
 * never a sender or a subject. Thread-safe.
 */
public final class ReportReconciliation {

    public static final String PURPOSE = "RECONCILIATION";
    /** Keys listed per kind of mismatch; the log line lists them all. */
    private static final int MAX_KEYS_LISTED = 50;

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
        boolean noteworthy = results.stream().anyMatch(result -> !result.wasChecked() || result.unprocessed() > 0
                || result.quarantineMismatched());
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
                appendKeys(text, "in the quarantine folder without a quarantine record",
                        result.quarantinedWithoutRecord());
                appendKeys(text, "held quarantine records whose mail is not in the quarantine folder",
                        result.recordsWithoutMail());
            } else {
                text.append("could not be checked: ").append(result.problem()).append('\n');
            }
        }
        text.append("\nA mail found here was most likely opened in webmail before Shahid polled it. A quarantine"
                + " mismatch means a mail was moved or deleted by hand, or a move did not complete; find it with"
                + " `quarantine list` by its key. See docs/operations.md, \"Reconciliation\".\n");
        RenderedMail mail = new RenderedMail("[Shahid] reconciliation found mail to look at", text.toString(), "");
        jdbi.useHandle(handle -> outbox.enqueue(handle, new OutboxDao.NewMail(null, PURPOSE, null, reportTo, from,
                messageIds.next(), mail, "en"), clock.instant()));
        return true;
    }

    private static void appendKeys(StringBuilder text, String what, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        text.append("  ").append(keys.size()).append(' ').append(what).append(": ")
                .append(String.join(", ", keys.subList(0, Math.min(keys.size(), MAX_KEYS_LISTED))));
        if (keys.size() > MAX_KEYS_LISTED) {
            text.append(" and ").append(keys.size() - MAX_KEYS_LISTED).append(" more (see the log)");
        }
        text.append('\n');
    }
}
