package org.shahid.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes EXIF, XMP and IPTC (GPS position, camera serial, owner, software) from HEIC/HEIF images, whose ISO boxes
 * no allowlist rewriter here handles, by running ExifTool ({@code exiftool -all=}, the ICC profile included) as a
 * child process of the extraction worker,
 * with a timeout. ExifTool rewrites only the metadata boxes and chunks; the coded image is copied untouched, so
 * the pixels stay identical. The removed fields are named by listing the file before and after. Thread-safe.
 */
final class ScrubWithExiftool implements MetadataScrubber {

    // "[EXIF]          GPSLatitude                     : 33 deg..." (exiftool -G0 -s): group and tag name only.
    private static final Pattern FIELD = Pattern.compile("^\\[([A-Za-z0-9_-]+)\\]\\s+([A-Za-z0-9_-]+)\\s*:");
    // Facts about the file itself, not metadata it carries.
    private static final Set<String> NOT_METADATA = Set.of("ExifTool", "File", "System", "Composite");

    private final String executable;
    private final Duration timeout;

    ScrubWithExiftool(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Path workDir = output.toAbsolutePath().getParent();
        Set<String> before = fieldNames(input, workDir);
        // exiftool -o refuses an existing target and picks the format by the target's extension: a fresh
        // extension-less name makes it keep the input's format.
        Path written = output.resolveSibling("exiftool-" + UUID.randomUUID());
        try {
            run(List.of("-all=", "-o", written.toString(), input.toAbsolutePath().toString()),
                    workDir);
            if (!Files.isRegularFile(written)) {
                throw new IOException("exiftool wrote no copy");
            }
            Set<String> after = fieldNames(written, workDir);
            Files.move(written, output, StandardCopyOption.REPLACE_EXISTING);
            List<String> removed = new ArrayList<>(before);
            removed.removeAll(after);
            return removed;
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /** Names ({@code EXIF:GPSLatitude}, {@code XMP:Creator}) of the metadata fields in a file; never values. */
    private Set<String> fieldNames(Path file, Path workDir) throws IOException, InterruptedException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : run(List.of("-a", "-G0", "-s", file.toAbsolutePath().toString()), workDir).split("\n")) {
            Matcher field = FIELD.matcher(line);
            if (field.find() && !NOT_METADATA.contains(field.group(1))) {
                names.add(field.group(1) + ":" + field.group(2));
            }
        }
        return names;
    }

    private String run(List<String> arguments, Path workDir) throws IOException, InterruptedException {
        return new RunExiftool(executable, timeout).run(arguments, workDir);
    }
}
