package org.shahid.sealing;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts and decrypts small identity records with the sealing AEAD. The associated data binds a record
 * to its owner (for example {@code ticket:42}), so a record copied to another ticket fails to decrypt.
 * Tink prefixes each ciphertext with its key id, so records sealed before a key rotation still open.
 * Thread-safe.
 */
public final class Sealer {

    private final Keyring keyring;
    private final Aead aead;

    public Sealer(Keyring keyring) {
        this.keyring = keyring;
        try {
            this.aead = keyring.aead();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing keyset unusable: " + e.getClass().getSimpleName());
        }
    }

    public SealedValue seal(byte[] plaintext, String owner) {
        try {
            return new SealedValue(keyring.primaryAeadKeyId(), aead.encrypt(plaintext, owner(owner)));
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealing failed");
        }
    }

    /** Opens a sealed record; fails with {@link SealingException} on a wrong key or a wrong owner. */
    public byte[] open(byte[] ciphertext, String owner) {
        try {
            return aead.decrypt(ciphertext, owner(owner));
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealed record does not open for " + owner
                    + ": wrong key, wrong owner, or tampered");
        }
    }

    private static byte[] owner(String owner) {
        return ("shahid:" + owner).getBytes(StandardCharsets.UTF_8);
    }

    /** The ciphertext of a sealed record and the id of the key that sealed it. */
    public record SealedValue(long keyId, byte[] ciphertext) {
    }
}
