package org.shahid.intake;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts failed attempts per mail in its own transaction (the failed one rolled back), so a mail that keeps
 * failing is quarantined after {@code shahid.intake.max-attempts} instead of being retried on every poll
 * forever. Thread-safe.
 */
public final class IntakeAttemptDao {

    private final Jdbi jdbi;

    public IntakeAttemptDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records one more failure and returns how many there have been. */
    public int recordFailure(MailKey key, String mailbox, String reason, Instant now) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO intake_attempt (mail_key, mailbox, attempts, last_error, updated_at)
                            VALUES (:key, :mailbox, 1, :reason, :now)
                            ON DUPLICATE KEY UPDATE attempts = attempts + 1, last_error = :reason, updated_at = :now""")
                    .bind("key", key.value())
                    .bind("mailbox", mailbox)
                    .bind("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                    .bind("now", now)
                    .execute();
            return handle.createQuery("SELECT attempts FROM intake_attempt WHERE mail_key = :key")
                    .bind("key", key.value())
                    .mapTo(Integer.class)
                    .one();
        });
    }
}
