package org.shahid.sealing;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Writes and opens rows of {@code sealed_identity}, each encrypted with the ticket's id as associated data.
 * Apart from the outbound sender (and the audited unsealing command), nothing opens them. Thread-safe.
 */
public final class SealedIdentityDao {

    private final Sealer sealer;

    public SealedIdentityDao(Sealer sealer) {
        this.sealer = sealer;
    }

    public long insert(Handle handle, long ticketId, long messageId, SealedIdentity identity, String sealedRawKey,
                       Instant now) {
        Sealer.SealedValue sealed = sealer.seal(identity.toBytes(), owner(ticketId));
        return handle.createUpdate("""
                        INSERT INTO sealed_identity (ticket_id, message_id, key_id, ciphertext, sealed_raw, created_at)
                        VALUES (:ticketId, :messageId, :keyId, :ciphertext, :sealedRaw, :now)""")
                .bind("ticketId", ticketId)
                .bind("messageId", messageId)
                .bind("keyId", sealed.keyId())
                .bind("ciphertext", sealed.ciphertext())
                .bind("sealedRaw", sealedRawKey)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Opens one sealed identity; empty when it was purged. */
    public Optional<SealedIdentity> open(Handle handle, long sealedId) {
        return handle.createQuery("SELECT ticket_id, ciphertext FROM sealed_identity WHERE id = :id AND purged_at IS NULL")
                .bind("id", sealedId)
                .map((rs, ctx) -> SealedIdentity.fromBytes(sealer.open(rs.getBytes("ciphertext"),
                        owner(rs.getLong("ticket_id")))))
                .findOne();
    }

    /** True when some identity of this ticket was purged by retention (the ticket is closed for good). */
    public boolean hasPurged(Handle handle, long ticketId) {
        return handle.createQuery("SELECT COUNT(*) FROM sealed_identity WHERE ticket_id = :ticket AND purged_at IS NOT NULL")
                .bind("ticket", ticketId)
                .mapTo(Long.class)
                .one() > 0;
    }

    /** Every identity of one ticket that is not purged, oldest first; only for the audited unsealing. */
    public java.util.List<SealedIdentity> openAllOf(Handle handle, long ticketId) {
        return handle.createQuery("""
                        SELECT ciphertext FROM sealed_identity WHERE ticket_id = :ticket AND purged_at IS NULL
                          AND NOT purge_when_sent
                        ORDER BY id""")
                .bind("ticket", ticketId)
                .map((rs, ctx) -> SealedIdentity.fromBytes(sealer.open(rs.getBytes("ciphertext"), owner(ticketId))))
                .list();
    }

    private static String owner(long ticketId) {
        return "ticket:" + ticketId;
    }
}
