package org.shahid.intake;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * This hour's count of wrong receipt codes per sender, for {@link ReceiptCodes}: read under a row lock that the
 * caller's transaction holds until it ends, so that concurrent intake workers of one sender queue, and none of them
 * can see room for a guess that another is using. Implemented by the outbound send limits (the same counter rows);
 * intake declares it so as not to import them. Implementations are thread-safe.
 */
public interface WrongCodeCount {

    /** The sender's wrong codes this hour; locks the sender's counter until the transaction ends. */
    int lockedCount(Handle handle, String senderKey, Instant now);

    /** Counts one more wrong code of the sender, in the caller's transaction. */
    void add(Handle handle, String senderKey, Instant now);
}
