package org.shahid.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the child JVM reports about one embedded document: its SHA-256 (null when bigger than the hashing
 * limit), size, detected type and name, and, when it was kept as evidence of its own, the names of the files it
 * left in the request's member folder (the original and the scrubbed copy), the metadata fields removed from
 * the copy and the member's flags. {@link SealEvidence} seals and stores those files. Immutable.
 */
record ExtractedMember(String sha256, long size, String type, String name, String originalFile, String copyFile,
                       List<String> removedMetadata, List<String> flags) {

    /** The only file names the service accepts from the child: no paths, nothing outside the member folder. */
    private static final int MAX_NAME = 120;
    /**
     * A removed-field entry's bound: a renaming holds a path in the copy (about 17 characters per archive level)
     * and an original name already cut at 120 by {@link MemberNames#record}, which must reach the table whole.
     */
    private static final int MAX_RECORD_ENTRY = 500;
    private static final Pattern MEMBER_FILE = Pattern.compile("member-[0-9]+(-copy)?\\.bin");

    /** The worker's line: {@code sha256|size|type|name|original|copy|removed;names|flag;flags}. */
    String line() {
        return String.join("|", text(sha256), String.valueOf(size), clean(type), clean(name), text(originalFile),
                text(copyFile), String.join(";", removedMetadata.stream()
                        .map(entry -> clean(entry, MAX_RECORD_ENTRY)).toList()),
                String.join(";", flags));
    }

    static Optional<ExtractedMember> parse(String line) {
        String[] fields = line.split("\\|", -1);
        if (fields.length != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExtractedMember(orNull(fields[0]), Long.parseLong(fields[1]), orNull(fields[2]),
                    orNull(fields[3]), memberFile(fields[4]), memberFile(fields[5]), list(fields[6]),
                    list(fields[7])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Names and types come from the hostile file: no separators, no control characters, bounded length. */
    static String clean(String value) {
        return clean(value, MAX_NAME);
    }

    private static String clean(String value, int max) {
        if (value == null) {
            return "";
        }
        String cleaned = value.replaceAll("[\\p{Cntrl}|;,]", "_");
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }

    private static String memberFile(String field) {
        return MEMBER_FILE.matcher(field).matches() ? field : null;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String orNull(String field) {
        return field.isEmpty() ? null : field;
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(";"));
    }
}
