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
 * Files under {@code <data-dir>/sealed}: original mails, quarantined mails and original attachments, which carry
 * identity (headers, EXIF, document authors). Original and quarantined mails are sealed to the active custodian
 * key (keys {@code custodian-mail/…}, {@code custodian-quarantine/…}) once {@code custodians init} has run, so the
 * server cannot open them; attachments stay under the server's streaming key until their examination is done,
 * then {@link #sealForCustodians} moves them to the custodian key. Server-sealed files stream with flat memory.
 * Writes go to a temporary file and are renamed into place, so a crash never leaves a half file under a real key.
 * Thread-safe.
 */
public final class SealedBlobStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[a-z]+(-[a-z]+)?/[0-9a-f-]{36,64}");
    /** The prefix of namespaces sealed to a custodian key. */
    public static final String CUSTODIAN_PREFIX = "custodian-";
    /** Namespaces whose files nobody on the server needs to read again once written. */
    private static final java.util.Set<String> CUSTODIAN_NAMESPACES = java.util.Set.of("mail", "quarantine");

    private final Path root;
    private final StreamingAead streamingAead;
    private final CustodianKeys custodians;

    public SealedBlobStore(Path dataDir, Keyring keyring) {
        this(dataDir, keyring, null);
    }

    /** With {@code custodians}, original and quarantined mails go to the active custodian key when there is one. */
    public SealedBlobStore(Path dataDir, Keyring keyring, CustodianKeys custodians) {
        this.custodians = custodians;
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

    /** Where {@link #seal} put a file: its key, and the custodian key it is sealed to (null: the server key). */
    public record Stored(String key, Long custodianKeyId) {
    }

    /** Seals bytes under a new random key in {@code namespace} (e.g. "mail"); returns the key. */
    public String put(String namespace, byte[] plaintext) {
        return seal(namespace, plaintext).key();
    }

    /** As {@link #put}, also naming the custodian key a file of a custodian namespace went to. */
    public Stored seal(String namespace, byte[] plaintext) {
        return seal(namespace, plaintext, null);
    }

    /**
     * As {@link #put}; a file of a custodian namespace is sealed in {@code envelope} (the envelope of the mail it
     * belongs to) when one is given, else to the active custodian key alone.
     */
    public String put(String namespace, byte[] plaintext, CustodianEnvelope envelope) {
        return seal(namespace, plaintext, envelope).key();
    }

    /** A new envelope for the values of one mail, for the active custodian key; empty before {@code custodians init}. */
    public java.util.Optional<CustodianEnvelope> newCustodianEnvelope() {
        return custodians == null ? java.util.Optional.empty() : custodians.active().map(CustodianPublicKey::newEnvelope);
    }

    private Stored seal(String namespace, byte[] plaintext, CustodianEnvelope envelope) {
        String name = UUID.randomUUID().toString();
        boolean forCustodians = custodians != null && CUSTODIAN_NAMESPACES.contains(namespace);
        if (forCustodians && envelope != null) {
            String key = CUSTODIAN_PREFIX + namespace + "/" + name;
            writeSealed(key, envelope.seal(plaintext, "blob:" + key));
            return new Stored(key, envelope.keyId());
        }
        java.util.Optional<CustodianPublicKey> custodianKey = forCustodians ? custodians.active()
                : java.util.Optional.empty();
        if (custodianKey.isPresent()) {
            String key = CUSTODIAN_PREFIX + namespace + "/" + name;
            writeForCustodians(key, plaintext, custodianKey.get());
            return new Stored(key, custodianKey.get().id());
        }
        String key = namespace + "/" + name;
        write(key, plaintext);
        return new Stored(key, null);
    }

    /** True for keys of files that only the custodians' key opens. */
    public static boolean isCustodianSealed(String key) {
        return key != null && key.startsWith(CUSTODIAN_PREFIX);
    }

    /**
     * Re-seals a server-sealed file to a custodian key under {@code custodian-<namespace>/<same name>} and deletes
     * the server-readable one; returns the new key. Safe to repeat after a crash (the same name is overwritten).
     */
    public String sealForCustodians(String key, CustodianPublicKey custodianKey) {
        if (isCustodianSealed(key)) {
            return key;
        }
        String target = CUSTODIAN_PREFIX + key;
        if (exists(key)) {
            byte[] plaintext = read(key);
            try {
                writeForCustodians(target, plaintext, custodianKey);
            } finally {
                java.util.Arrays.fill(plaintext, (byte) 0);
            }
            delete(key);
        }
        return target;
    }

    /** Opens a custodian-sealed file with a rebuilt custodian key (audited unsealing only). */
    public byte[] readWithCustodianKey(String key, RebuildCustodianKey.OpenedKey opened) {
        try {
            return opened.open(Files.readAllBytes(fileOf(key)), "blob:" + key);
        } catch (IOException e) {
            throw new SealingException("sealed file " + key + " is missing");
        }
    }

    /** Every sealed file's key, with its last change (retention's orphan scan, the seized-server test). */
    public java.util.Map<String, java.time.Instant> list() {
        java.util.Map<String, java.time.Instant> keys = new java.util.TreeMap<>();
        if (!Files.isDirectory(root)) {
            return keys;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                String namespace = root.relativize(file).getName(0).toString();
                keys.put(namespace + "/" + name, Files.getLastModifiedTime(file).toInstant());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sealed store", e);
        }
        return keys;
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
        if (isCustodianSealed(key)) {
            throw new SealingException("sealed file " + key + " opens only with the custodians' key");
        }
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

    private void writeForCustodians(String key, byte[] plaintext, CustodianPublicKey custodianKey) {
        writeSealed(key, custodianKey.seal(plaintext, "blob:" + key));
    }

    private void writeSealed(String key, byte[] sealed) {
        Path target = fileOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
            Files.write(temporary, sealed);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
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
