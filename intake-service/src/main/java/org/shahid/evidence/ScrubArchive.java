package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Rebuilds a zip archive from scrubbed members: each member is typed by its bytes and scrubbed by the scrubber of
 * its type (archives in archives recursively), and a member that has none, or is an executable, is left out with a
 * note in the record. The new zip has the members' names and nothing else of the original's entries: no times, no
 * comments, no extra fields (which carry Unix owners and NTFS times). Members are read with a size ceiling.
 * Thread-safe (a new rebuild per file).
 */
final class ScrubArchive implements MetadataScrubber {

    private static final long ZIP_EPOCH = 315_532_800_000L;

    private final ScrubMetadata scrubbers;
    private final ClassifyType classifyType;

    ScrubArchive(ScrubMetadata scrubbers, ClassifyType classifyType) {
        this.scrubbers = scrubbers;
        this.classifyType = classifyType;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Set<String> removed = new LinkedHashSet<>();
        Path workDir = output.toAbsolutePath().getParent();
        long total = 0;
        try (ZipFile zip = ZipFile.builder().setPath(input).get();
             OutputStream file = Files.newOutputStream(output);
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            if (zip.getEntries().hasMoreElements() && zip.getEntries().nextElement().getComment() != null) {
                removed.add("Zip:comment");
            }
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            int index = 0;
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    throw new EncryptedFileException();
                }
                if (entry.isDirectory()) {
                    put(out, entry.getName(), null);
                    continue;
                }
                Path member = Files.createTempFile(workDir, "archive-member-", ".bin");
                Path copy = Files.createTempFile(workDir, "archive-copy-", ".bin");
                try {
                    try (InputStream in = zip.getInputStream(entry)) {
                        total += copyBounded(in, member, RewritePackage.MAX_PART_BYTES);
                    }
                    if (total > RewritePackage.MAX_PACKAGE_BYTES) {
                        throw new IOException("archive too big: suspected zip bomb");
                    }
                    Optional<List<String>> scrubbed = scrubMember(member, copy, entry.getName());
                    if (scrubbed.isEmpty()) {
                        removed.add("Archive:removed-unscrubbable-member-" + ++index);
                        continue;
                    }
                    scrubbed.get().forEach(field -> removed.add("Member:" + field));
                    put(out, entry.getName(), copy);
                } finally {
                    Files.deleteIfExists(member);
                    Files.deleteIfExists(copy);
                }
            }
        }
        return new ArrayList<>(removed);
    }

    private Optional<List<String>> scrubMember(Path member, Path copy, String name) {
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
    }

    private static void put(ZipArchiveOutputStream out, String name, Path content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(ZIP_EPOCH);
        out.putArchiveEntry(entry);
        if (content != null) {
            Files.copy(content, out);
        }
        out.closeArchiveEntry();
    }

    private static long copyBounded(InputStream in, Path target, long max) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > max) {
                    throw new IOException("archive member too big: suspected zip bomb");
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }
}
