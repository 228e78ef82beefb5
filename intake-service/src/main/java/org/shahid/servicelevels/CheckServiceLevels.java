package org.shahid.servicelevels;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.shahid.monitors.Monitor;
import org.shahid.monitors.Roster;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketEventDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service-level check: for each open ticket, the time to a monitor's first action and to resolution against
 * its level ({@link ServiceLevels}). Before a limit ({@code remind-before}) the assigned monitor, or the whole
 * roster when nobody is assigned, is reminded; at the limit the leads are told and the breach is recorded on the
 * ticket (event {@code SLA_BREACHED}). Each reminder and escalation goes out once ({@code service_level_alert}).
 * Called by the {@code service-levels} route (once across instances) with the injected clock. Thread-safe.
 */
public final class CheckServiceLevels {

    private static final Logger LOG = LoggerFactory.getLogger(CheckServiceLevels.class);
    public static final String REMINDER_PURPOSE = "SLA_REMINDER";
    public static final String ESCALATION_PURPOSE = "SLA_ESCALATION";
    public static final TicketEventKind BREACH_EVENT = TicketEventKind.SLA_BREACHED;

    private static final String OPEN_TICKETS = """
            SELECT t.id, t.reference, t.mailbox, t.created_at, g.category, g.assignee,
                   EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.actor <> 'system'
                           AND e.actor NOT LIKE 'reporter %') AS acted_on
            FROM ticket t LEFT JOIN ticket_triage g ON g.ticket_id = t.id
            WHERE t.status IN ('NEW', 'TRIAGED', 'INVESTIGATING') AND t.automated = FALSE
            ORDER BY t.id""";

    private record OpenTicket(long id, String reference, String mailbox, Instant createdAt, String category,
                              String assignee, boolean actedOn) {
    }

    private final Jdbi jdbi;
    private final ServiceLevels levels;
    private final ServiceLevelTemplates templates;
    private final Roster roster;
    private final OutboxDao outbox;
    private final MessageIds messageIds;
    private final TicketEventDao events;
    private final String monitorsAddress;
    private final Clock clock;

    public CheckServiceLevels(Jdbi jdbi, ServiceLevels levels, ServiceLevelTemplates templates, Roster roster,
                              OutboxDao outbox, MessageIds messageIds, TicketEventDao events, String monitorsAddress,
                              Clock clock) {
        this.jdbi = jdbi;
        this.levels = levels;
        this.templates = templates;
        this.roster = roster;
        this.outbox = outbox;
        this.messageIds = messageIds;
        this.events = events;
        this.monitorsAddress = monitorsAddress;
        this.clock = clock;
    }

    /** Sends the reminders and escalations now due; returns how many alerts it raised. */
    public int check() {
        Instant now = clock.instant();
        List<OpenTicket> open = jdbi.withHandle(handle -> handle.createQuery(OPEN_TICKETS)
                .map((rs, ctx) -> new OpenTicket(rs.getLong("id"), rs.getString("reference"), rs.getString("mailbox"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("category"), rs.getString("assignee"),
                        rs.getBoolean("acted_on")))
                .list());
        int raised = 0;
        for (OpenTicket ticket : open) {
            ServiceLevels.Level level = levels.levelOf(ticket.mailbox(), ticket.category());
            if (!ticket.actedOn()) {
                raised += alertIfDue(ticket, "FIRST_ACTION", ticket.createdAt().plus(level.firstAction()), now);
            }
            raised += alertIfDue(ticket, "RESOLUTION", ticket.createdAt().plus(level.resolution()), now);
        }
        if (raised > 0) {
            LOG.info("Service levels: {} reminders or escalations sent", raised);
        }
        return raised;
    }

    private int alertIfDue(OpenTicket ticket, String measure, Instant due, Instant now) {
        if (now.isBefore(due.minus(levels.remindBefore()))) {
            return 0;
        }
        boolean breached = !now.isBefore(due);
        String stage = breached ? "ESCALATION" : "REMINDER";
        return jdbi.inTransaction(handle -> {
            int inserted = handle.createUpdate("""
                            INSERT IGNORE INTO service_level_alert (ticket_id, measure, stage, due_at, alerted_at)
                            VALUES (:ticket, :measure, :stage, :due, :now)""")
                    .bind("ticket", ticket.id()).bind("measure", measure).bind("stage", stage)
                    .bind("due", Timestamp.from(due)).bind("now", Timestamp.from(now)).execute();
            if (inserted == 0) {
                return 0;
            }
            List<Monitor> recipients = breached ? leads() : remindees(ticket);
            String measureName = measure.equals("FIRST_ACTION") ? "first-action" : "resolution";
            Map<String, Object> model = Map.of("reference", ticket.reference(), "measure", measureName,
                    "due", due.truncatedTo(ChronoUnit.MINUTES).toString(), "mailbox", ticket.mailbox(),
                    "category", ticket.category() == null ? ServiceLevels.UNCLASSIFIED : ticket.category());
            for (Monitor monitor : recipients) {
                String language = monitor.languages().isEmpty() ? "en" : monitor.languages().get(0);
                outbox.enqueue(handle, new OutboxDao.NewMail(ticket.id(), breached ? ESCALATION_PURPOSE
                        : REMINDER_PURPOSE, null, monitor.address(), monitorsAddress, messageIds.next(),
                        templates.render(breached ? ServiceLevelTemplates.ESCALATION : ServiceLevelTemplates.REMINDER,
                                language, model), language), now);
            }
            if (breached) {
                events.append(handle, ticket.id(), "system", BREACH_EVENT, measureName, now);
            }
            return 1;
        });
    }

    private List<Monitor> leads() {
        List<Monitor> leads = roster.monitors().stream().filter(monitor -> monitor.role() == Monitor.Role.LEAD).toList();
        return leads.isEmpty() ? roster.monitors() : leads;
    }

    private List<Monitor> remindees(OpenTicket ticket) {
        if (ticket.assignee() != null) {
            List<Monitor> assigned = roster.find(ticket.assignee()).map(List::of).orElse(List.of());
            if (!assigned.isEmpty()) {
                return assigned;
            }
        }
        return roster.monitors();
    }
}
