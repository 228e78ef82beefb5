package org.shahid.authentication;

import java.util.Objects;

/**
 * Who sent a mail, as far as rate limits need to know: a keyed hash of the sender's {@link CanonicalAddress} (or of
 * "no address" for mail without a strictly valid From, which therefore shares one limit). It is computed where the
 * address is known and passed on instead of it; it is stored only inside {@code send_limit_window} keys, never next
 * to a ticket. Immutable.
 */
public record SenderKey(String value) {

    public SenderKey {
        Objects.requireNonNull(value, "value");
    }

    /** The first 16 characters, for the key columns of 16 characters (wrong receipt codes are counted by it). */
    public String shortKey() {
        return value.substring(0, Math.min(16, value.length()));
    }

    @Override
    public String toString() {
        return "SenderKey[" + value.substring(0, Math.min(8, value.length())) + "…]";
    }
}
