package org.shahid.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.tickets.TicketKind;

/** The {@code quarantine} table: mails Shahid could not process, with the reason and the sealed original. */
public final class QuarantineDao {

    private static final String SELECT =
            "SELECT id, mail_key, mailbox, mailbox_address, ticket_kind, reason, attempts, raw_size, sealed_raw, status,"
            + " created_at, custodian_key_id FROM quarantine";

    /**
     * One quarantined mail as admins see it. {@code custodianKeyId} names the custodian key its original is sealed
     * to; null when it is under the server key (or was never fetched).
     */
    public record Entry(long id, String mailKey, Mailbox mailbox, String reason, int attempts, long rawSize,
                        String sealedRaw, String status, Instant createdAt, Long custodianKeyId) {
    }

    public long insert(Handle handle, MailKey key, Mailbox mailbox, String reason, int attempts, long rawSize,
                       SealedBlobStore.Stored sealedRaw, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO quarantine (mail_key, mailbox, mailbox_address, ticket_kind, reason, attempts,
                                                raw_size, sealed_raw, custodian_key_id, status, created_at)
                        VALUES (:key, :mailbox, :address, :kind, :reason, :attempts, :rawSize, :sealedRaw, :custodianKey,
                                'HELD', :now)""")
                .bind("key", key.value())
                .bind("mailbox", mailbox.name())
                .bind("address", mailbox.address())
                .bind("kind", mailbox.kind().name())
                .bind("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .bind("attempts", attempts)
                .bind("rawSize", rawSize)
                .bind("sealedRaw", sealedRaw == null ? null : sealedRaw.key())
                .bind("custodianKey", sealedRaw == null ? null : sealedRaw.custodianKeyId())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public List<Entry> list(Handle handle, String status, int limit) {
        return handle.createQuery(SELECT + " WHERE (:status IS NULL OR status = :status) ORDER BY id DESC LIMIT :limit")
                .bind("status", status)
                .bind("limit", limit)
                .map(QuarantineDao::map)
                .list();
    }

    public Optional<Entry> find(Handle handle, long id) {
        return handle.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(QuarantineDao::map)
                .findOne();
    }

    private static Entry map(ResultSet rs, StatementContext context) throws SQLException {
        Mailbox mailbox = new Mailbox(rs.getString("mailbox"), rs.getString("mailbox_address"),
                TicketKind.valueOf(rs.getString("ticket_kind")));
        return new Entry(rs.getLong("id"), rs.getString("mail_key"), mailbox, rs.getString("reason"),
                rs.getInt("attempts"), rs.getLong("raw_size"), rs.getString("sealed_raw"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), (Long) rs.getObject("custodian_key_id", Long.class));
    }

    public void setStatus(Handle handle, long id, String status) {
        handle.createUpdate("UPDATE quarantine SET status = :status WHERE id = :id")
                .bind("status", status)
                .bind("id", id)
                .execute();
    }
}
