package org.shahid.sealing;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code custodians migrate}: re-seals what earlier versions sealed under the server key to the active custodian
 * key: each identity record (the server keeps only the reply address, and not even that once the reply window is
 * over), each original mail, and each examined original attachment; the server-readable copies are deleted. One row
 * per transaction, so an interrupted run loses nothing and a rerun continues where it stopped. Thread-safe.
 */
public final class MigrateToCustodians {

    private static final Logger LOG = LoggerFactory.getLogger(MigrateToCustodians.class);
    private static final int BATCH = 200;

    /** What one run converted; zeros on a rerun after a complete one. */
    public record Counts(int identityRecords, int originalMails, int evidenceOriginals, int quarantinedMails) {
    }

    private final Jdbi jdbi;
    private final SealedIdentityDao identities;
    private final SealedBlobStore blobs;
    private final SealExaminedOriginals examinedOriginals;
    private final ReplyWindow replyWindow;

    public MigrateToCustodians(Jdbi jdbi, SealedIdentityDao identities, SealedBlobStore blobs,
                               SealExaminedOriginals examinedOriginals, ReplyWindow replyWindow) {
        this.jdbi = jdbi;
        this.identities = identities;
        this.blobs = blobs;
        this.examinedOriginals = examinedOriginals;
        this.replyWindow = replyWindow;
    }

    private record Legacy(long id, boolean replyWindowOpen) {
    }

    private record Original(long id, String sealedRaw) {
    }

    public Counts migrate(Instant now) {
        CustodianPublicKey key = jdbi.withHandle(CustodianKeys::activeIn).orElseThrow(() ->
                new IllegalArgumentException("no custodian key yet: run `custodians init` first"));
        int records = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Legacy> batch = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT s.id, NOT """ + ReplyWindow.CLOSED_SQL + """
                            FROM sealed_identity s JOIN ticket t ON t.id = s.ticket_id
                            WHERE s.custodian_key_id IS NULL AND s.purged_at IS NULL AND s.id > :after
                            ORDER BY s.id LIMIT :batch""")
                    .bind("replyCutoff", replyWindow.cutoff(now)).bind("after", from).bind("batch", BATCH)
                    .map((rs, ctx) -> new Legacy(rs.getLong(1), rs.getBoolean(2))).list());
            if (batch.isEmpty()) {
                break;
            }
            for (Legacy row : batch) {
                if (jdbi.inTransaction(handle -> identities.convertToCustodians(handle, row.id(), key,
                        row.replyWindowOpen()))) {
                    records++;
                }
                after = row.id();
            }
        }
        int mails = 0;
        while (true) {
            List<Original> originals = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT id, sealed_raw FROM sealed_identity WHERE sealed_raw LIKE 'mail/%'
                            ORDER BY id LIMIT :batch""")
                    .bind("batch", BATCH).map((rs, ctx) -> new Original(rs.getLong(1), rs.getString(2))).list());
            if (originals.isEmpty()) {
                break;
            }
            for (Original original : originals) {
                // Written first, then the server copy deleted, then the row updated: a rerun finds either the
                // server copy or the custodian one, and each row is pointed at the latter.
                String sealed = blobs.sealForCustodians(original.sealedRaw(), key);
                jdbi.useHandle(handle -> handle.createUpdate(
                                "UPDATE sealed_identity SET sealed_raw = :sealed WHERE sealed_raw = :raw")
                        .bind("sealed", sealed).bind("raw", original.sealedRaw()).execute());
                mails++;
            }
        }
        int evidence = examinedOriginals.sealAllExamined();
        int quarantined = resealQuarantined(key);
        LOG.info("Custodian migration: {} identity record(s), {} original mail(s), {} evidence original(s), {}"
                + " quarantined mail(s)", records, mails, evidence, quarantined);
        return new Counts(records, mails, evidence, quarantined);
    }

    /**
     * Held quarantined originals under the server key move to the custodian key; release then takes the mail from
     * its quarantine folder, or needs the custodians. Released and discarded entries keep no original worth moving.
     */
    private int resealQuarantined(CustodianPublicKey key) {
        int moved = 0;
        while (true) {
            List<Original> held = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT id, sealed_raw FROM quarantine WHERE sealed_raw LIKE 'quarantine/%' AND status = 'HELD'
                            ORDER BY id LIMIT :batch""")
                    .bind("batch", BATCH).map((rs, ctx) -> new Original(rs.getLong(1), rs.getString(2))).list());
            if (held.isEmpty()) {
                return moved;
            }
            for (Original original : held) {
                // As for original mails: the custodian copy first, then the server copy deleted, then the row.
                String sealed = blobs.sealForCustodians(original.sealedRaw(), key);
                jdbi.useHandle(handle -> handle.createUpdate(
                                "UPDATE quarantine SET sealed_raw = :sealed, custodian_key_id = :key WHERE id = :id")
                        .bind("sealed", sealed).bind("key", key.id()).bind("id", original.id()).execute());
                moved++;
            }
        }
    }
}
