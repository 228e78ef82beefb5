package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Rebuilds a gzip file (a single compressed file, a tar.gz among them) around the scrubbed copy of what it holds,
 * typed by its bytes ({@link ScrubArchiveMember}): the new header has no file name ({@code FNAME}), comment
 * ({@code FCOMMENT}), extra field or time ({@code MTIME} 0) and an unknown operating system. A gzip whose content
 * has no scrubber gets no copy at all, since nothing would be left. Thread-safe (a new rebuild per file).
 */
final class ScrubGzip implements MetadataScrubber {

    private static final int UNKNOWN_OPERATING_SYSTEM = 255;

    private final ScrubArchiveMember.Members members;

    ScrubGzip(ScrubArchiveMember.Members members) {
        this.members = members;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        List<String> removed = new ArrayList<>();
        ScrubArchiveMember member = members.forOutput(output);
        Path copy = member.newCopyFile();
        try {
            Optional<List<String>> scrubbed;
            try (InputStream file = Files.newInputStream(input);
                 GzipCompressorInputStream gzip = new GzipCompressorInputStream(file, true)) {
                // The header is read by the constructor: its metadata is known before the content.
                GzipParameters header = gzip.getMetaData();
                recordHeader(header, removed);
                scrubbed = member.scrub(gzip, header.getFileName(), copy);
            }
            if (scrubbed.isEmpty()) {
                throw new IOException("the compressed file has no scrubber");
            }
            // The one file of a gzip has no name in the copy: its members' renamings stay as they are.
            removed.addAll(MemberNames.nested("Member:", null, scrubbed.get()));
            GzipParameters plain = new GzipParameters();
            plain.setModificationTime(0);
            plain.setOperatingSystem(UNKNOWN_OPERATING_SYSTEM);
            try (OutputStream target = Files.newOutputStream(output);
                 GzipCompressorOutputStream out = new GzipCompressorOutputStream(target, plain)) {
                Files.copy(copy, out);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        return removed;
    }

    private static void recordHeader(GzipParameters header, List<String> removed) {
        if (header.getFileName() != null) {
            removed.add("Gzip:FNAME");
        }
        if (header.getComment() != null) {
            removed.add("Gzip:FCOMMENT");
        }
        if (header.getExtraField() != null) {
            removed.add("Gzip:FEXTRA");
        }
        if (header.getModificationTime() != 0) {
            removed.add("Gzip:MTIME");
        }
    }
}
