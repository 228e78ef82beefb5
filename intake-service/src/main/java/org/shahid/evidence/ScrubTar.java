package org.shahid.evidence;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Rebuilds a tar archive from scrubbed members ({@link ScrubArchiveMember}): a new tar with nothing of the
 * original's headers: members named by {@link MemberNames} (flat, no folders), no owner or group names, uid and
 * gid 0, one fixed time, one file mode, no pax headers (so no {@code SCHILY.*} extended attributes,
 * {@code LIBARCHIVE.*} times or pax comments). Links, devices and members without a scrubber are left out with a
 * note. Thread-safe (a new rebuild per file).
 */
final class ScrubTar implements MetadataScrubber {

    private final ScrubArchiveMember.Members members;

    ScrubTar(ScrubArchiveMember.Members members) {
        this.members = members;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Set<String> removed = new LinkedHashSet<>();
        ScrubArchiveMember member = members.forOutput(output);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(input));
             TarArchiveInputStream tar = new TarArchiveInputStream(file, StandardCharsets.UTF_8.name());
             OutputStream target = Files.newOutputStream(output);
             TarArchiveOutputStream out = new TarArchiveOutputStream(target, StandardCharsets.UTF_8.name())) {
            int index = 0;
            int position = 0;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                recordHeader(entry, removed);
                if (entry.isDirectory()) {
                    continue;
                }
                if (!isRegularFile(entry)) {
                    removed.add("Tar:removed-link-or-device-" + ++index);
                    continue;
                }
                Path copy = member.newCopyFile();
                try {
                    Optional<List<String>> scrubbed = member.scrub(tar, entry.getName(), copy);
                    if (scrubbed.isEmpty()) {
                        removed.add("Archive:removed-unscrubbable-member-" + ++index);
                        continue;
                    }
                    String name = MemberNames.of(++position, copy, entry.getName());
                    removed.add(MemberNames.record(name, entry.getName()));
                    removed.addAll(MemberNames.nested("Member:", name, scrubbed.get()));
                    out.putArchiveEntry(entry(name, Files.size(copy)));
                    Files.copy(copy, out);
                    out.closeArchiveEntry();
                } finally {
                    Files.deleteIfExists(copy);
                }
            }
            out.finish();
        }
        return new ArrayList<>(removed);
    }

    /** Commons Compress counts a symbolic or hard link as a file too: it has no content of its own. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink() && !entry.isCharacterDevice()
                && !entry.isBlockDevice() && !entry.isFIFO();
    }

    /** Names (never quotes) what the original header carried about its maker. */
    private static void recordHeader(TarArchiveEntry entry, Set<String> removed) {
        if (!entry.getUserName().isEmpty()) {
            removed.add("Tar:owner-name");
        }
        if (!entry.getGroupName().isEmpty()) {
            removed.add("Tar:group-name");
        }
        if (entry.getLongUserId() != 0 || entry.getLongGroupId() != 0) {
            removed.add("Tar:owner-id");
        }
        if (entry.getModTime().getTime() != 0) {
            removed.add("Tar:modification-time");
        }
        if (!entry.getExtraPaxHeaders().isEmpty()) {
            removed.add("Tar:pax-headers");
        }
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        // The constructor fills in the account the service runs as; a copy names no account at all.
        entry.setUserName("");
        entry.setGroupName("");
        entry.setIds(0, 0);
        entry.setModTime(ScrubArchiveMember.FIXED_TIME_MILLIS);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
        entry.setSize(size);
        return entry;
    }
}
