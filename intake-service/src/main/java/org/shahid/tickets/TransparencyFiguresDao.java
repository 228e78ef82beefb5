package org.shahid.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads the {@link TransparencyFigures} of a period: one row of {@link TicketFacts} per ticket received in it, plus
 * quarantined mails and unsealing requests made in it. Reads only, never a reference, pseudonym, text or actor
 * name. Stateless and thread-safe.
 */
public final class TransparencyFiguresDao {

    /** Attachment flags that mark a file as an attack on whoever opens it, not just an odd file. */
    static final List<String> HOSTILE_FLAGS = List.of("executable", "executable-disguised", "zip-bomb");

    // Monitors act under their roster address; everything else in a ticket's history is "system" or the reporter.
    private static final String BY_A_MONITOR = "e.actor <> 'system' AND e.actor NOT LIKE 'reporter %'";

    private static final String HOSTILE = "CONCAT(',', REPLACE(%s.flags, ' ', ''), ',') REGEXP ',("
            + String.join("|", HOSTILE_FLAGS) + "),'";

    public TransparencyFigures figures(Handle handle, ReportingPeriod period) {
        return TransparencyFigures.tally(period, ticketFacts(handle, period),
                count(handle, period, "SELECT COUNT(*) FROM quarantine WHERE " + period.condition("created_at")),
                count(handle, period, "SELECT COUNT(*) FROM unseal_request WHERE "
                        + period.condition("requested_at")),
                // Approved: by a second admin (before custodians), or by the custodians' threshold (a reveal).
                count(handle, period, "SELECT COUNT(*) FROM unseal_request r WHERE (r.approved_by IS NOT NULL OR EXISTS"
                        + " (SELECT 1 FROM unseal_audit a WHERE a.request_id = r.id AND a.action = 'REVEALED')) AND "
                        + period.condition("r.requested_at")),
                new TransparencyFigures.ServiceLevelBreaches(breaches(handle, period, "FIRST_ACTION"),
                        breaches(handle, period, "RESOLUTION")));
    }

    /** Reports received in the period whose service level of {@code measure} was breached (escalated). */
    private static long breaches(Handle handle, ReportingPeriod period, String measure) {
        return count(handle, period, "SELECT COUNT(DISTINCT a.ticket_id) FROM service_level_alert a"
                + " JOIN ticket t ON t.id = a.ticket_id WHERE a.stage = 'ESCALATION' AND a.measure = '" + measure
                + "' AND t.kind = 'REPORT' AND t.automated = FALSE AND " + period.condition("t.created_at"));
    }

    // closed_at is the last close: a ticket reopened and closed again was done when it stayed closed.
    private static List<TicketFacts> ticketFacts(Handle handle, ReportingPeriod period) {
        String sql = """
                SELECT t.kind, t.status, t.language, t.automated, t.created_at, tr.category,
                       (SELECT MIN(e.occurred_at) FROM ticket_event e
                         WHERE e.ticket_id = t.id AND %s) AS first_monitor_action_at,
                       (SELECT MAX(e.occurred_at) FROM ticket_event e
                         WHERE e.ticket_id = t.id AND e.kind = :statusChanged AND e.detail LIKE '%%-> closed'
                       ) AS closed_at,
                       EXISTS (SELECT 1 FROM attachment a WHERE a.ticket_id = t.id) AS has_evidence,
                       (EXISTS (SELECT 1 FROM attachment a WHERE a.ticket_id = t.id AND %s)
                        OR EXISTS (SELECT 1 FROM attachment_member m WHERE m.ticket_id = t.id AND %s))
                           AS has_hostile_evidence,
                       EXISTS (SELECT 1 FROM evidence_link l WHERE l.ticket_id = t.id) AS linked
                FROM ticket t LEFT JOIN ticket_triage tr ON tr.ticket_id = t.id
                WHERE %s"""
                .formatted(BY_A_MONITOR, HOSTILE.formatted("a"), HOSTILE.formatted("m"),
                        period.condition("t.created_at"));
        return period.bindTo(handle.createQuery(sql))
                .bind("statusChanged", TicketEventKind.STATUS_CHANGED.name())
                .map((row, context) -> facts(row))
                .list();
    }

    private static TicketFacts facts(ResultSet row) throws SQLException {
        boolean closed = TicketStatus.CLOSED.name().equals(row.getString("status"));
        return new TicketFacts(TicketKind.valueOf(row.getString("kind")), row.getString("status"),
                row.getString("language"), row.getBoolean("automated"), row.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(row.getString("category")), instant(row, "first_monitor_action_at"),
                closed ? instant(row, "closed_at") : Optional.empty(), row.getBoolean("has_evidence"),
                row.getBoolean("has_hostile_evidence"), row.getBoolean("linked"));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }

    private static long count(Handle handle, ReportingPeriod period, String sql) {
        return period.bindTo(handle.createQuery(sql)).mapTo(Long.class).one();
    }
}
