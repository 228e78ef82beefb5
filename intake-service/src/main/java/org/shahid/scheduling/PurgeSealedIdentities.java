package org.shahid.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.shahid.sealing.ForgetReporter;
import org.shahid.sealing.ReplyWindow;
import org.shahid.sealing.SealExaminedOriginals;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketEventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention, so that identity leaves nothing behind: forgets the reporter of every finished ticket (resolved,
 * rejected, closed, withdrawn or automated) whose last activity is older than {@code shahid.retention.days}
 * ({@link ForgetReporter}), erases reply channels once the reply window is over, deletes the originals of released
 * and discarded quarantine entries and discards held ones after {@code shahid.retention.quarantine-days}, removes
 * sealed files no row refers to (orphans of failed attempts), scrubs receipt codes from outbox rows that will not be
 * sent again, and seals examined originals to the custodians where that did not happen. The pseudonym and the
 * redacted ticket stay. The {@code retention} route calls {@link #purgeDue()} on {@code shahid.retention.cron}.
 * Thread-safe; the route is stateful, so runs do not overlap.
 */
public final class PurgeSealedIdentities {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSealedIdentities.class);
    private static final int BATCH = 500;
    /** Namespaces of the sealed store that retention may find orphans in. */
    private static final List<String> ORPHAN_NAMESPACES = List.of("mail/", "custodian-mail/", "quarantine/",
            "custodian-quarantine/", "evidence/", "custodian-evidence/");

    /** The periods of retention, from {@code shahid.retention.*}. */
    public record Periods(Duration retention, Duration replyGrace, Duration quarantine, Duration orphanAge) {
        public Periods {
            if (retention.isNegative() || replyGrace.isNegative() || quarantine.isNegative() || orphanAge.isNegative()) {
                throw new IllegalArgumentException("shahid.retention.* periods must not be negative");
            }
        }
    }

    private final Jdbi jdbi;
    private final SealedBlobStore blobs;
    private final TicketEventDao events;
    private final Periods periods;
    private final ForgetReporter forgetReporter;
    private final SealExaminedOriginals examinedOriginals;
    private final Clock clock;

    public PurgeSealedIdentities(Jdbi jdbi, SealedBlobStore blobs, TicketEventDao events, Periods periods,
                                 SealExaminedOriginals examinedOriginals, Clock clock) {
        this.jdbi = jdbi;
        this.blobs = blobs;
        this.events = events;
        this.periods = periods;
        this.forgetReporter = new ForgetReporter(blobs);
        this.examinedOriginals = examinedOriginals;
        this.clock = clock;
    }

    /** Runs every part of retention; returns how many sealed identities it purged. */
    public int purgeDue() {
        Instant now = clock.instant();
        int purged = purgeLastChannelsDone(now) + purgeFinishedTickets(now);
        int replies = eraseReplyChannels(now);
        int quarantined = purgeQuarantine(now);
        int orphans = removeOrphans(now);
        int scrubbed = scrubOutbox(now);
        int sealed = examinedOriginals == null ? 0 : examinedOriginals.sealAllExamined();
        if (purged + replies + quarantined + orphans + scrubbed + sealed > 0) {
            LOG.info("Retention: {} sealed identities purged, {} reply channels erased, {} quarantined originals and"
                            + " {} orphaned sealed files deleted, {} outbox rows scrubbed, {} originals sealed to the"
                            + " custodians", purged, replies, quarantined, orphans, scrubbed, sealed);
        }
        return purged;
    }

    private int purgeFinishedTickets(Instant now) {
        int purged = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> due = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT t.id FROM ticket t
                            WHERE t.id > :after AND (t.status IN ('RESOLVED', 'REJECTED', 'CLOSED', 'WITHDRAWN') OR t.automated)
                              AND t.updated_at < :cutoff
                              AND (EXISTS (SELECT 1 FROM sealed_identity s WHERE s.ticket_id = t.id
                                           AND (s.purged_at IS NULL OR s.sealed_raw IS NOT NULL))
                                   OR EXISTS (SELECT 1 FROM receipt_code r WHERE r.ticket_id = t.id))
                            ORDER BY t.id LIMIT :batch""")
                    .bind("after", from).bind("cutoff", now.minus(periods.retention())).bind("batch", BATCH)
                    .mapTo(Long.class).list());
            if (due.isEmpty()) {
                return purged;
            }
            for (long ticketId : due) {
                ForgetReporter.Forgotten forgotten = jdbi.inTransaction(handle -> {
                    ForgetReporter.Forgotten result = forgetReporter.forgetCounting(handle, ticketId, now);
                    events.append(handle, ticketId, "system", TicketEventKind.IDENTITY_PURGED, result.identities()
                            + " sealed identit" + (result.identities() == 1 ? "y" : "ies") + " and " + result.files()
                            + " sealed file(s) deleted after " + periods.retention().toDays() + " days of retention",
                            now);
                    return result;
                });
                purged += forgotten.identities();
                after = ticketId;
            }
        }
    }

    /**
     * Identities kept only for one last mail (an erasure's confirmation) whose mail is done: the outbox purges them
     * as it records the mail, so these are only the ones a crash left between the two statements.
     */
    private int purgeLastChannelsDone(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE sealed_identity s JOIN outbox o ON o.recipient_sealed_id = s.id
                        SET s.ciphertext = X'', s.purged_at = :now
                        WHERE s.purge_when_sent AND s.purged_at IS NULL AND o.status IN ('SENT', 'FAILED')""")
                .bind("now", now)
                .execute());
    }

    /** After the reply window, the server cannot write to the reporter any more: the reply address goes. */
    private int eraseReplyChannels(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE sealed_identity s JOIN ticket t ON t.id = s.ticket_id
                        SET s.ciphertext = X'', s.reply_erased_at = :now
                        WHERE s.reply_erased_at IS NULL AND s.purged_at IS NULL AND s.custodian_key_id IS NOT NULL
                          AND """ + ReplyWindow.CLOSED_SQL)
                .bind("now", now).bind("replyCutoff", now.minus(periods.replyGrace())).execute());
    }

    private record QuarantinedOriginal(long id, String sealedRaw, String status) {
    }

    private int purgeQuarantine(Instant now) {
        List<QuarantinedOriginal> due = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, sealed_raw, status FROM quarantine WHERE sealed_raw IS NOT NULL
                        AND (status IN ('RELEASED', 'DISCARDED') OR created_at < :cutoff)""")
                .bind("cutoff", now.minus(periods.quarantine()))
                .map((rs, ctx) -> new QuarantinedOriginal(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
        for (QuarantinedOriginal original : due) {
            blobs.delete(original.sealedRaw());
            jdbi.useHandle(handle -> handle.createUpdate("""
                            UPDATE quarantine SET sealed_raw = NULL,
                                   status = CASE WHEN status = 'HELD' THEN 'DISCARDED' ELSE status END
                            WHERE id = :id""")
                    .bind("id", original.id()).execute());
        }
        return due.size();
    }

    /** Sealed files that no row names: written by an attempt that then failed, or left by a database outage. */
    private int removeOrphans(Instant now) {
        Instant youngest = now.minus(periods.orphanAge());
        Set<String> referenced = new HashSet<>(jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT sealed_raw FROM sealed_identity WHERE sealed_raw IS NOT NULL
                        UNION SELECT sealed_raw FROM quarantine WHERE sealed_raw IS NOT NULL""")
                .mapTo(String.class).list()));
        Set<String> hashes = new HashSet<>(jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT sha256 FROM attachment WHERE sha256 IS NOT NULL
                        UNION SELECT sha256 FROM attachment_member WHERE sha256 IS NOT NULL""")
                .mapTo(String.class).list()));
        int removed = 0;
        for (Map.Entry<String, Instant> file : blobs.list().entrySet()) {
            String key = file.getKey();
            if (file.getValue().isAfter(youngest) || ORPHAN_NAMESPACES.stream().noneMatch(key::startsWith)) {
                continue;
            }
            boolean evidence = key.startsWith("evidence/") || key.startsWith("custodian-evidence/");
            boolean used = evidence ? hashes.contains(key.substring(key.indexOf('/') + 1)) : referenced.contains(key);
            if (!used && blobs.delete(key)) {
                removed++;
            }
        }
        return removed;
    }

    /** Receipt codes stay in an outbox row only while it may still be sent. */
    private int scrubOutbox(Instant now) {
        List<Object[]> rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, body_text, body_html, subject FROM outbox
                        WHERE recipient_sealed_id IS NOT NULL AND status NOT IN ('PENDING', 'SENDING')
                          AND receipt_scrubbed_at IS NULL ORDER BY id""")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list());
        int scrubbed = 0;
        for (Object[] row : rows) {
            if (jdbi.withHandle(handle -> ForgetReporter.scrubRow(handle, (Long) row[0], (String) row[1],
                    (String) row[2], (String) row[3], now))) {
                scrubbed++;
            }
        }
        return scrubbed;
    }
}
