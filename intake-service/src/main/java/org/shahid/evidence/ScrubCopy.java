package org.shahid.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the copy monitors may receive: scrubs the file with the {@link MetadataScrubber} of its type, then has
 * {@link CheckScrubbedCopy} compare it with the original. A copy is kept only when the check finds no identifying
 * value of the original in it; otherwise it is deleted (flag {@code scrub-incomplete}, with the field names in the
 * note), and without a working check it is not kept either ({@code scrub-unchecked}). Plain text carries no
 * metadata container and is not checked. Used by the extraction child for attachments and their members.
 * Not thread-safe (the worker is single-threaded).
 */
final class ScrubCopy {

    /** Whether a copy was kept in {@code output}, the removed field names, flags and notes. */
    record Result(boolean kept, List<String> removed, List<String> flags, List<String> notes) {
    }

    private static final Set<String> UNCHECKED_TYPES = Set.of("text/plain", "text/csv");

    private final ScrubMetadata scrubbers;
    private final Optional<CheckScrubbedCopy> check;

    /** {@code check} empty: ExifTool is missing, so no copy is ever kept. */
    ScrubCopy(ScrubMetadata scrubbers, Optional<CheckScrubbedCopy> check) {
        this.scrubbers = scrubbers;
        this.check = check;
    }

    Result scrub(Path input, Path output, String detectedType) {
        Optional<MetadataScrubber> scrubber = scrubbers.forType(detectedType);
        if (scrubber.isEmpty()) {
            return withheld(output, List.of(), "not-scrubbed", null);
        }
        List<String> removed;
        try {
            removed = scrubber.get().scrub(input, output);
        } catch (MetadataScrubber.EncryptedFileException encrypted) {
            return withheld(output, List.of(), "encrypted", "encrypted: no clean copy without its password");
        } catch (Exception | StackOverflowError failure) {
            return withheld(output, List.of(), ExtractText.isZipBomb(failure, null) ? "zip-bomb" : "scrub-failed",
                    "scrubbing failed: " + ExtractText.rootType(failure));
        }
        if (UNCHECKED_TYPES.contains(detectedType)) {
            return new Result(true, removed, List.of(), List.of());
        }
        if (check.isEmpty()) {
            return withheld(output, removed, "scrub-unchecked", "copy withheld: no check by difference (exiftool)");
        }
        CheckScrubbedCopy.Verdict verdict;
        try {
            verdict = check.get().check(input, output, output.toAbsolutePath().getParent());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return withheld(output, removed, "scrub-unchecked", "copy withheld: check interrupted");
        } catch (Exception failure) {
            return withheld(output, removed, "scrub-unchecked", "copy withheld: check failed: "
                    + ExtractText.rootType(failure));
        }
        Set<String> allRemoved = new LinkedHashSet<>(removed);
        allRemoved.addAll(verdict.removed());
        if (!verdict.survivors().isEmpty()) {
            allRemoved.removeAll(verdict.survivors());
            return withheld(output, new ArrayList<>(allRemoved), "scrub-incomplete",
                    "copy withheld: metadata survived scrubbing in " + String.join(" ", verdict.survivors()));
        }
        return new Result(true, new ArrayList<>(allRemoved), List.of(), List.of());
    }

    private static Result withheld(Path output, List<String> removed, String flag, String note) {
        try {
            Files.deleteIfExists(output);
        } catch (java.io.IOException ignored) {
            // The service deletes the request's work files afterwards.
        }
        return new Result(false, removed, List.of(flag), note == null ? List.of() : List.of(note));
    }
}
