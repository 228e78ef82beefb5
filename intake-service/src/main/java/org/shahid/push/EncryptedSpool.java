package org.shahid.push;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * One pushed mail too large to hold in memory, written to a file in the work folder while it is read, encrypted
 * under a key that exists only in this object's memory, so the file holds no readable address even while it exists
 * and is noise after a crash. Segmented streaming AEAD (4 KB segments) makes reading at any offset cheap. The file
 * is deleted on {@link #close()}. One per mail, used by one thread.
 */
final class EncryptedSpool implements AutoCloseable {

    private static final String TEMPLATE = "AES128_GCM_HKDF_4KB";
    private static final byte[] ASSOCIATED_DATA = "shahid push spool".getBytes(StandardCharsets.US_ASCII);

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's streaming AEAD cannot be registered", e);
        }
    }

    private final Path file;
    private final StreamingAead aead;
    private SeekableByteChannel reading;
    private long written;

    private EncryptedSpool(Path file, StreamingAead aead) {
        this.file = file;
        this.aead = aead;
    }

    /** A new, empty spool file in {@code workFolder} (created if missing), readable by this account only. */
    static EncryptedSpool create(Path workFolder) throws IOException {
        Files.createDirectories(workFolder);
        Path file = Files.createTempFile(workFolder, "push-", ".spool");
        try {
            KeysetHandle ephemeral = KeysetHandle.generateNew(KeyTemplates.get(TEMPLATE));
            return new EncryptedSpool(file, ephemeral.getPrimitive(RegistryConfiguration.get(), StreamingAead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw new IOException("no ephemeral spool key (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Deletes spool files older than {@code age} in {@code workFolder}: what a crash left behind. They are noise
     * (their keys died with the process), but nothing else would ever remove them. A spool lives for seconds; the
     * age keeps a spool of another instance sharing the folder safe. Returns how many went.
     */
    static int removeAbandoned(Path workFolder, java.time.Duration age) throws IOException {
        if (!Files.isDirectory(workFolder)) {
            return 0;
        }
        java.time.Instant before = java.time.Instant.now().minus(age);
        int removed = 0;
        try (var spools = Files.newDirectoryStream(workFolder, "push-*.spool")) {
            for (Path spool : spools) {
                if (Files.getLastModifiedTime(spool).toInstant().isBefore(before) && Files.deleteIfExists(spool)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Where the mail is written, once; closing it finishes the file. */
    OutputStream writer() throws IOException {
        OutputStream file = Files.newOutputStream(this.file);
        OutputStream encrypting;
        try {
            encrypting = aead.newEncryptingStream(file, ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            file.close();
            throw new IOException("the spool cannot be encrypted", e);
        }
        // Counted here: the decrypting channel knows its size only after a first read.
        return new FilterOutputStream(encrypting) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                written += length;
            }
        };
    }

    /** The written mail, decrypted as it is read, at any offset; valid until the spool is closed. */
    InputStream reader() throws IOException {
        SeekableByteChannel encrypted = Files.newByteChannel(file);
        try {
            reading = aead.newSeekableDecryptingChannel(encrypted, ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            encrypted.close();
            throw new IOException("the spool cannot be decrypted", e);
        }
        return ChannelSharedInputStream.over(reading, written);
    }

    @Override
    public void close() throws IOException {
        try {
            if (reading != null) {
                reading.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
