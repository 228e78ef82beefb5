package org.shahid.sealing;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The two names a sender can have. A reporter pseudonym shown to monitors: stable (a keyed PRF of the address)
 * only when the receiving server authenticated the From, otherwise fresh for each ticket, so a forged From can
 * never produce the pseudonym of another reporter's ticket. And a rate key (another keyed PRF of the address,
 * never shown, never linked to a ticket) that counts a sender's mail for the limits. Thread-safe.
 */
public final class SenderKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** The key the rate limits count by: 16 characters, unrelated to any pseudonym. */
    public String rateKeyOf(String address) {
        String normalised = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        return "K-" + pseudonymizer.keyedHash("sender-rate", normalised).substring(0, 14);
    }
}
