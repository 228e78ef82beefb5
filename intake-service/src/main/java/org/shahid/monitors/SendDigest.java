package org.shahid.monitors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;

/**
 * Mails each monitor the open tickets assigned to them and the unassigned open ones older than
 * {@code shahid.monitors.digest-unassigned-after}, through the outbox; a monitor with nothing to list gets no
 * mail. Called by the {@code monitor-digest} route on a Quartz cron ({@code shahid.monitors.digest-cron}).
 * Thread-safe.
 */
public final class SendDigest {

    public static final String PURPOSE = "MONITOR_DIGEST";

    private final Jdbi jdbi;
    private final Roster roster;
    private final TriageDao triage;
    private final MonitorTemplates templates;
    private final OutboxDao outbox;
    private final MessageIds messageIds;
    private final Duration unassignedAfter;
    private final String monitorsAddress;
    private final String organisation;
    private final Clock clock;

    public SendDigest(Jdbi jdbi, Roster roster, TriageDao triage, MonitorTemplates templates, OutboxDao outbox,
                      MessageIds messageIds, Duration unassignedAfter, String monitorsAddress, String organisation,
                      Clock clock) {
        this.jdbi = jdbi;
        this.roster = roster;
        this.triage = triage;
        this.templates = templates;
        this.outbox = outbox;
        this.messageIds = messageIds;
        this.unassignedAfter = unassignedAfter;
        this.monitorsAddress = monitorsAddress;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** Queues the digests; returns how many. */
    public int send() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            List<Map<String, Object>> unassigned = triage.openUnassignedBefore(handle, now.minus(unassignedAfter))
                    .stream().map(SendDigest::row).toList();
            int queued = 0;
            for (Monitor monitor : roster.monitors()) {
                List<Map<String, Object>> assigned = triage.openAssignedTo(handle, monitor.address()).stream()
                        .map(SendDigest::row).toList();
                if (assigned.isEmpty() && unassigned.isEmpty()) {
                    continue;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("organisation", organisation);
                model.put("monitorName", monitor.name());
                model.put("unassignedAfter", unassignedAfter.toHours() + "h");
                model.put("assigned", assigned);
                model.put("unassigned", unassigned);
                outbox.enqueue(handle, new OutboxDao.NewMail(null, PURPOSE, null, monitor.address(), monitorsAddress,
                        messageIds.next(), templates.render(MonitorTemplates.MONITOR_DIGEST, monitor.language(), model),
                        monitor.language().code()), now);
                queued++;
            }
            return queued;
        });
    }

    private static Map<String, Object> row(TriageDao.OpenTicket ticket) {
        return Map.of("reference", ticket.reference(), "status", ticket.status(), "priority", ticket.priority(),
                "category", ticket.category() == null ? "" : ticket.category(), "language", ticket.language(),
                "createdAt", ticket.createdAt().toString());
    }
}
