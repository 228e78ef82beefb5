package org.shahid.sealing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The values of one mail sealed to the custodians under one HPKE encapsulation: a fresh AES-256-GCM data key is
 * sealed once to the custodian key, and the mail's original and its sender's identity record are each encrypted
 * under it, bound to their own place as a value sealed alone is. Each HPKE seal costs two X25519 multiplications in
 * Tink's pure-Java curve (0.3 ms here); with one per value they took a fifth of intake's CPU for a text mail (the
 * JIT compilers' share aside).
 *
 * <p>A sealed value is {@code "SEN1"}, the length of the sealed data key (two bytes), the sealed data key, then the
 * AES-GCM ciphertext (nonce first). Tink's own ciphertexts start with its prefix byte (1 for the custodian keys'
 * template), so {@link RebuildCustodianKey.OpenedKey#open} tells the two apart by the first bytes. The data key
 * exists in memory only, for the mail's intake. Thread-safe.
 */
public final class CustodianEnvelope {

    private static final byte[] MAGIC = {'S', 'E', 'N', '1'};
    private static final String DATA_KEY_CONTEXT = "envelope-data-key";
    private static final int DATA_KEY_BYTES = 32;

    private final long keyId;
    private final byte[] sealedDataKey;
    private final Aead aead;

    private CustodianEnvelope(long keyId, byte[] sealedDataKey, Aead aead) {
        this.keyId = keyId;
        this.sealedDataKey = sealedDataKey;
        this.aead = aead;
    }

    /** A new envelope whose data key only {@code key}'s custodians can open. */
    static CustodianEnvelope sealedTo(CustodianPublicKey key) {
        byte[] dataKey = Random.randBytes(DATA_KEY_BYTES);
        try {
            return new CustodianEnvelope(key.id(), key.seal(dataKey, DATA_KEY_CONTEXT), new AesGcmJce(dataKey));
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealing to the custodian key failed");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The custodian key that opens what this envelope seals. */
    public long keyId() {
        return keyId;
    }

    /** Seals bytes under the envelope's data key; {@code context} binds them to their place (a ticket, a file key). */
    byte[] seal(byte[] plaintext, String context) {
        byte[] ciphertext;
        try {
            ciphertext = aead.encrypt(plaintext, CustodianPublicKey.contextInfo(context));
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealing to the custodian key failed");
        }
        return ByteBuffer.allocate(MAGIC.length + 2 + sealedDataKey.length + ciphertext.length)
                .put(MAGIC).putShort((short) sealedDataKey.length).put(sealedDataKey).put(ciphertext).array();
    }

    static boolean isEnvelope(byte[] sealed) {
        return sealed.length > MAGIC.length + 2 && Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Opens a value sealed by an envelope, with the rebuilt custodian key's decryption. */
    static byte[] open(byte[] sealed, String context, HybridDecrypt decrypt) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        in.position(MAGIC.length);
        int keyLength = Short.toUnsignedInt(in.getShort());
        if (keyLength > in.remaining()) {
            throw new GeneralSecurityException("truncated envelope");
        }
        byte[] sealedKey = new byte[keyLength];
        in.get(sealedKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        byte[] dataKey = decrypt.decrypt(sealedKey, CustodianPublicKey.contextInfo(DATA_KEY_CONTEXT));
        try {
            return new AesGcmJce(dataKey).decrypt(ciphertext, CustodianPublicKey.contextInfo(context));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
