package org.shahid.intake;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.shahid.evidence.EvidenceFile;

/**
 * The acknowledgement step of intake, in the ticket transaction: queue the mail that answers the reporter (its
 * recipient is the sealed identity, read only when it is sent), or record why not. Implemented by the outbox and
 * wired at start. Implementations are thread-safe.
 */
public interface QueueAcknowledgement {

    /**
     * Acknowledges a new ticket with its receipt code (or a follow-up, with none); true when a mail was queued.
     *
     * @param notFetched parts of a mail too large to fetch, named in the acknowledgement
     */
    boolean acknowledge(Handle handle, RecordedMail mail, ReplyPermit permit, String receiptCode,
                        List<EvidenceFile> notFetched, Instant now);

    /** Answers a follow-up on a ticket whose identities were purged: the case is closed. */
    void answerCaseClosed(Handle handle, RecordedMail mail, ReplyPermit permit, Instant now);
}
