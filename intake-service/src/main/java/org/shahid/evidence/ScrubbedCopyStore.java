package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The copies monitors receive, scrubbed of identifying metadata, stored UNENCRYPTED and content-addressed
 * under {@code <data-dir>/evidence/<first two hex digits>/<sha256>}: a file is kept once however many reports
 * carry it, and its name is its integrity proof. Files are moved into place atomically. Thread-safe.
 */
public final class ScrubbedCopyStore {

    /** A stored copy: its SHA-256 and size. */
    public record StoredCopy(String sha256, long size) {
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public ScrubbedCopyStore(Path dataDir) {
        this.root = dataDir.resolve("evidence");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evidence store in " + root, e);
        }
    }

    /** Hashes {@code file} while reading it once, then moves it into the store (or drops it when already there). */
    public StoredCopy put(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            long size = Files.size(file);
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(target.getParent());
                move(file, target);
            }
            return new StoredCopy(sha256, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a scrubbed copy", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    public Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(from, to);
            } catch (FileAlreadyExistsException alreadyThere) {
                Files.deleteIfExists(from);
            }
        }
    }
}
