package org.shahid.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the {@link MetadataScrubber} for a detected type. Plain text carries no document metadata and is
 * passed through; WebP and HEIC are scrubbed by ExifTool when it is installed; a type without a scrubber gets no
 * copy for monitors at all (they see its extracted text). Runs in the child JVM. Thread-safe.
 */
final class ScrubMetadata {

    static final MetadataScrubber PASS_THROUGH = (input, output) -> {
        Files.copy(input, output, StandardCopyOption.REPLACE_EXISTING);
        return List.of();
    };

    private static final Set<String> EXIFTOOL_TYPES = Set.of("image/heic", "image/heif");

    private final Optional<MetadataScrubber> exiftool;
    private final java.util.Map<String, MetadataScrubber> replaced;

    /** {@code exiftoolTimeout} empty: ExifTool is not installed, HEIC gets no copy. */
    ScrubMetadata(Optional<Duration> exiftoolTimeout) {
        this(exiftoolTimeout.map(timeout -> new ScrubWithExiftool("exiftool", timeout)), java.util.Map.of());
    }

    private ScrubMetadata(Optional<MetadataScrubber> exiftool, java.util.Map<String, MetadataScrubber> replaced) {
        this.exiftool = exiftool;
        this.replaced = replaced;
    }

    /** The same choice with one type's scrubber replaced (tests disable a scrubber to see the check catch it). */
    ScrubMetadata replacing(String detectedType, MetadataScrubber scrubber) {
        java.util.Map<String, MetadataScrubber> changed = new java.util.HashMap<>(replaced);
        changed.put(detectedType, scrubber);
        return new ScrubMetadata(exiftool, java.util.Map.copyOf(changed));
    }

    Optional<MetadataScrubber> forType(String detectedType) {
        String type = detectedType == null ? "" : detectedType;
        if (replaced.containsKey(type)) {
            return Optional.of(replaced.get(type));
        }
        if (type.equals("image/jpeg")) {
            return Optional.of(new ScrubJpeg());
        }
        if (type.equals("image/png")) {
            return Optional.of(new ScrubPng());
        }
        if (type.equals("image/gif")) {
            return Optional.of(new ScrubGif());
        }
        if (type.equals("image/webp")) {
            return Optional.of(new ScrubWebp());
        }
        if (EXIFTOOL_TYPES.contains(type)) {
            return exiftool;
        }
        if (type.equals("application/pdf")) {
            return Optional.of(new ScrubPdf());
        }
        if (type.startsWith("application/vnd.openxmlformats-officedocument.")) {
            return Optional.of(new ScrubOoxml());
        }
        if (type.startsWith("application/vnd.oasis.opendocument.")) {
            return Optional.of(new ScrubOdf());
        }
        if (type.equals("text/plain") || type.equals("text/csv")) {
            return Optional.of(PASS_THROUGH);
        }
        return Optional.empty();
    }
}
