package org.shahid.sealing;

import com.google.crypto.tink.StreamingAead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files encrypted with Tink's streaming AEAD under {@code <data-dir>/sealed}: original mails and original
 * attachments, which carry identity (headers, EXIF, document authors). Memory stays flat whatever the size.
 * Writes go to a temporary file and are renamed into place, so a crash never leaves a half file under a
 * real key. Thread-safe.
 */
public final class SealedBlobStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[a-z]+/[0-9a-f-]{36,64}");

    private final Path root;
    private final StreamingAead streamingAead;

    public SealedBlobStore(Path dataDir, Keyring keyring) {
        this.root = dataDir.resolve("sealed");
        try {
            Files.createDirectories(root);
            this.streamingAead = keyring.streamingAead();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sealed store in " + root, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("streaming keyset unusable: " + e.getClass().getSimpleName());
        }
    }

    /** Seals bytes under a new random key in {@code namespace} (e.g. "mail"); returns the key. */
    public String put(String namespace, byte[] plaintext) {
        String key = namespace + "/" + UUID.randomUUID();
        write(key, plaintext);
        return key;
    }

    /** Seals bytes under a key derived from their SHA-256, so the same file is stored once. */
    public String putContentAddressed(String namespace, String sha256, byte[] plaintext) {
        String key = namespace + "/" + sha256;
        if (!Files.exists(fileOf(key))) {
            write(key, plaintext);
        }
        return key;
    }

    public byte[] read(String key) {
        try (InputStream in = streamingAead.newDecryptingStream(Files.newInputStream(fileOf(key)),
                associatedData(key))) {
            return in.readAllBytes();
        } catch (IOException | GeneralSecurityException e) {
            throw new SealingException("sealed file " + key + " does not open: missing, wrong key or tampered");
        }
    }

    public boolean exists(String key) {
        return Files.exists(fileOf(key));
    }

    /** Removes a sealed file for good (retention); true when it existed. */
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete sealed file " + key, e);
        }
    }

    private void write(String key, byte[] plaintext) {
        Path target = fileOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
            try (OutputStream out = streamingAead.newEncryptingStream(Files.newOutputStream(temporary),
                    associatedData(key))) {
                out.write(plaintext);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new SealingException("cannot write sealed file " + key + ": " + e.getClass().getSimpleName());
        }
    }

    private Path fileOf(String key) {
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a sealed-store key: " + key);
        }
        String name = key.substring(key.indexOf('/') + 1);
        return root.resolve(key.substring(0, key.indexOf('/'))).resolve(name.substring(0, 2)).resolve(name);
    }

    private static byte[] associatedData(String key) {
        return ("shahid-blob:" + key).getBytes(StandardCharsets.UTF_8);
    }
}
