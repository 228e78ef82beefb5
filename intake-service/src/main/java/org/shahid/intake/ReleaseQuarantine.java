package org.shahid.intake;

import org.jdbi.v3.core.Jdbi;
import org.shahid.sealing.SealedBlobStore;

/**
 * Gives a quarantined mail another try, for example after a fix: opens its sealed original and runs it
 * through intake as if it had just arrived. If it fails again it stays quarantined. Used by the
 * {@code quarantine release} admin command. Thread-safe.
 */
public final class ReleaseQuarantine {

    private final Jdbi jdbi;
    private final QuarantineDao quarantine;
    private final SealedBlobStore blobs;
    private final MailIntake intake;

    public ReleaseQuarantine(Jdbi jdbi, QuarantineDao quarantine, SealedBlobStore blobs, MailIntake intake) {
        this.jdbi = jdbi;
        this.quarantine = quarantine;
        this.blobs = blobs;
        this.intake = intake;
    }

    public IntakeOutcome release(long entryId) {
        QuarantineDao.Entry entry = jdbi.withHandle(handle -> quarantine.find(handle, entryId))
                .orElseThrow(() -> new IllegalArgumentException("no quarantine entry " + entryId));
        if (!entry.status().equals("HELD")) {
            throw new IllegalArgumentException("quarantine entry " + entryId + " is " + entry.status() + ", not HELD");
        }
        if (entry.sealedRaw() == null) {
            throw new IllegalArgumentException("quarantine entry " + entryId + " was never fetched (" + entry.reason()
                    + "): raise the limit and move the mail back to the inbox folder");
        }
        byte[] raw = blobs.read(entry.sealedRaw());
        MailKey key = new MailKey(entry.mailKey());
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM processed_mail WHERE mail_key = :key AND outcome = 'QUARANTINED'")
                .bind("key", key.value()).execute());
        try {
            IntakeOutcome outcome = intake.ingest(entry.mailbox(), raw, key);
            jdbi.useHandle(handle -> quarantine.setStatus(handle, entryId, "RELEASED"));
            return outcome;
        } catch (Exception e) {
            jdbi.useHandle(handle -> new ProcessedMailDao().claim(handle, key, entry.mailbox().name(),
                    ProcessedMailDao.Outcome.QUARANTINED, null, java.time.Instant.now()));
            throw new IllegalStateException("quarantine entry " + entryId + " still fails: " + SafeReason.of(e));
        }
    }

    /** Deletes the sealed original for good and marks the entry discarded. */
    public void discard(long entryId) {
        QuarantineDao.Entry entry = jdbi.withHandle(handle -> quarantine.find(handle, entryId))
                .orElseThrow(() -> new IllegalArgumentException("no quarantine entry " + entryId));
        if (entry.sealedRaw() != null) {
            blobs.delete(entry.sealedRaw());
        }
        jdbi.useHandle(handle -> quarantine.setStatus(handle, entryId, "DISCARDED"));
    }
}
