package org.shahid.sealing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The custodian public keys of {@code custodian_key}. {@link #active()} is the newest unretired key, which seals
 * new identity records and originals; it is cached for a few seconds so that intake does not ask per mail, and a
 * rotation is picked up within that time. Thread-safe.
 */
public final class CustodianKeys {

    private static final Duration CACHE = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(Optional<CustodianPublicKey> key, Instant until) {
    }

    public CustodianKeys(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The key new records are sealed to; empty until {@code custodians init} has run. */
    public Optional<CustodianPublicKey> active() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.until())) {
            current = new Cached(jdbi.withHandle(CustodianKeys::activeIn), now.plus(CACHE));
            cached = current;
        }
        return current.key();
    }

    /** Forgets the cached key, after a ceremony in this process. */
    public void refresh() {
        cached = null;
    }

    public static Optional<CustodianPublicKey> activeIn(Handle handle) {
        return handle.createQuery("""
                        SELECT id, public_keyset, threshold, custodians FROM custodian_key
                        WHERE retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1""")
                .map((rs, ctx) -> new CustodianPublicKey(rs.getLong(1), rs.getBytes(2), rs.getInt(3), rs.getInt(4)))
                .findOne();
    }

    /**
     * Why {@code run} must not start: no custodian key, unless {@code allowNone}. The reason names the command that
     * fixes it and the setting that waives it.
     */
    public static Optional<String> refusalToRun(Jdbi jdbi, boolean allowNone) {
        if (allowNone || jdbi.withHandle(CustodianKeys::activeIn).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("no custodian key: a seized server would open every identity; run `shahid custodians init"
                + " --custodians N --threshold K --out DIR` first (docs/custodians.md), or set"
                + " shahid.custodians.allow-none=true (SHAHID_CUSTODIANS_ALLOW_NONE) to seal under the server key");
    }

    public static Optional<CustodianPublicKey> byId(Handle handle, long keyId) {
        return handle.createQuery("SELECT id, public_keyset, threshold, custodians FROM custodian_key WHERE id = :id")
                .bind("id", keyId)
                .map((rs, ctx) -> new CustodianPublicKey(rs.getLong(1), rs.getBytes(2), rs.getInt(3), rs.getInt(4)))
                .findOne();
    }

    /** One key as {@code custodians status} lists it. */
    public record KeyStatus(long id, int threshold, int custodians, Instant createdAt, Instant retiredAt,
                            long identityRecords, long sealedFiles) {
    }

    public static List<KeyStatus> statusIn(Handle handle) {
        return handle.createQuery("""
                        SELECT k.id, k.threshold, k.custodians, k.created_at, k.retired_at,
                               (SELECT COUNT(*) FROM sealed_identity s
                                 WHERE s.custodian_key_id = k.id AND s.identity_record IS NOT NULL),
                               (SELECT COUNT(*) FROM sealed_identity s
                                 WHERE s.custodian_key_id = k.id AND s.sealed_raw LIKE 'custodian-%')
                               + (SELECT COUNT(*) FROM quarantine q WHERE q.custodian_key_id = k.id
                                  AND q.sealed_raw IS NOT NULL)
                        FROM custodian_key k ORDER BY k.created_at, k.id""")
                .map((rs, ctx) -> new KeyStatus(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }
}
