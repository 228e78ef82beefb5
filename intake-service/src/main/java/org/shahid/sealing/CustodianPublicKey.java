package org.shahid.sealing;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * A custodian public key (Tink HPKE, X25519 / HKDF-SHA256 / AES-256-GCM) as stored in {@code custodian_key}:
 * anything can be sealed to it, nothing on the server opens it. Immutable and thread-safe.
 */
public final class CustodianPublicKey {

    static final String TEMPLATE = "DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM";

    static {
        try {
            HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id;
    private final byte[] keyset;
    private final int threshold;
    private final int custodians;
    private final HybridEncrypt encrypt;

    CustodianPublicKey(long id, byte[] keyset, int threshold, int custodians) {
        this.id = id;
        this.keyset = keyset.clone();
        this.threshold = threshold;
        this.custodians = custodians;
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseKeysetWithoutSecret(keyset);
            this.encrypt = handle.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
        } catch (GeneralSecurityException e) {
            throw new SealingException("custodian public key " + CustodianShare.keyIdText(id) + " is unusable");
        }
    }

    public long id() {
        return id;
    }

    public int threshold() {
        return threshold;
    }

    public int custodians() {
        return custodians;
    }

    byte[] keyset() {
        return keyset.clone();
    }

    /** Seals bytes to this key; {@code context} binds them to their place (a ticket, a file key). */
    byte[] seal(byte[] plaintext, String context) {
        try {
            return encrypt.encrypt(plaintext, contextInfo(context));
        } catch (GeneralSecurityException e) {
            throw new SealingException("sealing to the custodian key failed");
        }
    }

    /** A fresh envelope for the values of one mail: one encapsulation for all of them. */
    public CustodianEnvelope newEnvelope() {
        return CustodianEnvelope.sealedTo(this);
    }

    static byte[] contextInfo(String context) {
        return ("shahid-custodian:" + context).getBytes(StandardCharsets.UTF_8);
    }
}
