package org.shahid.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shahid.sealing.RedactIdentity;
import org.shahid.parsing.MailLimits;
import org.shahid.parsing.MailParser;
import org.shahid.parsing.UnparseableMailException;

/**
 * Text read from an original rather than from a kept scrubbed copy (the copy was withheld, the type has no
 * scrubber, or the file only wraps others) can carry what the copy would not: comment and annotation authors,
 * a forwarded mail's people. Every identifying metadata value of the original, from the same listing the check by
 * difference makes ({@link InventoryMetadata}), is replaced in that text by {@link #PLACEHOLDER}; an attached
 * mail's text also loses everyone its header names, redacted as a reporter's mail at intake. Without a listing
 * (no ExifTool, or it failed) the text is not kept at all. Runs in the extraction child. Not thread-safe.
 */
final class RedactOriginalText {

    static final String PLACEHOLDER = "[metadata removed]";
    private static final MailParser PARSER = new MailParser(MailLimits.DEFAULTS);

    private final Optional<InventoryMetadata> inventory;

    /** {@code exiftool} empty: ExifTool is missing, so no text of an original is ever kept. */
    RedactOriginalText(Optional<ExiftoolSession> exiftool) {
        this.inventory = exiftool.map(InventoryMetadata::new);
    }

    /** The text without the original's metadata values, or empty when the original could not be listed. */
    Optional<String> redact(Path original, String detectedType, String text, Path workDir) {
        if (text.isEmpty()) {
            return Optional.of(text);
        }
        if (inventory.isEmpty()) {
            return Optional.empty();
        }
        InventoryMetadata.Inventory listed;
        try {
            listed = inventory.get().of(original, workDir);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | RuntimeException unlisted) {
            return Optional.empty();
        }
        if (!listed.complete()) {
            return Optional.empty();
        }
        String redacted = withoutValues(text, identifyingValues(listed.fields()));
        return "message/rfc822".equals(detectedType) ? withoutPeopleOfMail(original, redacted) : Optional.of(redacted);
    }

    private static Set<String> identifyingValues(Map<String, Set<String>> fields) {
        Set<String> values = new LinkedHashSet<>();
        fields.forEach((field, set) -> set.stream().filter(value -> CheckScrubbedCopy.identifying(field, value))
                .map(String::strip).forEach(values::add));
        return values;
    }

    /** Longest first, so a whole name goes before a shorter value inside it; letter case does not matter. */
    private static String withoutValues(String text, Set<String> values) {
        List<String> longestFirst = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String out = text;
        for (String value : longestFirst) {
            out = Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                    .replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
        }
        return out;
    }

    private static Optional<String> withoutPeopleOfMail(Path original, String text) {
        try {
            return Optional.of(RedactIdentity.termsOfEveryone(PARSER.parse(Files.readAllBytes(original)))
                    .replaceIn(text));
        } catch (IOException | UnparseableMailException unreadable) {
            return Optional.empty();
        }
    }
}
