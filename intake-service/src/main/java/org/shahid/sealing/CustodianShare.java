package org.shahid.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One custodian's Shamir share of one custodian private key, and its printable, passphrase-encrypted form: an
 * ASCII block (PBKDF2-HMAC-SHA256, then AES-256-GCM over the share, its header as associated data) that can be
 * kept as a file or printed on paper and typed back. Holds the share in clear only in memory; {@link #wipe()}
 * zeroes it. Not thread-safe.
 */
public final class CustodianShare {

    static final String BEGIN = "-----BEGIN SHAHID CUSTODIAN SHARE-----";
    static final String END = "-----END SHAHID CUSTODIAN SHARE-----";
    private static final String KDF = "PBKDF2-HMAC-SHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long keyId;
    private final int index;
    private final int threshold;
    private final int custodians;
    private final byte[] secret;

    CustodianShare(long keyId, int index, int threshold, int custodians, byte[] secret) {
        this.keyId = keyId;
        this.index = index;
        this.threshold = threshold;
        this.custodians = custodians;
        this.secret = secret;
    }

    public long keyId() {
        return keyId;
    }

    public int index() {
        return index;
    }

    public int threshold() {
        return threshold;
    }

    public int custodians() {
        return custodians;
    }

    byte[] secret() {
        return secret;
    }

    /** How the audit names the custodian: the share's key and number, e.g. {@code key 1A2B3C4D share 2}. */
    public String identity() {
        return "key " + keyIdText(keyId) + " share " + index;
    }

    public static String keyIdText(long keyId) {
        return String.format("%08X", keyId);
    }

    public void wipe() {
        Arrays.fill(secret, (byte) 0);
    }

    /** The printable form, encrypted under the custodian's passphrase. */
    public String toPrintable(char[] passphrase, int iterations) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        Base64.Encoder base64 = Base64.getEncoder();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Key", keyIdText(keyId));
        header.put("Share", index + " of " + custodians + ", threshold " + threshold);
        header.put("KDF", KDF + " " + iterations);
        header.put("Salt", base64.encodeToString(salt));
        header.put("Nonce", base64.encodeToString(nonce));
        byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, passphrase, salt, iterations, nonce, headerText(header), secret);
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        out.append(headerText(header)).append('\n');
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ciphertext);
        out.append(body).append('\n').append(END).append('\n');
        return out.toString();
    }

    /**
     * Reads a printable share and decrypts it with the passphrase; a wrong passphrase or a damaged block fails with a
     * {@link SealingException} that says so and nothing more.
     */
    public static CustodianShare fromPrintable(String text, char[] passphrase) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new SealingException("not a Shahid custodian share (no BEGIN/END lines)");
        }
        Map<String, String> header = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        for (String line : text.substring(begin + BEGIN.length(), end).strip().split("\\R")) {
            int colon = line.indexOf(": ");
            if (body.length() == 0 && colon > 0 && !line.isBlank()) {
                header.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            } else if (!line.isBlank()) {
                body.append(line.strip());
            }
        }
        try {
            long keyId = Long.parseLong(header.get("Key"), 16);
            String[] share = header.get("Share").replace(",", "").split(" ");
            int index = Integer.parseInt(share[0]);
            int custodians = Integer.parseInt(share[2]);
            int threshold = Integer.parseInt(share[4]);
            String[] kdf = header.get("KDF").split(" ");
            if (!KDF.equals(kdf[0])) {
                throw new SealingException("share uses an unknown key derivation: " + kdf[0]);
            }
            int iterations = Integer.parseInt(kdf[1]);
            byte[] salt = Base64.getDecoder().decode(header.get("Salt"));
            byte[] nonce = Base64.getDecoder().decode(header.get("Nonce"));
            byte[] ciphertext = Base64.getDecoder().decode(body.toString());
            byte[] secret = gcm(Cipher.DECRYPT_MODE, passphrase, salt, iterations, nonce, headerText(header),
                    ciphertext);
            return new CustodianShare(keyId, index, threshold, custodians, secret);
        } catch (NullPointerException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new SealingException("the custodian share is damaged: its header cannot be read");
        }
    }

    /** A short fingerprint of the share's secret, for telling two shares apart without showing either. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String headerText(Map<String, String> header) {
        StringBuilder text = new StringBuilder();
        header.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    private static byte[] gcm(int mode, char[] passphrase, byte[] salt, int iterations, byte[] nonce,
                              String associated, byte[] input) {
        byte[] derived = null;
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealingException("the passphrase does not open this custodian share (or the share is damaged)");
        } catch (GeneralSecurityException e) {
            throw new SealingException("the custodian share cannot be processed: " + e.getClass().getSimpleName());
        } finally {
            spec.clearPassword();
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }
}
