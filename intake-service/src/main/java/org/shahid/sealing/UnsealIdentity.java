package org.shahid.sealing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Unsealing by k of n custodians: an admin requests the identity behind one ticket with a stated reason, then
 * custodians approve it one share at a time; the approval that completes the threshold rebuilds the custodian key
 * in memory, opens only that ticket's identity records, and drops the key and every share. Each step, refusals
 * included, is an entry of {@link UnsealAudit}; an approval names the custodian by their share, and the reveal names
 * every ticket the identity exposes (all tickets of the same reporter pseudonym). Custodians who present their shares
 * together store nothing; a share approved on its own waits in {@code unseal_pending_share}, sealed under the server
 * key, until the threshold or {@code pendingTtl} (docs/adr/unseal-pending-shares.md): fewer than k shares reveal
 * nothing of the key. Called by the {@code unseal} verbs. Thread-safe.
 */
public final class UnsealIdentity {

    /** A reason shorter than this is no reason ("test", "check"): someone must be able to judge it later. */
    public static final int MIN_REASON_LENGTH = 20;

    /** The audit action of a ticket whose reporter a reveal of another ticket of the same pseudonym named. */
    public static final String EXPOSED = "EXPOSED";

    /** Thrown, after the refusal is audited, when a step is not allowed; its message is safe to show. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The outcome of one approval: how many shares are still missing, or what was revealed: a ticket's identities,
     * or a quarantined mail's original to release into intake.
     */
    public record Approval(int sharesMissing, Optional<Revealed> revealed, Optional<QuarantinedOriginal> original) {

        Approval(int sharesMissing, Optional<Revealed> revealed) {
            this(sharesMissing, revealed, Optional.empty());
        }
    }

    /** A quarantined mail's original, opened for its release; the caller hands it to intake and drops it. */
    public record QuarantinedOriginal(long entryId, byte[] raw) {
    }

    /** What a completed request reveals, one per mail of the ticket, and every ticket it exposes. */
    public record Revealed(long ticketId, List<SealedIdentity> identities, List<String> ticketsRevealed) {
    }

    /** A request names a ticket or, for a quarantined mail, a quarantine entry (then {@code ticketId} is null). */
    private record Request(long id, Long ticketId, Long quarantineId) {
    }

    private final Jdbi jdbi;
    private final SealedIdentityDao identities;
    private final Sealer pendingSealer;
    private final UnsealAudit audit;
    private final Duration pendingTtl;
    private final Clock clock;
    private final SealedBlobStore blobs;

    public UnsealIdentity(Jdbi jdbi, SealedIdentityDao identities, Sealer pendingSealer, UnsealAudit audit,
                          Duration pendingTtl, Clock clock) {
        this(jdbi, identities, pendingSealer, audit, pendingTtl, clock, null);
    }

    /** With {@code blobs}, requests for quarantined originals can be approved too. */
    public UnsealIdentity(Jdbi jdbi, SealedIdentityDao identities, Sealer pendingSealer, UnsealAudit audit,
                          Duration pendingTtl, Clock clock, SealedBlobStore blobs) {
        this.blobs = blobs;
        this.jdbi = jdbi;
        this.identities = identities;
        this.pendingSealer = pendingSealer;
        this.audit = audit;
        this.pendingTtl = pendingTtl;
        this.clock = clock;
    }

    /** Records a request by {@code requester} (the account running the command); returns its id. */
    public long request(String ticketReference, String requester, String reason) {
        Optional<Long> ticketId = jdbi.withHandle(handle -> ticketIdOf(handle, ticketReference));
        String trimmed = reason == null ? "" : reason.strip();
        if (ticketId.isEmpty()) {
            throw refuse(requester, null, null, trimmed, "no ticket " + ticketReference);
        }
        if (trimmed.length() < MIN_REASON_LENGTH) {
            throw refuse(requester, ticketId.get(), null, trimmed,
                    "a reason of at least " + MIN_REASON_LENGTH + " characters is required");
        }
        return insertRequest(ticketId.get(), null, requester, trimmed, null);
    }

    /**
     * Records a request to open a held quarantine entry's original, sealed to the custodians, for its release when
     * the mail is no longer in its mailbox's quarantine folder; returns its id. Approved like any request.
     */
    public long requestQuarantined(long entryId, String requester, String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        String entry = "quarantine entry " + entryId;
        boolean sealedForCustodians = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM quarantine
                        WHERE id = :id AND status = 'HELD' AND custodian_key_id IS NOT NULL AND sealed_raw IS NOT NULL""")
                .bind("id", entryId).mapTo(Long.class).one() > 0);
        if (!sealedForCustodians) {
            throw refuse(requester, null, null, trimmed, "no held " + entry + " sealed to the custodians");
        }
        if (trimmed.length() < MIN_REASON_LENGTH) {
            throw refuse(requester, null, null, trimmed,
                    "a reason of at least " + MIN_REASON_LENGTH + " characters is required");
        }
        return insertRequest(null, entryId, requester, trimmed, entry + ": release");
    }

    /** The request row and its REQUESTED entry, in one transaction; returns the request's id. */
    private long insertRequest(Long ticketId, Long quarantineId, String requester, String reason, String detail) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate("""
                            INSERT INTO unseal_request (ticket_id, quarantine_id, requested_by, reason, requested_at)
                            VALUES (:ticket, :entry, :admin, :reason, :now)""")
                    .bind("ticket", ticketId)
                    .bind("entry", quarantineId)
                    .bind("admin", requester)
                    .bind("reason", reason)
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.append(handle, requester, "REQUESTED", ticketId, id, reason, detail, now);
            return id;
        });
    }

    /** Audits a share that could not be read (wrong passphrase, damaged file), then refuses. */
    public Refused refuseUnreadableShare(long requestId, String why) {
        Long ticketId = jdbi.withHandle(handle -> findRequest(handle, requestId).map(Request::ticketId).orElse(null));
        return refuse("unreadable share", ticketId, requestId, null, why);
    }

    /**
     * One custodian's approval. The share is used and wiped here; the caller must not keep it. The approval that
     * completes the threshold of every key the ticket's records are sealed to returns what was revealed; an earlier
     * one leaves its share waiting in {@code unseal_pending_share}.
     */
    public Approval approve(long requestId, CustodianShare share) {
        return approve(requestId, List.of(share));
    }

    /**
     * Approvals of custodians who present their shares together, in one process. With more than one share nothing is
     * stored: when they (with any shares already waiting) do not complete the threshold, the approval is refused and
     * audited, and no share waits. The shares are wiped here.
     */
    public Approval approve(long requestId, List<CustodianShare> shares) {
        try {
            return approveWith(requestId, shares);
        } finally {
            shares.forEach(CustodianShare::wipe);
        }
    }

    private Approval approveWith(long requestId, List<CustodianShare> presented) {
        String actor = presented.get(0).identity();
        Instant now = clock.instant();
        Request request = jdbi.withHandle(handle -> findRequest(handle, requestId))
                .orElseThrow(() -> refuse(actor, null, requestId, null, "no unseal request " + requestId));
        jdbi.useHandle(handle -> expirePending(handle, now));
        Map<Long, CustodianPublicKey> keys = jdbi.withHandle(handle -> keysNeeded(handle, request));
        if (jdbi.withHandle(handle -> revealedAlready(handle, requestId))) {
            throw refuse(actor, request.ticketId(), requestId, null,
                    "request " + requestId + " was revealed already; a new reveal needs a new request");
        }
        if (keys.isEmpty() && request.quarantineId() != null) {
            throw refuse(actor, null, requestId, null, "quarantine entry " + request.quarantineId()
                    + " is no longer held with an original sealed to the custodians");
        }
        if (keys.isEmpty()) {
            throw refuse(actor, request.ticketId(), requestId, null, jdbi.withHandle(handle ->
                    identities.recordsOf(handle, request.ticketId()).isEmpty())
                    ? "nothing to reveal: the identities of this ticket were purged"
                    : "this ticket's identity records are still under the server key: run `custodians migrate`");
        }
        for (CustodianShare share : presented) {
            if (!keys.containsKey(share.keyId())) {
                throw refuse(share.identity(), request.ticketId(), requestId, null, "share " + share.identity()
                        + " is of another custodian key; this request's records are sealed to key " + keys.keySet()
                        .stream().map(CustodianShare::keyIdText).collect(Collectors.joining(", ")));
            }
        }
        boolean together = presented.size() > 1;
        if (together) {
            int missing = jdbi.withHandle(handle -> missingWith(handle, requestId, keys, presented));
            if (missing > 0) {
                throw refuse(actor, request.ticketId(), requestId, null, presented.size() + " shares presented"
                        + " together do not complete the threshold (" + missing + " more needed); nothing was stored");
            }
        }
        return jdbi.inTransaction(handle -> {
            findRequestForUpdate(handle, requestId);
            Map<Long, List<CustodianShare>> pending = pendingShares(handle, requestId);
            List<CustodianShare> added = new ArrayList<>();
            try {
                for (CustodianShare share : presented) {
                    List<CustodianShare> sameKey = pending.computeIfAbsent(share.keyId(), id -> new ArrayList<>());
                    if (sameKey.stream().anyMatch(held -> held.index() == share.index())) {
                        audit.append(handle, share.identity(), "REFUSED", request.ticketId(), requestId, null,
                                "this share approved the request already; it counts once", now);
                        continue;
                    }
                    handle.createUpdate("""
                                    INSERT INTO unseal_approval (request_id, custodian_key_id, share_index, approved_at)
                                    VALUES (:request, :key, :index, :now)""")
                            .bind("request", requestId).bind("key", share.keyId()).bind("index", share.index())
                            .bind("now", now).execute();
                    audit.append(handle, share.identity(), "APPROVED", request.ticketId(), requestId, null,
                            "share " + share.index() + " of " + share.custodians() + " (threshold "
                                    + share.threshold() + ")" + (together ? ", presented together" : ""), now);
                    sameKey.add(share);
                    added.add(share);
                }
                int missing = missing(keys, pending);
                if (missing > 0) {
                    for (CustodianShare share : added) {
                        holdPending(handle, requestId, share, now);
                    }
                    return new Approval(missing, Optional.empty());
                }
                if (request.quarantineId() != null) {
                    return new Approval(0, Optional.empty(),
                            Optional.of(openQuarantined(handle, request, keys, pending, now)));
                }
                return new Approval(0, Optional.of(reveal(handle, request, keys, pending, now)));
            } finally {
                wipeAllBut(pending, presented);
            }
        });
    }

    /** How many shares are missing with the waiting ones and {@code presented} together. */
    private int missingWith(Handle handle, long requestId, Map<Long, CustodianPublicKey> keys,
                            List<CustodianShare> presented) {
        Map<Long, List<CustodianShare>> pending = pendingShares(handle, requestId);
        try {
            presented.forEach(share -> pending.computeIfAbsent(share.keyId(), id -> new ArrayList<>()).add(share));
            return missing(keys, pending);
        } finally {
            wipeAllBut(pending, presented);
        }
    }

    /** Wipes the shares read from {@code unseal_pending_share}; the presented ones are the caller's to wipe. */
    private static void wipeAllBut(Map<Long, List<CustodianShare>> shares, List<CustodianShare> presented) {
        shares.values().forEach(list -> list.stream()
                .filter(held -> presented.stream().noneMatch(mine -> mine == held))
                .forEach(CustodianShare::wipe));
    }

    private Revealed reveal(Handle handle, Request request, Map<Long, CustodianPublicKey> keys,
                            Map<Long, List<CustodianShare>> shares, Instant now) {
        Map<Long, RebuildCustodianKey.OpenedKey> opened = new TreeMap<>();
        RebuildCustodianKey rebuild = new RebuildCustodianKey();
        for (CustodianPublicKey key : keys.values()) {
            opened.put(key.id(), rebuild.rebuild(key, shares.get(key.id())));
        }
        List<SealedIdentity> revealed = new ArrayList<>();
        for (SealedIdentityDao.SealedRecord record : identities.recordsOf(handle, request.ticketId())) {
            if (record.custodianKeyId() != null) {
                revealed.add(identities.openRecord(record, opened.get(record.custodianKeyId())));
            }
        }
        opened.clear();
        handle.createUpdate("DELETE FROM unseal_pending_share WHERE request_id = :request")
                .bind("request", request.id()).execute();
        Map<Long, String> exposedById = ticketsExposed(handle, request.ticketId());
        List<String> exposed = List.copyOf(exposedById.values());
        String usedShares = shares.values().stream().flatMap(List::stream).map(CustodianShare::identity)
                .collect(Collectors.joining(", "));
        audit.append(handle, "custodians", "REVEALED", request.ticketId(), request.id(), null,
                truncate(revealed.size() + " identity record(s) of " + exposed.get(0) + "; shares: " + usedShares
                        + "; " + exposed.size() + " ticket(s) revealed: " + String.join(", ", exposed), 500), now);
        // The identity names the reporter of every ticket of the pseudonym: each gets an entry of its own, so that
        // the trail of that ticket shows the reveal and no list is cut short by the column's length.
        for (Map.Entry<Long, String> other : exposedById.entrySet()) {
            if (!other.getKey().equals(request.ticketId())) {
                audit.append(handle, "custodians", EXPOSED, other.getKey(), request.id(), null,
                        "reporter revealed by unseal request " + request.id() + " of " + exposed.get(0), now);
            }
        }
        return new Revealed(request.ticketId(), List.copyOf(revealed), exposed);
    }

    private QuarantinedOriginal openQuarantined(Handle handle, Request request, Map<Long, CustodianPublicKey> keys,
                                                Map<Long, List<CustodianShare>> shares, Instant now) {
        if (blobs == null) {
            throw new IllegalStateException("this unsealing has no sealed store to open quarantined originals from");
        }
        CustodianPublicKey key = keys.values().iterator().next();
        String sealedRaw = handle.createQuery("SELECT sealed_raw FROM quarantine WHERE id = :id")
                .bind("id", request.quarantineId()).mapTo(String.class).one();
        byte[] raw = blobs.readWithCustodianKey(sealedRaw, new RebuildCustodianKey().rebuild(key, shares.get(key.id())));
        handle.createUpdate("DELETE FROM unseal_pending_share WHERE request_id = :request")
                .bind("request", request.id()).execute();
        String usedShares = shares.values().stream().flatMap(List::stream).map(CustodianShare::identity)
                .collect(Collectors.joining(", "));
        audit.append(handle, "custodians", "REVEALED", null, request.id(), null, truncate("quarantine entry "
                + request.quarantineId() + " opened for release into intake; shares: " + usedShares, 500), now);
        return new QuarantinedOriginal(request.quarantineId(), raw);
    }

    /** The ticket first, then every other ticket of the same reporter pseudonym, which the identity names too. */
    private static Map<Long, String> ticketsExposed(Handle handle, long ticketId) {
        Map<Long, String> references = new LinkedHashMap<>();
        references.put(ticketId, handle.createQuery("SELECT reference FROM ticket WHERE id = :id").bind("id", ticketId)
                .mapTo(String.class).one());
        handle.createQuery("""
                        SELECT t.id, t.reference FROM ticket t JOIN ticket mine ON mine.reporter_pseudonym = t.reporter_pseudonym
                        WHERE mine.id = :id AND t.id <> :id ORDER BY t.id""")
                .bind("id", ticketId).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(entry -> references.put(entry.getKey(), entry.getValue()));
        return references;
    }

    private static int missing(Map<Long, CustodianPublicKey> keys, Map<Long, List<CustodianShare>> shares) {
        int missing = 0;
        for (CustodianPublicKey key : keys.values()) {
            long distinct = shares.getOrDefault(key.id(), List.of()).stream().mapToInt(CustodianShare::index)
                    .distinct().count();
            missing += (int) Math.max(0, key.threshold() - distinct);
        }
        return missing;
    }

    private Map<Long, CustodianPublicKey> keysNeeded(Handle handle, Request request) {
        Map<Long, CustodianPublicKey> keys = new LinkedHashMap<>();
        if (request.quarantineId() != null) {
            handle.createQuery("""
                            SELECT custodian_key_id FROM quarantine
                            WHERE id = :id AND status = 'HELD' AND custodian_key_id IS NOT NULL""")
                    .bind("id", request.quarantineId()).mapTo(Long.class).findOne()
                    .flatMap(keyId -> CustodianKeys.byId(handle, keyId))
                    .ifPresent(key -> keys.put(key.id(), key));
            return keys;
        }
        for (SealedIdentityDao.SealedRecord record : identities.recordsOf(handle, request.ticketId())) {
            if (record.custodianKeyId() != null && !keys.containsKey(record.custodianKeyId())) {
                keys.put(record.custodianKeyId(), CustodianKeys.byId(handle, record.custodianKeyId()).orElseThrow(
                        () -> new SealingException("custodian key " + CustodianShare.keyIdText(record.custodianKeyId())
                                + " is not in custodian_key")));
            }
        }
        return keys;
    }

    private void holdPending(Handle handle, long requestId, CustodianShare share, Instant now) {
        Sealer.SealedValue sealed = pendingSealer.seal(share.secret(), pendingOwner(requestId, share.keyId(),
                share.index()));
        handle.createUpdate("""
                        INSERT INTO unseal_pending_share (request_id, custodian_key_id, share_index, sealed_share,
                                                          created_at)
                        VALUES (:request, :key, :index, :sealed, :now)""")
                .bind("request", requestId).bind("key", share.keyId()).bind("index", share.index())
                .bind("sealed", sealed.ciphertext()).bind("now", now).execute();
    }

    private Map<Long, List<CustodianShare>> pendingShares(Handle handle, long requestId) {
        Map<Long, List<CustodianShare>> shares = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT p.custodian_key_id, p.share_index, p.sealed_share, k.threshold, k.custodians
                        FROM unseal_pending_share p JOIN custodian_key k ON k.id = p.custodian_key_id
                        WHERE p.request_id = :request ORDER BY p.created_at""")
                .bind("request", requestId)
                .map((rs, ctx) -> new CustodianShare(rs.getLong(1), rs.getInt(2), rs.getInt(4), rs.getInt(5),
                        pendingSealer.open(rs.getBytes(3), pendingOwner(requestId, rs.getLong(1), rs.getInt(2)))))
                .forEach(share -> shares.computeIfAbsent(share.keyId(), id -> new ArrayList<>()).add(share));
        return shares;
    }

    /** Shares that waited longer than the pending time are deleted; their custodians approve again. */
    private void expirePending(Handle handle, Instant now) {
        List<Object[]> expired = handle.createQuery("""
                        SELECT p.request_id, r.ticket_id, COUNT(*) FROM unseal_pending_share p
                        JOIN unseal_request r ON r.id = p.request_id
                        WHERE p.created_at < :cutoff GROUP BY p.request_id, r.ticket_id""")
                .bind("cutoff", now.minus(pendingTtl))
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3)})
                .list();
        for (Object[] row : expired) {
            handle.useTransaction(transaction -> {
                transaction.createUpdate("DELETE FROM unseal_pending_share WHERE request_id = :request AND created_at < :cutoff")
                        .bind("request", row[0]).bind("cutoff", now.minus(pendingTtl)).execute();
                audit.append(transaction, "system", "EXPIRED", (Long) row[1], (Long) row[0], null,
                        row[2] + " waiting share(s) deleted after " + pendingTtl.toHours() + " h", now);
            });
        }
    }

    private static boolean revealedAlready(Handle handle, long requestId) {
        return handle.createQuery("SELECT COUNT(*) FROM unseal_audit WHERE request_id = :id AND action = 'REVEALED'")
                .bind("id", requestId).mapTo(Long.class).one() > 0;
    }

    private static Optional<Request> findRequest(Handle handle, long requestId) {
        return handle.createQuery("SELECT id, ticket_id, quarantine_id FROM unseal_request WHERE id = :id")
                .bind("id", requestId)
                .map((rs, ctx) -> new Request(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class)))
                .findOne();
    }

    private static void findRequestForUpdate(Handle handle, long requestId) {
        handle.createQuery("SELECT id FROM unseal_request WHERE id = :id FOR UPDATE").bind("id", requestId)
                .mapTo(Long.class).one();
    }

    private static String pendingOwner(long requestId, long keyId, int index) {
        return "unseal-request:" + requestId + ":" + keyId + ":" + index;
    }

    private Refused refuse(String actor, Long ticketId, Long requestId, String reason, String why) {
        jdbi.useHandle(handle -> audit.append(handle, actor, "REFUSED", ticketId, requestId,
                reason == null || reason.isEmpty() ? null : truncate(reason, 1000), truncate(why, 500),
                clock.instant()));
        return new Refused(why);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static Optional<Long> ticketIdOf(Handle handle, String reference) {
        return handle.createQuery("SELECT id FROM ticket WHERE reference = :reference")
                .bind("reference", reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT))
                .mapTo(Long.class).findOne();
    }
}
