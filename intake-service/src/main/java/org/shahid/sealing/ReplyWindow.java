package org.shahid.sealing;

import java.time.Duration;
import java.time.Instant;

/**
 * When a ticket still needs answers: until it is finished (resolved, rejected, closed, or opened by automated mail)
 * and then for {@code shahid.retention.reply-grace-days} after its last activity. The SQL fragments take the ticket as
 * {@code t} and the cutoff as {@code :replyCutoff}. Immutable and thread-safe.
 */
public record ReplyWindow(Duration grace) {

    /** A ticket that no longer needs answers, in SQL over {@code t}; bind {@code replyCutoff}. */
    public static final String CLOSED_SQL =
            "((t.status IN ('RESOLVED', 'REJECTED', 'CLOSED') OR t.automated) AND t.updated_at < :replyCutoff)";

    public Instant cutoff(Instant now) {
        return now.minus(grace);
    }
}
