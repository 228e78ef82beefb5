package org.shahid.sealing;

import java.security.SecureRandom;
import org.shahid.authentication.CanonicalAddress;
import org.shahid.authentication.SenderKey;

/**
 * The two names a sender can have. A reporter pseudonym shown to monitors: stable (a keyed PRF of the address)
 * only when the receiving server authenticated the From, otherwise fresh for each ticket, so a forged From can
 * never produce the pseudonym of another reporter's ticket. And a rate key (another keyed PRF of the address,
 * never shown, never linked to a ticket) that counts a sender's mail for the limits. Thread-safe.
 */
public final class SenderKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NO_ADDRESS = "\u0000no-address";

    private final Pseudonymizer pseudonymizer;

    public SenderKeys(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** The pseudonym of a new ticket's reporter. */
    public String pseudonymOf(String address, boolean authenticated) {
        if (authenticated && !address.isBlank()) {
            return pseudonymizer.pseudonymOf(address);
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "R-" + Pseudonymizer.base32(random, 10);
    }

    /**
     * The key the rate limits count by, unrelated to any pseudonym: a keyed hash of the canonical address (plus-tags
     * and provider dot rules stripped), so address variants share one limit; mail without an address shares one too.
     */
    public SenderKey rateKeyOf(String address) {
        String subject = address == null || address.isBlank() ? NO_ADDRESS : CanonicalAddress.of(address);
        return new SenderKey(pseudonymizer.keyedHash("sender-limit", subject));
    }
}
