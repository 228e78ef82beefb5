package org.shahid.sealing;

import com.codahale.shamir.Scheme;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The key ceremony of {@code custodians init} and {@code custodians rotate}: generates a custodian key pair in
 * memory, splits its private keyset k of n with Shamir's secret sharing, encrypts each share under its custodian's
 * passphrase, stores only the public key (retiring the previous one, whose records stay readable with their old
 * shares) and zeroes the private bytes and shares. Thread-safe (no state).
 */
public final class CustodianCeremony {

    static {
        try {
            com.google.crypto.tink.hybrid.HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** PBKDF2 iterations for new shares (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_KDF_ITERATIONS = 600_000;

    /** The new key's id and each custodian's printable share, in custodian order (share 1 first). */
    public record Result(long keyId, List<String> printableShares) {
    }

    public Result create(Handle handle, int custodians, int threshold, List<char[]> passphrases, int iterations,
                         Instant now) {
        if (threshold < 2 || threshold > custodians || custodians > 255) {
            throw new IllegalArgumentException("need 2 <= threshold <= custodians <= 255, got threshold " + threshold
                    + " of " + custodians);
        }
        if (passphrases.size() != custodians) {
            throw new IllegalArgumentException("need one passphrase per custodian: " + custodians + " passphrases, got "
                    + passphrases.size());
        }
        for (char[] passphrase : passphrases) {
            if (passphrase.length < 12) {
                throw new IllegalArgumentException("each custodian passphrase needs at least 12 characters");
            }
        }
        byte[] privateKeyset = null;
        Map<Integer, byte[]> parts = Map.of();
        try {
            KeysetHandle keys = KeysetHandle.generateNew(KeyTemplates.get(CustodianPublicKey.TEMPLATE));
            long keyId = Integer.toUnsignedLong(keys.getPrimary().getId());
            byte[] publicKeyset = TinkProtoKeysetFormat.serializeKeysetWithoutSecret(keys.getPublicKeysetHandle());
            privateKeyset = TinkProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get());
            parts = new Scheme(new SecureRandom(), custodians, threshold).split(privateKeyset);
            List<String> printable = new ArrayList<>();
            for (int index = 1; index <= custodians; index++) {
                CustodianShare share = new CustodianShare(keyId, index, threshold, custodians, parts.get(index));
                printable.add(share.toPrintable(passphrases.get(index - 1), iterations));
            }
            handle.createUpdate("UPDATE custodian_key SET retired_at = :now WHERE retired_at IS NULL")
                    .bind("now", now).execute();
            handle.createUpdate("""
                            INSERT INTO custodian_key (id, public_keyset, threshold, custodians, created_at)
                            VALUES (:id, :keyset, :threshold, :custodians, :now)""")
                    .bind("id", keyId).bind("keyset", publicKeyset).bind("threshold", threshold)
                    .bind("custodians", custodians).bind("now", now).execute();
            return new Result(keyId, List.copyOf(printable));
        } catch (GeneralSecurityException e) {
            throw new SealingException("custodian key generation failed: " + e.getClass().getSimpleName());
        } finally {
            if (privateKeyset != null) {
                Arrays.fill(privateKeyset, (byte) 0);
            }
            parts.values().forEach(part -> Arrays.fill(part, (byte) 0));
        }
    }
}
