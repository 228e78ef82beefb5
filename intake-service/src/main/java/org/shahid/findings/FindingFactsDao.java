package org.shahid.findings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Reads the findings of reports received in a period ({@code [from, to)}, UTC) with their category and post URLs,
 * for the findings report and the leads' weekly findings. A report its reporter withdrew is left out, whatever
 * verdict it had: it counts only as withdrawn, in the transparency figures. Reads no reporter data. Thread-safe.
 */
public final class FindingFactsDao {

    public List<FindingFact> between(Handle handle, Instant from, Instant to) {
        Map<Long, List<String>> urls = new HashMap<>();
        handle.createQuery("""
                        SELECT k.ticket_id, k.value FROM evidence_key k JOIN ticket t ON t.id = k.ticket_id
                        WHERE k.kind = 'URL' AND t.created_at >= :from AND t.created_at < :to ORDER BY k.id""")
                .bind("from", from).bind("to", to)
                .map((row, context) -> Map.entry(row.getLong(1), row.getString(2)))
                .forEach(entry -> urls.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return handle.createQuery("""
                        SELECT f.*, t.created_at AS reported_at, tr.category FROM finding f
                        JOIN ticket t ON t.id = f.ticket_id LEFT JOIN ticket_triage tr ON tr.ticket_id = t.id
                        WHERE t.created_at >= :from AND t.created_at < :to AND t.automated = FALSE
                          AND t.status <> 'WITHDRAWN' ORDER BY t.id""")
                .bind("from", from).bind("to", to)
                .map((row, context) -> {
                    Finding finding = FindingDao.finding(row);
                    Timestamp reported = row.getTimestamp("reported_at");
                    return new FindingFact(reported.toInstant(), row.getString("category"), finding,
                            urls.getOrDefault(finding.ticketId(), List.of()));
                })
                .list();
    }
}
