package org.shahid.intake;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.sealing.ReporterFreeMail;

/**
 * One step that a follow-up on an existing ticket passes through, in the ticket transaction, after its message
 * was recorded (answering on a purged ticket, a reporter's own controls). {@link MailIntake} runs them in the
 * order they were wired. Implementations are thread-safe.
 */
public interface FollowUpStep {

    /** @return true when this step answered the mail: the steps after it are skipped */
    boolean apply(Handle handle, RecordedMail mail, ReporterFreeMail view, ReplyPermit permit, Instant now);
}
