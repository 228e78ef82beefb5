package org.shahid.intake;

import java.util.Optional;
import org.shahid.authentication.SenderKey;

/**
 * Whether Shahid may write back to a mail's sender, as the steps after the identity gate may know it: the reason
 * not to (an automated mail, no reply address), and the key the sender's rate limits count by. Immutable.
 */
public record ReplyPermit(Optional<String> reasonNotToAnswer, SenderKey rateKey) {

    /** The reason given when the From is not exactly one RFC 5322 mailbox. */
    public static final String NO_REPLY_ADDRESS = "no valid reply address (From is not exactly one RFC 5322 mailbox)";
}
