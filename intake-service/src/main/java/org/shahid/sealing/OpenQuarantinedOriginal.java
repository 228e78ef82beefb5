package org.shahid.sealing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens a quarantined mail's original sealed to a custodian key, for its release when the mail is no longer in its
 * mailbox's quarantine folder: k custodians present their shares together, in one process, and nothing of them is
 * stored. The steps are entries of the unseal audit chain (REQUESTED with the reason, APPROVED per share, REVEALED,
 * or REFUSED), naming the quarantine entry, not a ticket: such a mail has none yet. The original goes back into
 * intake, which seals its identity to the custodians again; it is never printed. Custodians who approve one at a
 * time use {@link UnsealIdentity#requestQuarantined} instead. Thread-safe.
 */
public final class OpenQuarantinedOriginal {

    private final Jdbi jdbi;
    private final SealedBlobStore blobs;
    private final UnsealAudit audit;
    private final Clock clock;

    public OpenQuarantinedOriginal(Jdbi jdbi, SealedBlobStore blobs, UnsealAudit audit, Clock clock) {
        this.jdbi = jdbi;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the admin asks for and the custodians present; the shares are wiped by {@link #open}. */
    public record Request(long entryId, String sealedRaw, long custodianKeyId, String requester, String reason,
                          List<CustodianShare> shares) {
    }

    public byte[] open(Request request) {
        try {
            return openWith(request);
        } finally {
            request.shares().forEach(CustodianShare::wipe);
        }
    }

    private byte[] openWith(Request request) {
        String entry = "quarantine entry " + request.entryId();
        String stripped = request.reason() == null ? "" : request.reason().strip();
        String reason = stripped.length() > 1000 ? stripped.substring(0, 1000) : stripped;
        if (reason.length() < UnsealIdentity.MIN_REASON_LENGTH) {
            throw refuse(request.requester(), reason, entry + ": a reason of at least "
                    + UnsealIdentity.MIN_REASON_LENGTH + " characters is required");
        }
        CustodianPublicKey key = jdbi.withHandle(handle -> CustodianKeys.byId(handle, request.custodianKeyId()))
                .orElseThrow(() -> refuse(request.requester(), reason, entry + ": its custodian key "
                        + CustodianShare.keyIdText(request.custodianKeyId()) + " is not in custodian_key"));
        Map<Integer, CustodianShare> distinct = new LinkedHashMap<>();
        for (CustodianShare share : request.shares()) {
            if (share.keyId() != key.id()) {
                throw refuse(share.identity(), reason, "share " + share.identity() + " is of another custodian key; "
                        + entry + " is sealed to key " + CustodianShare.keyIdText(key.id()));
            }
            distinct.putIfAbsent(share.index(), share);
        }
        if (distinct.size() < key.threshold()) {
            throw refuse(request.requester(), reason, entry + ": " + distinct.size() + " distinct share(s) presented, "
                    + key.threshold() + " are needed together; nothing was stored");
        }
        byte[] raw;
        try {
            RebuildCustodianKey.OpenedKey opened = new RebuildCustodianKey().rebuild(key,
                    new ArrayList<>(distinct.values()));
            raw = blobs.readWithCustodianKey(request.sealedRaw(), opened);
        } catch (SealingException e) {
            throw refuse(request.requester(), reason, entry + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        String shares = distinct.values().stream().map(CustodianShare::identity).collect(Collectors.joining(", "));
        jdbi.useTransaction(handle -> {
            audit.append(handle, request.requester(), "REQUESTED", null, null, reason, entry + ": release", now);
            for (CustodianShare share : distinct.values()) {
                audit.append(handle, share.identity(), "APPROVED", null, null, null, entry + ": share " + share.index()
                        + " of " + share.custodians() + " (threshold " + share.threshold() + ")", now);
            }
            audit.append(handle, "custodians", "REVEALED", null, null, null,
                    entry + " opened for release into intake; shares: " + shares, now);
        });
        return raw;
    }

    private UnsealIdentity.Refused refuse(String actor, String reason, String why) {
        jdbi.useHandle(handle -> audit.append(handle, actor, "REFUSED", null, null,
                reason == null || reason.isEmpty() ? null : reason, why, clock.instant()));
        return new UnsealIdentity.Refused(why);
    }
}
