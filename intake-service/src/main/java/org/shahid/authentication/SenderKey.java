package org.shahid.authentication;

import java.util.Objects;
import org.shahid.sealing.Pseudonymizer;

/**
 * Who sent a mail, as far as rate limits need to know: a keyed hash of the sender's {@link CanonicalAddress} (or of
 * "no address" for mail without a strictly valid From, which therefore shares one limit). It is computed where the
 * address is known and passed on instead of it; it is stored only inside {@code send_limit_window} keys, never next
 * to a ticket. Immutable.
 */
public record SenderKey(String value) {

    private static final String NO_ADDRESS = "\u0000no-address";

    public SenderKey {
        Objects.requireNonNull(value, "value");
    }

    public static SenderKey of(Pseudonymizer pseudonymizer, String replyAddress) {
        String subject = replyAddress == null || replyAddress.isBlank() ? NO_ADDRESS : CanonicalAddress.of(replyAddress);
        return new SenderKey(pseudonymizer.keyedHash("sender-limit", subject));
    }

    @Override
    public String toString() {
        return "SenderKey[" + value.substring(0, Math.min(8, value.length())) + "…]";
    }
}
