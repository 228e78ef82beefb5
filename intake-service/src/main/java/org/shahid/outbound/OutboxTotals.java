package org.shahid.outbound;

import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * How many outbox rows are in each status, and how many delay notices arrived for them, for {@code outbox list}:
 * bounces show up there as BOUNCED. Counts only, never a recipient. Thread-safe.
 */
public final class OutboxTotals {

    /** One line such as {@code totals: BOUNCED 1, SENT 12; delay notices 2}. */
    public String line(Handle handle) {
        Map<String, Long> byStatus = new TreeMap<>();
        handle.createQuery("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(entry -> byStatus.put(entry.getKey(), entry.getValue()));
        long delays = handle.createQuery("SELECT COALESCE(SUM(delay_notices), 0) FROM outbox")
                .mapTo(Long.class).one();
        StringBuilder line = new StringBuilder("totals: ");
        byStatus.forEach((status, count) -> line.append(status).append(' ').append(count).append(", "));
        if (byStatus.isEmpty()) {
            line.append("none, ");
        }
        line.setLength(line.length() - 2);
        return line.append("; delay notices ").append(delays).toString();
    }
}
