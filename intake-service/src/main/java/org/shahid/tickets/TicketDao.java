package org.shahid.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads and writes {@code ticket} rows inside the caller's transaction. Stateless and thread-safe. */
public final class TicketDao {

    private static final String COLUMNS =
            "id, reference, kind, mailbox, status, language, reporter_pseudonym, automated, created_at, updated_at";

    public long insert(Handle handle, TicketReference reference, TicketKind kind, String mailbox, String language,
                       String pseudonym, boolean automated, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, automated,
                                            created_at, updated_at)
                        VALUES (:reference, :kind, :mailbox, 'NEW', :language, :pseudonym, :automated, :now, :now)""")
                .bind("reference", reference.value())
                .bind("kind", kind.name())
                .bind("mailbox", mailbox)
                .bind("language", language)
                .bind("pseudonym", pseudonym)
                .bind("automated", automated)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public Optional<Ticket> findByReference(Handle handle, TicketReference reference) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM ticket WHERE reference = :reference")
                .bind("reference", reference.value())
                .map(TicketDao::map)
                .findOne();
    }

    public Optional<Ticket> findById(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM ticket WHERE id = :id")
                .bind("id", id)
                .map(TicketDao::map)
                .findOne();
    }

    /** The most recent tickets first, for the admin listing. */
    public List<Ticket> latest(Handle handle, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM ticket ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(TicketDao::map)
                .list();
    }

    public void touch(Handle handle, long ticketId, Instant now) {
        handle.createUpdate("UPDATE ticket SET updated_at = :now WHERE id = :id")
                .bind("now", now)
                .bind("id", ticketId)
                .execute();
    }

    private static Ticket map(ResultSet rs, StatementContext context) throws SQLException {
        return new Ticket(rs.getLong("id"), new TicketReference(rs.getString("reference")),
                TicketKind.valueOf(rs.getString("kind")), rs.getString("mailbox"),
                TicketStatus.valueOf(rs.getString("status")), rs.getString("language"),
                rs.getString("reporter_pseudonym"), rs.getBoolean("automated"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
