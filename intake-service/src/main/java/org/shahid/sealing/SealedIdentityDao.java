package org.shahid.sealing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Writes and opens rows of {@code sealed_identity}. Each row is split by who must read it: the reply channel
 * ({@code ciphertext}: the reply address only, under the server's sealing key, which the outbox opens when it
 * sends) and the identity record ({@code identity_record}: address, display name and header block, sealed to the
 * active custodian key, which nothing on the server opens). Both bind the ticket's id as associated data. Before
 * {@code custodians init} a row holds the whole identity under the server key ({@code custodian_key_id} NULL), as
 * earlier versions did; {@code custodians migrate} converts those. Thread-safe.
 */
public final class SealedIdentityDao {

    private final Sealer sealer;
    private final CustodianKeys custodians;

    public SealedIdentityDao(Sealer sealer) {
        this(sealer, null);
    }

    public SealedIdentityDao(Sealer sealer, CustodianKeys custodians) {
        this.sealer = sealer;
        this.custodians = custodians;
    }

    /**
     * Writes a sender's row: the reply channel under the server key, and the identity record sealed in
     * {@code envelope}, the one the mail's original went into (null: sealed alone to the active custodian key, or,
     * before {@code custodians init}, the whole identity under the server key).
     */
    public long insert(Handle handle, long ticketId, long messageId, SealedIdentity identity, String sealedRawKey,
                       CustodianEnvelope envelope, Instant now) {
        if (envelope != null) {
            return insertRow(handle, ticketId, messageId, replyChannelOf(identity), sealedRawKey, envelope.keyId(),
                    envelope.seal(identity.toBytes(), owner(ticketId)), now);
        }
        Optional<CustodianPublicKey> custodianKey = custodians == null ? Optional.empty() : custodians.active();
        SealedIdentity serverReadable = custodianKey.isPresent() ? replyChannelOf(identity) : identity;
        return insertRow(handle, ticketId, messageId, serverReadable, sealedRawKey,
                custodianKey.map(CustodianPublicKey::id).orElse(null),
                custodianKey.map(key -> key.seal(identity.toBytes(), owner(ticketId))).orElse(null), now);
    }

    private long insertRow(Handle handle, long ticketId, long messageId, SealedIdentity serverReadable,
                           String sealedRawKey, Long custodianKeyId, byte[] identityRecord, Instant now) {
        Sealer.SealedValue sealed = sealer.seal(serverReadable.toBytes(), owner(ticketId));
        return handle.createUpdate("""
                        INSERT INTO sealed_identity (ticket_id, message_id, key_id, ciphertext, sealed_raw, created_at,
                                                     custodian_key_id, identity_record)
                        VALUES (:ticketId, :messageId, :keyId, :ciphertext, :sealedRaw, :now, :custodianKey, :record)""")
                .bind("ticketId", ticketId)
                .bind("messageId", messageId)
                .bind("keyId", sealed.keyId())
                .bind("ciphertext", sealed.ciphertext())
                .bind("sealedRaw", sealedRawKey)
                .bind("now", now)
                .bind("custodianKey", custodianKeyId)
                .bind("record", identityRecord)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /**
     * Opens one row's reply channel, for the outbox; empty when it was erased (reply window over) or purged.
     * For a row sealed before custodians existed this is the whole identity.
     */
    public Optional<SealedIdentity> open(Handle handle, long sealedId) {
        return Optional.ofNullable(replyChannels(handle, List.of(sealedId)).get(sealedId)).map(this::open);
    }

    /**
     * A reply channel as stored, still sealed, for a sender that reads a batch's channels in one query and opens
     * each only at the moment it sends. {@code purgeWhenSent}: the channel is kept for one last mail.
     */
    public record SealedReplyChannel(long id, long ticketId, byte[] ciphertext, boolean purgeWhenSent) {
    }

    /**
     * The still-sealed reply channels of {@code sealedIds} in one query, by id; a row erased or purged is absent.
     * The outbox reads a batch's channels this way instead of one query a mail.
     */
    public java.util.Map<Long, SealedReplyChannel> replyChannels(Handle handle, java.util.Collection<Long> sealedIds) {
        if (sealedIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, SealedReplyChannel> channels = new java.util.HashMap<>();
        handle.createQuery("""
                        SELECT id, ticket_id, ciphertext, purge_when_sent FROM sealed_identity
                        WHERE id IN (<ids>) AND purged_at IS NULL AND reply_erased_at IS NULL""")
                .bindList("ids", List.copyOf(sealedIds))
                .map((rs, ctx) -> new SealedReplyChannel(rs.getLong("id"), rs.getLong("ticket_id"),
                        rs.getBytes("ciphertext"), rs.getBoolean("purge_when_sent")))
                .forEach(channel -> channels.put(channel.id(), channel));
        return channels;
    }

    /** Opens a channel read by {@link #replyChannels}; throws {@link SealingException} if these keys cannot. */
    public SealedIdentity open(SealedReplyChannel channel) {
        return SealedIdentity.fromBytes(sealer.open(channel.ciphertext(), owner(channel.ticketId())));
    }

    /**
     * Seals the reply address of row {@code sealedId} once more, alone, in a row marked {@code purge_when_sent}: the
     * one address a last mail (an erasure's confirmation) may still go to after every other identity of the ticket
     * was destroyed. The address never leaves this class in clear. Empty when the row has no reply address.
     */
    public Optional<Long> keepReplyChannelForOneMail(Handle handle, long sealedId, long ticketId, long messageId,
                                                     Instant now) {
        Optional<SealedIdentity> opened = open(handle, sealedId).filter(identity -> !identity.replyAddress().isBlank());
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Sealer.SealedValue sealed = sealer.seal(replyChannelOf(opened.get()).toBytes(), owner(ticketId));
        return Optional.of(handle.createUpdate("""
                        INSERT INTO sealed_identity (ticket_id, message_id, key_id, ciphertext, created_at,
                                                     purge_when_sent)
                        VALUES (:ticketId, :messageId, :keyId, :ciphertext, :now, TRUE)""")
                .bind("ticketId", ticketId)
                .bind("messageId", messageId)
                .bind("keyId", sealed.keyId())
                .bind("ciphertext", sealed.ciphertext())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** True when some identity of this ticket was purged by retention (the ticket is closed for good). */
    public boolean hasPurged(Handle handle, long ticketId) {
        return handle.createQuery("SELECT COUNT(*) FROM sealed_identity WHERE ticket_id = :ticket AND purged_at IS NOT NULL")
                .bind("ticket", ticketId)
                .mapTo(Long.class)
                .one() > 0;
    }

    /** A row's identity record as stored: sealed to {@code custodianKeyId}, or (NULL) still server-sealed. */
    public record SealedRecord(long id, long ticketId, Long custodianKeyId, byte[] identityRecord, String sealedRaw) {
    }

    /** The identity records of one ticket that are not purged, oldest first; for the audited unsealing. */
    public List<SealedRecord> recordsOf(Handle handle, long ticketId) {
        return handle.createQuery("""
                        SELECT id, ticket_id, custodian_key_id, identity_record, sealed_raw FROM sealed_identity
                        WHERE ticket_id = :ticket AND purged_at IS NULL AND NOT purge_when_sent ORDER BY id""")
                .bind("ticket", ticketId)
                .map((rs, ctx) -> new SealedRecord(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getBytes(4), rs.getString(5)))
                .list();
    }

    /** Opens an identity record with a custodian key rebuilt from shares. */
    public SealedIdentity openRecord(SealedRecord record, RebuildCustodianKey.OpenedKey key) {
        if (record.custodianKeyId() == null || record.custodianKeyId() != key.keyId()) {
            throw new SealingException("identity record " + record.id() + " is not sealed to key "
                    + CustodianShare.keyIdText(key.keyId()));
        }
        return SealedIdentity.fromBytes(key.open(record.identityRecord(), owner(record.ticketId())));
    }

    /**
     * Re-seals one row written before custodians existed: the whole identity goes to {@code custodianKey}, the
     * server keeps the reply address only (none when the reply window is over). Returns false when the row was
     * converted already (safe to rerun).
     */
    public boolean convertToCustodians(Handle handle, long sealedId, CustodianPublicKey custodianKey,
                                       boolean keepReplyChannel) {
        Optional<SealedIdentity> legacy = handle.createQuery("""
                        SELECT ticket_id, ciphertext FROM sealed_identity
                        WHERE id = :id AND custodian_key_id IS NULL AND purged_at IS NULL FOR UPDATE""")
                .bind("id", sealedId)
                .map((rs, ctx) -> SealedIdentity.fromBytes(sealer.open(rs.getBytes("ciphertext"),
                        owner(rs.getLong("ticket_id")))))
                .findOne();
        if (legacy.isEmpty()) {
            return false;
        }
        long ticketId = handle.createQuery("SELECT ticket_id FROM sealed_identity WHERE id = :id")
                .bind("id", sealedId).mapTo(Long.class).one();
        Sealer.SealedValue replyChannel = sealer.seal(replyChannelOf(legacy.get()).toBytes(), owner(ticketId));
        handle.createUpdate("""
                        UPDATE sealed_identity SET custodian_key_id = :custodianKey, identity_record = :record,
                               ciphertext = :ciphertext, key_id = :keyId,
                               reply_erased_at = CASE WHEN :keepReply THEN reply_erased_at
                                                      ELSE COALESCE(reply_erased_at, created_at) END
                        WHERE id = :id""")
                .bind("custodianKey", custodianKey.id())
                .bind("record", custodianKey.seal(legacy.get().toBytes(), owner(ticketId)))
                .bind("ciphertext", keepReplyChannel ? replyChannel.ciphertext() : new byte[0])
                .bind("keyId", replyChannel.keyId())
                .bind("keepReply", keepReplyChannel)
                .bind("id", sealedId)
                .execute();
        return true;
    }

    private static SealedIdentity replyChannelOf(SealedIdentity identity) {
        return new SealedIdentity(identity.replyAddress(), "", "");
    }

    static String owner(long ticketId) {
        return "ticket:" + ticketId;
    }
}
