package org.shahid.intake;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.shahid.authentication.SenderKey;

/**
 * The monitors' step of intake, in the ticket transaction, so monitors hear of exactly the mails that were
 * recorded: notify them now, or, when the mail has evidence or links to examine, queue it for examination and
 * notify them once that is recorded. Implemented by the monitors' notifications and wired at start.
 * Implementations are thread-safe.
 *
 * @see org.shahid.evidence.ExamineEvidence
 */
public interface QueueMonitorsNotice {

    /**
     * @param countedSender the sender's rate key, counted against the cap of notifications per sender and hour
     *                      (empty for automated mail)
     * @param workingText the redacted text as stored
     * @param bodyUrls links taken from the redacted text
     * @param hasEvidence whether an attachment was kept for examination
     */
    void notice(Handle handle, RecordedMail mail, Optional<SenderKey> countedSender, String workingText,
                Set<String> bodyUrls, boolean hasEvidence, Instant now);
}
