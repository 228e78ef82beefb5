package org.shahid.monitors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.shahid.findings.MonitoringData;
import org.shahid.language.Language;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;

/**
 * Mails each monitor the open tickets assigned to them and the unassigned open ones older than
 * {@code shahid.monitors.digest-unassigned-after}, through the outbox; a monitor with nothing to list gets no
 * mail. Tickets whose notification was held back because their sender passed the hourly notification cap are
 * listed once. Tickets whose finding names an actor show it, and the digest ends with the commitments of those
 * actors' groups, in the monitor's language, as the menu for {@code #commitment}. Called by the
 * {@code monitor-digest} route on a Quartz cron ({@code shahid.monitors.digest-cron}). Thread-safe.
 */
public final class SendDigest {

    public static final String PURPOSE = "MONITOR_DIGEST";

    private final Jdbi jdbi;
    private final Roster roster;
    private final TriageDao triage;
    private final MonitorTemplates templates;
    private final OutboxDao outbox;
    private final MessageIds messageIds;
    /** The digest lists at most this many unassigned tickets (the oldest) and counts the rest. */
    static final int LISTED_UNASSIGNED = 200;
    private final Duration unassignedAfter;
    private final String monitorsAddress;
    private final String organisation;
    private final Clock clock;
    private final HeldNotices held;
    private final MonitoringData monitoring;

    public SendDigest(Jdbi jdbi, Roster roster, TriageDao triage, MonitorTemplates templates, OutboxDao outbox,
                      MessageIds messageIds, Duration unassignedAfter, String monitorsAddress, String organisation,
                      Clock clock, HeldNotices held, MonitoringData monitoring) {
        this.held = held;
        this.monitoring = monitoring;
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
            // A digest of thousands of lines helps nobody; it lists the oldest and says how many it left out.
            List<Map<String, Object>> unassigned = triage.openUnassignedBefore(handle, now.minus(unassignedAfter),
                    LISTED_UNASSIGNED).stream().map(SendDigest::row).toList();
            long unassignedTotal = triage.countOpenUnassignedBefore(handle, now.minus(unassignedAfter));
            List<Map<String, Object>> breaches = triage.openServiceLevelBreaches(handle);
            // Tickets whose notification was held back (a sender over the hourly cap): listed once, to everyone.
            List<String> heldBack = held.takeForDigest(handle, now);
            int queued = 0;
            for (Monitor monitor : roster.monitors()) {
                List<Map<String, Object>> assigned = triage.openAssignedTo(handle, monitor.address()).stream()
                        .map(SendDigest::row).toList();
                if (assigned.isEmpty() && unassigned.isEmpty() && breaches.isEmpty() && heldBack.isEmpty()) {
                    continue;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("organisation", organisation);
                model.put("monitorName", monitor.name());
                model.put("unassignedAfter", unassignedAfter.toHours() + "h");
                model.put("assigned", assigned);
                model.put("unassigned", unassigned);
                model.put("heldBack", heldBack);
                model.put("unassignedTotal", unassignedTotal);
                model.put("unassignedNotListed", unassignedTotal - unassigned.size());
                model.put("breaches", breaches);
                model.put("commitmentMenus", commitmentMenus(assigned, unassigned, monitor.language()));
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
                "createdAt", ticket.createdAt().toString(), "actor", ticket.actorId() == null ? "" : ticket.actorId(),
                "actorGroup", ticket.actorGroup() == null ? "" : ticket.actorGroup());
    }

    /** The commitments of every actor group the listed tickets' findings name: the menu for #commitment. */
    private List<Map<String, Object>> commitmentMenus(List<Map<String, Object>> assigned,
                                                      List<Map<String, Object>> unassigned, Language language) {
        return java.util.stream.Stream.concat(assigned.stream(), unassigned.stream())
                .map(ticket -> (String) ticket.get("actorGroup")).filter(group -> !group.isEmpty()).distinct()
                .map(group -> monitoring.declaration().group(group)).flatMap(java.util.Optional::stream)
                .map(group -> CommitmentMenu.of(group, language)).toList();
    }
}
