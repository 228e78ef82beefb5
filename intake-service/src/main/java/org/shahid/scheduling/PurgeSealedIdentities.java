package org.shahid.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketEventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: deletes the sealed identities and sealed original mails of tickets CLOSED more than
 * {@code shahid.retention.days} ago (by their last update), sets {@code purged_at}, and records a ticket event. The
 * pseudonym and the redacted ticket stay. The {@code retention} route calls {@link #purgeDue()} on the cron of
 * {@code shahid.retention.cron}. Thread-safe; the route is stateful, so runs do not overlap.
 */
public final class PurgeSealedIdentities {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSealedIdentities.class);
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final SealedBlobStore blobs;
    private final TicketEventDao events;
    private final Duration retention;
    private final Clock clock;

    public PurgeSealedIdentities(Jdbi jdbi, SealedBlobStore blobs, TicketEventDao events, Duration retention,
                                 Clock clock) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("shahid.retention.days must not be negative");
        }
        this.jdbi = jdbi;
        this.blobs = blobs;
        this.events = events;
        this.retention = retention;
        this.clock = clock;
    }

    private record Due(long id, long ticketId, String sealedRaw) {
    }

    /** Purges everything due; returns how many sealed identities it purged. */
    public int purgeDue() {
        int purged = 0;
        while (true) {
            Instant now = clock.instant();
            List<Due> due = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT s.id, s.ticket_id, s.sealed_raw FROM sealed_identity s
                            JOIN ticket t ON t.id = s.ticket_id
                            WHERE t.status = 'CLOSED' AND t.updated_at < :cutoff AND s.purged_at IS NULL
                            ORDER BY s.id LIMIT :batch""")
                    .bind("cutoff", now.minus(retention))
                    .bind("batch", BATCH)
                    .map((rs, ctx) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                    .list());
            if (due.isEmpty()) {
                break;
            }
            Map<Long, List<Due>> byTicket = new LinkedHashMap<>();
            due.forEach(row -> byTicket.computeIfAbsent(row.ticketId(), id -> new ArrayList<>()).add(row));
            byTicket.forEach((ticketId, rows) -> purgeTicket(ticketId, rows, now));
            purged += due.size();
        }
        if (purged > 0) {
            LOG.info("Retention purged {} sealed identities of tickets closed more than {} days ago", purged,
                    retention.toDays());
        }
        return purged;
    }

    private void purgeTicket(long ticketId, List<Due> rows, Instant now) {
        // Files first: if the update then fails, the rows stay due and the next run deletes nothing twice.
        for (Due row : rows) {
            if (row.sealedRaw() != null) {
                blobs.delete(row.sealedRaw());
            }
        }
        jdbi.useTransaction(handle -> {
            for (Due row : rows) {
                handle.createUpdate("""
                                UPDATE sealed_identity SET ciphertext = X'', sealed_raw = NULL, purged_at = :now
                                WHERE id = :id AND purged_at IS NULL""")
                        .bind("now", now).bind("id", row.id()).execute();
            }
            events.append(handle, ticketId, "system", TicketEventKind.IDENTITY_PURGED, rows.size() + " sealed identit"
                    + (rows.size() == 1 ? "y" : "ies") + " and original mail(s) deleted after " + retention.toDays()
                    + " days of retention", now);
        });
    }
}
