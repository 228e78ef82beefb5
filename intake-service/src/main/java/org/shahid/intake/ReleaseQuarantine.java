package org.shahid.intake;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.shahid.sealing.SealedBlobStore;

/**
 * Gives a quarantined mail another try, for example after a fix: gets its original and runs it through intake as if
 * it had just arrived. If it fails again it stays quarantined. An original sealed to the custodians is fetched again
 * from the mailbox's quarantine folder; when it is no longer there, only k custodians' shares open the sealed copy
 * ({@link #release(long, Function)}). Originals of earlier versions, under the server key, open as before. Used by the
 * {@code quarantine release} admin command. Thread-safe.
 */
public final class ReleaseQuarantine {

    /** The original opens only with the custodians' shares; the message says how to release it. */
    public static final class NeedsCustodians extends IllegalArgumentException {
        NeedsCustodians(String message) {
            super(message);
        }
    }

    private final Jdbi jdbi;
    private final QuarantineDao quarantine;
    private final SealedBlobStore blobs;
    private final QuarantinedOriginals folder;
    private final MailIntake intake;

    public ReleaseQuarantine(Jdbi jdbi, QuarantineDao quarantine, SealedBlobStore blobs, QuarantinedOriginals folder,
                             MailIntake intake) {
        this.jdbi = jdbi;
        this.quarantine = quarantine;
        this.blobs = blobs;
        this.folder = folder;
        this.intake = intake;
    }

    /** Releases without custodians: the original from the quarantine folder, or one under the server key. */
    public IntakeOutcome release(long entryId) {
        return release(entryId, entry -> {
            throw new NeedsCustodians("quarantine entry " + entryId + " is no longer in the " + entry.mailbox().name()
                    + " mailbox's quarantine folder and its original is sealed to the custodians: release it with"
                    + " `quarantine release " + entryId + " --reason TEXT --share FILE` (as many --share as the"
                    + " custodian threshold, together) or `unseal request --quarantine " + entryId + " --reason TEXT`"
                    + " and one `unseal approve` per custodian");
        });
    }

    /** Releases; {@code custodians} opens the sealed original when the quarantine folder no longer has the mail. */
    public IntakeOutcome release(long entryId, Function<QuarantineDao.Entry, byte[]> custodians) {
        QuarantineDao.Entry entry = held(entryId);
        byte[] raw = originalOf(entry, custodians);
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

    /** The held entry, or why it cannot be released. */
    public QuarantineDao.Entry held(long entryId) {
        QuarantineDao.Entry entry = jdbi.withHandle(handle -> quarantine.find(handle, entryId))
                .orElseThrow(() -> new IllegalArgumentException("no quarantine entry " + entryId));
        if (!entry.status().equals("HELD")) {
            throw new IllegalArgumentException("quarantine entry " + entryId + " is " + entry.status() + ", not HELD");
        }
        if (entry.sealedRaw() == null) {
            throw new IllegalArgumentException("quarantine entry " + entryId + " was never fetched (" + entry.reason()
                    + "): raise the limit and move the mail back to the inbox folder");
        }
        return entry;
    }

    private byte[] originalOf(QuarantineDao.Entry entry, Function<QuarantineDao.Entry, byte[]> custodians) {
        if (!SealedBlobStore.isCustodianSealed(entry.sealedRaw())) {
            return blobs.read(entry.sealedRaw());
        }
        Optional<byte[]> refetched = folder.refetch(entry);
        return refetched.orElseGet(() -> custodians.apply(entry));
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
