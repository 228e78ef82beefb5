package org.shahid.sealing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Two-person, audited unsealing of the identity behind one ticket: an admin requests it with a stated reason, a
 * different admin approves, and only then may the requester see it. Every step, refusals included, is written to
 * {@link UnsealAudit} (refusals in their own transaction, so they stay recorded). Called by the {@code unseal} verbs;
 * apart from the outbound sender, the only reader of the sealed store in clear. Thread-safe.
 */
public final class UnsealIdentity {

    /** A reason shorter than this is no reason ("test", "check"): someone must be able to judge it later. */
    public static final int MIN_REASON_LENGTH = 20;
    private static final Pattern ADMIN_NAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");

    /** Thrown, after the refusal is audited, when a step is not allowed; its message is safe to show. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** What an approved request reveals, one per mail of the ticket (purged ones are gone). */
    public record Revealed(long ticketId, List<SealedIdentity> identities) {
    }

    private record Request(long id, long ticketId, String requestedBy, String approvedBy) {
    }

    private final Jdbi jdbi;
    private final SealedIdentityDao identities;
    private final UnsealAudit audit;
    private final Clock clock;

    public UnsealIdentity(Jdbi jdbi, SealedIdentityDao identities, UnsealAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a request; returns its id, which the approving admin names. */
    public long request(String ticketReference, String admin, String reason) {
        requireAdminName(admin);
        Optional<Long> ticketId = jdbi.withHandle(handle -> ticketIdOf(handle, ticketReference));
        String trimmed = reason == null ? "" : reason.strip();
        if (ticketId.isEmpty()) {
            throw refuse(admin, null, null, trimmed, "no ticket " + ticketReference);
        }
        if (trimmed.length() < MIN_REASON_LENGTH) {
            throw refuse(admin, ticketId.get(), null, trimmed,
                    "a reason of at least " + MIN_REASON_LENGTH + " characters is required");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate("""
                            INSERT INTO unseal_request (ticket_id, requested_by, reason, requested_at)
                            VALUES (:ticket, :admin, :reason, :now)""")
                    .bind("ticket", ticketId.get())
                    .bind("admin", admin)
                    .bind("reason", trimmed)
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.append(handle, admin, "REQUESTED", ticketId.get(), id, trimmed, null, now);
            return id;
        });
    }

    public void approve(long requestId, String admin) {
        requireAdminName(admin);
        Request request = find(requestId, admin, "approve");
        if (request.requestedBy().equalsIgnoreCase(admin)) {
            throw refuse(admin, request.ticketId(), requestId, null,
                    "the requester cannot approve their own request; a second admin must");
        }
        if (request.approvedBy() != null) {
            throw refuse(admin, request.ticketId(), requestId, null, "already approved");
        }
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                            UPDATE unseal_request SET approved_by = :admin, approved_at = :now
                            WHERE id = :id AND approved_by IS NULL""")
                    .bind("admin", admin).bind("now", now).bind("id", requestId).execute();
            audit.append(handle, admin, "APPROVED", request.ticketId(), requestId, null, null, now);
        });
    }

    /** The identities behind the ticket, for the requester of an approved request only; audited each time. */
    public Revealed reveal(long requestId, String admin) {
        requireAdminName(admin);
        Request request = find(requestId, admin, "show");
        if (!request.requestedBy().equalsIgnoreCase(admin)) {
            throw refuse(admin, request.ticketId(), requestId, null, "only the requester may see the identity");
        }
        if (request.approvedBy() == null) {
            throw refuse(admin, request.ticketId(), requestId, null, "not approved by a second admin yet");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            List<SealedIdentity> opened = identities.openAllOf(handle, request.ticketId());
            audit.append(handle, admin, "REVEALED", request.ticketId(), requestId, null,
                    opened.size() + " identit" + (opened.size() == 1 ? "y" : "ies")
                            + " (reply address, display name, original headers)", now);
            return new Revealed(request.ticketId(), opened);
        });
    }

    private Request find(long requestId, String admin, String verb) {
        Optional<Request> request = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, ticket_id, requested_by, approved_by FROM unseal_request WHERE id = :id""")
                .bind("id", requestId)
                .map((rs, ctx) -> new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .findOne());
        return request.orElseThrow(() -> refuse(admin, null, requestId, null,
                "no unseal request " + requestId + " to " + verb));
    }

    private Refused refuse(String admin, Long ticketId, Long requestId, String reason, String why) {
        jdbi.useHandle(handle -> audit.append(handle, admin, "REFUSED", ticketId, requestId,
                reason == null || reason.isEmpty() ? null : reason, why, clock.instant()));
        return new Refused(why);
    }

    private static Optional<Long> ticketIdOf(Handle handle, String reference) {
        return handle.createQuery("SELECT id FROM ticket WHERE reference = :reference")
                .bind("reference", reference == null ? "" : reference.strip().toUpperCase(java.util.Locale.ROOT))
                .mapTo(Long.class).findOne();
    }

    private static void requireAdminName(String admin) {
        if (admin == null || !ADMIN_NAME.matcher(admin).matches()) {
            throw new Refused("--by needs the admin's name (letters, digits, . _ @ -)");
        }
    }
}
