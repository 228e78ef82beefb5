package org.shahid.sealing;

import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * Turns a reporter's address into a stable pseudonym such as {@code R-7F3KQ9XR2B}: a keyed PRF (HMAC-SHA256
 * with a secret pepper) over the normalised address, so monitors can see that reports share a source, and
 * nobody without the pepper can test candidate addresses against it. Thread-safe.
 */
public final class Pseudonymizer {

    /** Crockford's base 32: no I, L, O or U, so a pseudonym read aloud or typed is unambiguous. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    /** 50 bits: no two of millions of reporters share a pseudonym by chance, which threading relies on. */
    private static final int LENGTH = 10;

    private final PrfSet prf;

    public Pseudonymizer(Keyring keyring) {
        try {
            this.prf = keyring.prf();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("pseudonym keyset unusable: " + e.getClass().getSimpleName());
        }
    }

    public String pseudonymOf(String address) {
        byte[] digest;
        try {
            digest = prf.computePrimary(("address\u0000" + normalise(address)).getBytes(StandardCharsets.UTF_8), 16);
        } catch (GeneralSecurityException e) {
            throw new SealingException("pseudonym computation failed");
        }
        return "R-" + base32(digest, LENGTH);
    }

    /**
     * A keyed hash of a sender-chosen value such as a Message-ID, whose host part can identify the sender:
     * equal inputs can be matched for threading without the value itself being stored.
     */
    public String keyedHash(String purpose, String value) {
        try {
            byte[] digest = prf.computePrimary((purpose + "\u0000" + value).getBytes(StandardCharsets.UTF_8), 32);
            return java.util.HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new SealingException("keyed hash computation failed");
        }
    }

    static String normalise(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; out.length() < length; ) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[i++] & 0xff);
                bits += 8;
            }
            out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
        return out.toString();
    }
}
