package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keeps embedded documents (archive members, a forwarded mail's attachments) as evidence of their own, inside
 * the child JVM: spools each to a file in the request's member folder (at most {@link #MAX_MEMBER_BYTES}),
 * classifies it, and writes its scrubbed copy next to it; the service then seals the original and stores the
 * copy. At most {@link #MAX_KEPT_BYTES} per attachment are kept; members beyond it are still read for text. One
 * instance per request; not thread-safe.
 */
final class MemberCopies {

    /** A member bigger than this is read for text but neither hashed nor kept (as a top-level attachment's limit). */
    static final long MAX_MEMBER_BYTES = 26_214_400L;
    /** Disk a single attachment's members may take in the work folder (originals; copies about as much again). */
    static final long MAX_KEPT_BYTES = 536_870_912L;

    /** A member spooled to {@code file}: complete when it fit {@link #MAX_MEMBER_BYTES} (then sha256 is set). */
    record Spooled(Path file, long size, String sha256, boolean complete) {
    }

    /** A kept member: where to read its text from (the copy when there is one), and what to report. */
    record Kept(ExtractedMember member, Optional<Path> textSource) {
    }

    private final Path folder;
    private final ScrubCopy scrubCopy;
    private final ClassifyType classifyType;
    private long keptBytes;

    MemberCopies(Path folder, ScrubCopy scrubCopy, ClassifyType classifyType) {
        this.folder = folder;
        this.scrubCopy = scrubCopy;
        this.classifyType = classifyType;
    }

    /** Copies the member's first {@link #MAX_MEMBER_BYTES} + 1 bytes to a file, hashing them. */
    Spooled spool(InputStream member, int index) throws IOException {
        Path file = folder.resolve("member-" + index + ".bin");
        MessageDigest digest = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            size = copy(member, out, MAX_MEMBER_BYTES + 1);
        }
        boolean complete = size <= MAX_MEMBER_BYTES;
        return new Spooled(file, size, complete ? HexFormat.of().formatHex(digest.digest()) : null, complete);
    }

    /** Whether the budget still holds this member; counts it when it does. */
    boolean reserve(Spooled spooled) {
        if (!spooled.complete() || keptBytes + spooled.size() > MAX_KEPT_BYTES) {
            return false;
        }
        keptBytes += spooled.size();
        return true;
    }

    /** Classifies a spooled member and writes its scrubbed copy; an executable is kept sealed, never opened. */
    Kept keep(Spooled spooled, int index, String name, String declaredType) {
        ClassifyType.Classification type = classifyType.classify(spooled.file(), name, declaredType);
        List<String> flags = new ArrayList<>(type.flags());
        String original = spooled.file().getFileName().toString();
        if (type.executable()) {
            return new Kept(new ExtractedMember(spooled.sha256(), spooled.size(), type.detectedType(), name, original,
                    null, List.of(), flags), Optional.empty());
        }
        Path copy = folder.resolve("member-" + index + "-copy.bin");
        ScrubCopy.Result result = scrubCopy.scrub(spooled.file(), copy, type.detectedType());
        flags.addAll(result.flags());
        List<String> removed = result.removed();
        boolean scrubbed = result.kept();
        return new Kept(new ExtractedMember(spooled.sha256(), spooled.size(), type.detectedType(), name, original,
                scrubbed ? copy.getFileName().toString() : null, removed, flags),
                Optional.of(scrubbed ? copy : spooled.file()));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The service deletes the whole member folder after the request.
        }
    }

    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < max) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, max - total));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
