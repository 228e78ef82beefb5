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
 * note in the record. The new zip keeps nothing of the original's entries: members are named by
 * {@link MemberNames} (flat, no folders; the record maps new names to the originals), and have no times, comments
 * or extra fields (which carry Unix owners and NTFS times). Members are read with a size ceiling.
 * Thread-safe (a new rebuild per file).
 */
final class ScrubArchive implements MetadataScrubber {

    private final ScrubArchiveMember.Members members;

    ScrubArchive(ScrubArchiveMember.Members members) {
        this.members = members;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Set<String> removed = new LinkedHashSet<>();
        ScrubArchiveMember member = members.forOutput(output);
        try (ZipFile zip = ZipFile.builder().setPath(input).get();
             OutputStream file = Files.newOutputStream(output);
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            if (zip.getEntries().hasMoreElements() && zip.getEntries().nextElement().getComment() != null) {
                removed.add("Zip:comment");
            }
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            int index = 0;
            int position = 0;
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    throw new EncryptedFileException();
                }
                if (entry.isDirectory()) {
                    continue;
                }
                Path copy = member.newCopyFile();
                try {
                    Optional<List<String>> scrubbed;
                    try (InputStream in = zip.getInputStream(entry)) {
                        scrubbed = member.scrub(in, entry.getName(), copy);
                    }
                    if (scrubbed.isEmpty()) {
                        removed.add("Archive:removed-unscrubbable-member-" + ++index);
                        continue;
                    }
                    String name = MemberNames.of(++position, copy, entry.getName());
                    removed.add(MemberNames.record(name, entry.getName()));
                    removed.addAll(MemberNames.nested("Member:", name, scrubbed.get()));
                    put(out, name, copy);
                } finally {
                    Files.deleteIfExists(copy);
                }
            }
        }
        return new ArrayList<>(removed);
    }

    private static void put(ZipArchiveOutputStream out, String name, Path content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(ScrubArchiveMember.FIXED_TIME_MILLIS);
        out.putArchiveEntry(entry);
        Files.copy(content, out);
        out.closeArchiveEntry();
    }
}
