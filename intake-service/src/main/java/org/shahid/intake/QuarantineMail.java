package org.shahid.intake;

import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.shahid.sealing.SealedBlobStore;

/**
 * Puts a mail Shahid cannot process aside: the original sealed in the blob store (to the custodian key once there is
 * one, else under the server key), a {@code quarantine} row
 * with the reason, and the mail marked processed, in one transaction, so it is never retried and never
 * lost. The route then moves it to the mailbox's quarantine folder. Thread-safe.
 */
public final class QuarantineMail {

    private final Jdbi jdbi;
    private final QuarantineDao quarantine;
    private final ProcessedMailDao processedMails;
    private final SealedBlobStore blobs;
    private final Clock clock;

    public QuarantineMail(Jdbi jdbi, QuarantineDao quarantine, ProcessedMailDao processedMails, SealedBlobStore blobs,
                          Clock clock) {
        this.jdbi = jdbi;
        this.quarantine = quarantine;
        this.processedMails = processedMails;
        this.blobs = blobs;
        this.clock = clock;
    }

    /**
     * Records a mail whose ticket was opened from its text alone (it was too large to fetch) as held in the
     * quarantine folder, unless already recorded: a crash between the ticket and this record repeats only this.
     * The mail's key was claimed with its ticket, so it is not claimed here.
     */
    public void recordKept(Mailbox mailbox, MailKey key, long rawSize, String reason) {
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            boolean recorded = handle.createQuery("SELECT COUNT(*) FROM quarantine WHERE mail_key = :key")
                    .bind("key", key.value()).mapTo(Long.class).one() > 0;
            if (!recorded) {
                quarantine.insert(handle, key, mailbox, reason, 1, rawSize, null, now);
            }
        });
    }

    /** Quarantines the mail; {@code raw} may be null when it was too large to fetch. Returns the entry id. */
    public long hold(Mailbox mailbox, MailKey key, byte[] raw, long rawSize, String reason, int attempts) {
        // Sealed to the custodians when they exist: release re-fetches the mail from the quarantine folder instead.
        SealedBlobStore.Stored sealedRaw = raw == null ? null : blobs.seal("quarantine", raw);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            processedMails.claim(handle, key, mailbox.name(), ProcessedMailDao.Outcome.QUARANTINED, null, now);
            return quarantine.insert(handle, key, mailbox, reason, attempts, rawSize, sealedRaw, now);
        });
    }
}
