package org.shahid.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;

/**
 * Rebuilds a 7z archive from scrubbed members ({@link ScrubArchiveMember}): a new archive with nothing of the
 * original's entries: members named by {@link MemberNames} (flat, no folders), no creation or access times, one
 * fixed modification time, no Windows or Unix attributes. Members without a scrubber are left out with a note; an
 * encrypted archive gets no copy. The decoder's memory is capped at {@link #MAX_DECODER_KIB} (a dictionary bigger
 * than the child's heap is a bomb), and the copy is deflated, which needs no large encoder buffers. Thread-safe (a
 * new rebuild per file).
 */
final class ScrubSevenZip implements MetadataScrubber {

    private static final int MAX_DECODER_KIB = 64 * 1024;

    private final ScrubArchiveMember.Members members;

    ScrubSevenZip(ScrubArchiveMember.Members members) {
        this.members = members;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Set<String> removed = new LinkedHashSet<>();
        ScrubArchiveMember member = members.forOutput(output);
        try (SevenZFile archive = SevenZFile.builder().setPath(input).setMaxMemoryLimitKiB(MAX_DECODER_KIB).get();
             SevenZOutputFile out = new SevenZOutputFile(output.toFile())) {
            out.setContentCompression(SevenZMethod.DEFLATE);
            int index = 0;
            int position = 0;
            for (SevenZArchiveEntry entry : archive.getEntries()) {
                recordEntry(entry, removed);
                if (entry.isAntiItem() || entry.isDirectory()) {
                    continue;
                }
                Path copy = member.newCopyFile();
                try {
                    Optional<List<String>> scrubbed = member.scrub(archive.getInputStream(entry), entry.getName(), copy);
                    if (scrubbed.isEmpty()) {
                        removed.add("Archive:removed-unscrubbable-member-" + ++index);
                        continue;
                    }
                    String name = MemberNames.of(++position, copy, entry.getName());
                    removed.add(MemberNames.record(name, entry.getName()));
                    removed.addAll(MemberNames.nested("Member:", name, scrubbed.get()));
                    out.putArchiveEntry(entry(name));
                    out.write(Files.readAllBytes(copy));
                    out.closeArchiveEntry();
                } finally {
                    Files.deleteIfExists(copy);
                }
            }
            out.finish();
        } catch (PasswordRequiredException encrypted) {
            throw new EncryptedFileException();
        }
        return new ArrayList<>(removed);
    }

    private static void recordEntry(SevenZArchiveEntry entry, Set<String> removed) {
        if (entry.getHasCreationDate() || entry.getHasAccessDate() || entry.getHasLastModifiedDate()) {
            removed.add("7z:times");
        }
        if (entry.getHasWindowsAttributes()) {
            removed.add("7z:attributes");
        }
    }

    private static SevenZArchiveEntry entry(String name) {
        SevenZArchiveEntry entry = new SevenZArchiveEntry();
        entry.setName(name);
        entry.setDirectory(false);
        entry.setHasStream(true);
        // One fixed time rather than none: readers (Tika among them) expect each entry to have one.
        entry.setLastModifiedDate(new java.util.Date(ScrubArchiveMember.FIXED_TIME_MILLIS));
        return entry;
    }
}
