package org.shahid.sealing;

import com.codahale.shamir.Scheme;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds a custodian private key from k shares, in memory only, and checks that it is the key it claims to be
 * (its public half must equal the stored public key: shares of different keys or fewer than k shares join to
 * garbage, which this refuses). The joined bytes are zeroed before returning. Thread-safe (no state).
 */
public final class RebuildCustodianKey {

    /** An opened custodian key; drop it as soon as the records it was rebuilt for are open. */
    public record OpenedKey(long keyId, HybridDecrypt decrypt) {

        public byte[] open(byte[] ciphertext, String context) {
            try {
                if (CustodianEnvelope.isEnvelope(ciphertext)) {
                    return CustodianEnvelope.open(ciphertext, context, decrypt);
                }
                return decrypt.decrypt(ciphertext, CustodianPublicKey.contextInfo(context));
            } catch (GeneralSecurityException e) {
                throw new SealingException("a record sealed for the custodians does not open: wrong key or tampered");
            }
        }
    }

    public OpenedKey rebuild(CustodianPublicKey key, Collection<CustodianShare> shares) {
        Map<Integer, byte[]> parts = new HashMap<>();
        for (CustodianShare share : shares) {
            if (share.keyId() != key.id()) {
                throw new SealingException("share " + share.identity() + " belongs to another custodian key, not "
                        + CustodianShare.keyIdText(key.id()));
            }
            parts.put(share.index(), share.secret());
        }
        if (parts.size() < key.threshold()) {
            throw new SealingException(parts.size() + " distinct share(s) of key " + CustodianShare.keyIdText(key.id())
                    + "; " + key.threshold() + " are needed");
        }
        byte[] joined = new Scheme(new SecureRandom(), key.custodians(), key.threshold()).join(parts);
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(joined, InsecureSecretKeyAccess.get());
            byte[] publicHalf = TinkProtoKeysetFormat.serializeKeysetWithoutSecret(handle.getPublicKeysetHandle());
            if (!Arrays.equals(publicHalf, key.keyset())) {
                throw new SealingException("the shares do not rebuild custodian key "
                        + CustodianShare.keyIdText(key.id()));
            }
            return new OpenedKey(key.id(), handle.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class));
        } catch (GeneralSecurityException e) {
            throw new SealingException("the shares do not rebuild custodian key " + CustodianShare.keyIdText(key.id()));
        } finally {
            Arrays.fill(joined, (byte) 0);
        }
    }
}
