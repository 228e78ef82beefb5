package org.shahid.intake;

import java.util.Optional;

/**
 * Whether Shahid may write back to a mail's sender, as the steps after the identity gate may know it: the reason
 * not to (an automated mail, no reply address), and the key the sender's rate limits count by. Immutable.
 */
public record ReplyPermit(Optional<String> reasonNotToAnswer, String rateKey) {
}
