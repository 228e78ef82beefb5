package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Scrubs the members of one archive being rebuilt (zip, tar, 7z, the file inside a gzip): spools each to the work
 * folder with a size ceiling per member and per archive, types it by its bytes and scrubs it with the scrubber of
 * its type (archives in archives recursively). A member that is an executable, has no scrubber or fails is
 * reported as unscrubbable, so the archive leaves it out. One instance per archive; not thread-safe.
 */
final class ScrubArchiveMember {

    /** The time every member of a rebuilt archive carries: 1980-01-01, the earliest a zip entry can hold. */
    static final long FIXED_TIME_MILLIS = 315_532_800_000L;

    /** What every rebuild of an archive needs to scrub its members: the scrubbers to choose from and the typing. */
    record Members(ScrubMetadata scrubbers, ClassifyType classifyType) {

        /** The member scrubber of one rebuild, working next to its output. */
        ScrubArchiveMember forOutput(Path output) {
            return new ScrubArchiveMember(scrubbers, classifyType, output.toAbsolutePath().getParent());
        }
    }

    private final ScrubMetadata scrubbers;
    private final ClassifyType classifyType;
    private final Path workDir;
    private long total;

    ScrubArchiveMember(ScrubMetadata scrubbers, ClassifyType classifyType, Path workDir) {
        this.scrubbers = scrubbers;
        this.classifyType = classifyType;
        this.workDir = workDir;
    }

    /** A new empty file in the work folder for a member's copy; the caller deletes it. */
    Path newCopyFile() throws IOException {
        return Files.createTempFile(workDir, "archive-copy-", ".bin");
    }

    /**
     * Writes the scrubbed member to {@code copy} and returns the fields removed from it, or empty when the member
     * cannot be scrubbed. Throws only when the archive as a whole is too big (a suspected bomb).
     */
    Optional<List<String>> scrub(InputStream content, String name, Path copy) throws IOException {
        Path member = Files.createTempFile(workDir, "archive-member-", ".bin");
        try {
            total += copyBounded(content, member, RewritePackage.MAX_PART_BYTES);
            if (total > RewritePackage.MAX_PACKAGE_BYTES) {
                throw new IOException("archive too big: suspected zip bomb");
            }
            ClassifyType.Classification type = classifyType.classify(member, name, null);
            if (type.executable()) {
                return Optional.empty();
            }
            Optional<MetadataScrubber> scrubber = scrubbers.forType(type.detectedType());
            if (scrubber.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(scrubber.get().scrub(member, copy));
            } catch (Exception | StackOverflowError unscrubbable) {
                return Optional.empty();
            }
        } finally {
            Files.deleteIfExists(member);
        }
    }

    private static long copyBounded(InputStream in, Path target, long max) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                copied += read;
                if (copied > max) {
                    throw new IOException("archive member too big: suspected zip bomb");
                }
                out.write(buffer, 0, read);
            }
        }
        return copied;
    }
}
