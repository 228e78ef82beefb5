package org.shahid.findings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads and writes a ticket's finding ({@code finding}) inside the caller's transaction. Thread-safe. */
public final class FindingDao {

    private static final List<String> COLUMNS = List.of("actor_id", "actor_group", "commitment_id", "verdict",
            "verdict_at", "severity", "platform_id", "escalation_reference", "escalated_at", "platform_action",
            "platform_action_at");

    /** Sets columns of the ticket's finding, creating it if need be; names are of {@link #COLUMNS}. */
    public void set(Handle handle, long ticketId, Instant now, Object... columnsAndValues) {
        StringBuilder columns = new StringBuilder("ticket_id, updated_at");
        StringBuilder values = new StringBuilder(":ticketId, :now");
        StringBuilder updates = new StringBuilder("updated_at = :now");
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            String column = (String) columnsAndValues[i];
            if (!COLUMNS.contains(column)) {
                throw new IllegalArgumentException(column);
            }
            columns.append(", ").append(column);
            values.append(", :v").append(i);
            updates.append(", ").append(column).append(" = :v").append(i);
        }
        var update = handle.createUpdate("INSERT INTO finding (" + columns + ") VALUES (" + values
                        + ") ON DUPLICATE KEY UPDATE " + updates)
                .bind("ticketId", ticketId).bind("now", now);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            update.bind("v" + i, columnsAndValues[i + 1]);
        }
        update.execute();
    }

    public Optional<Finding> find(Handle handle, long ticketId) {
        return handle.createQuery("SELECT * FROM finding WHERE ticket_id = :id")
                .bind("id", ticketId).map((row, context) -> finding(row)).findOne();
    }

    /** The finding whose escalation carries this reference. */
    public Optional<Finding> findByEscalation(Handle handle, String reference) {
        return handle.createQuery("SELECT * FROM finding WHERE escalation_reference = :reference")
                .bind("reference", reference).map((row, context) -> finding(row)).findOne();
    }

    static Finding finding(ResultSet row) throws SQLException {
        return new Finding(row.getLong("ticket_id"), row.getString("actor_id"), row.getString("actor_group"),
                row.getString("commitment_id"), row.getString("verdict"), instant(row, "verdict_at"),
                row.getString("severity"), row.getString("platform_id"), row.getString("escalation_reference"),
                instant(row, "escalated_at"), row.getString("platform_action"), instant(row, "platform_action_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
