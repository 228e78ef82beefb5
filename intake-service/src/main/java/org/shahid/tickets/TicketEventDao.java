package org.shahid.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Appends to a ticket's history ({@code ticket_event}); rows are never updated or deleted. Inside
 * {@link #collectedOn} the rows appended on that handle are written together at its end, in the order they were
 * appended. Thread-safe.
 */
public final class TicketEventDao {

    /** The handle attribute that holds the rows collected for one batch. */
    private static final String COLLECTED = "shahid.ticket-events.collected";

    private record Row(long ticketId, String actor, TicketEventKind kind, String detail, Instant now) {
    }

    public void append(Handle handle, long ticketId, String actor, TicketEventKind kind, String detail, Instant now) {
        Row row = new Row(ticketId, actor, kind, detail, now);
        if (handle.getConfig(SqlStatements.class).getAttribute(COLLECTED) instanceof Collected collected) {
            collected.rows().add(row);
            return;
        }
        insert(handle, List.of(row));
    }

    /**
     * Runs {@code work} on {@code handle} with the history rows it appends (through any instance of this class)
     * written in one batch when it returns, instead of one statement each: a new report writes three or four.
     * Nothing in {@code work} may read or rewrite the history it appends before {@link #writeCollected}; what
     * earlier transactions wrote reads as before.
     */
    public static <T> T collectedOn(Handle handle, Supplier<T> work) {
        Collected collected = new Collected(new ArrayList<>());
        handle.define(COLLECTED, collected);
        T result;
        try {
            result = work.get();
        } finally {
            handle.define(COLLECTED, null);
        }
        insert(handle, collected.rows());
        return result;
    }

    /**
     * Writes the rows collected so far on {@code handle} (inside {@link #collectedOn}), so that what comes next may
     * read or rewrite the history; the rows appended afterwards are collected again.
     */
    public static void writeCollected(Handle handle) {
        if (handle.getConfig(SqlStatements.class).getAttribute(COLLECTED) instanceof Collected collected) {
            insert(handle, collected.rows());
            collected.rows().clear();
        }
    }

    private record Collected(List<Row> rows) {
    }

    private static void insert(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO ticket_event (ticket_id, occurred_at, actor, kind, detail)
                VALUES (:ticketId, :now, :actor, :kind, :detail)""");
        for (Row row : rows) {
            batch.bind("ticketId", row.ticketId())
                    .bind("now", row.now())
                    .bind("actor", row.actor())
                    .bind("kind", row.kind().name())
                    .bind("detail", row.detail())
                    .add();
        }
        batch.execute();
    }
}
