package org.shahid.monitors;

import org.jdbi.v3.core.Handle;

/**
 * The seam where scrubbed evidence files join a notification to monitors (issue 4 builds the scrubbing and
 * implements this, e.g. by writing outbox attachment rows for {@code outboxId}). Until then notifications list
 * the evidence (name, type, size, SHA-256, note) without attaching it. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AttachScrubbedEvidence {

    /** No files attached: the notification's evidence list is all monitors get. */
    AttachScrubbedEvidence NONE = (handle, outboxId, messageId) -> { };

    /** Called in the notification's transaction, once per queued notification. */
    void attach(Handle handle, long outboxId, long messageId);
}
