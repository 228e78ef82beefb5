package org.shahid.findings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One evidence file of a ticket as findings and monitors see it: its type, size, the SHA-256 of the original
 * (sealed, never handed out) and of its scrubbed copy, and the examination's flags. The name it travels under is
 * made of its type and the copy's short hash: a reporter's file name can name the reporter, so it never travels.
 * Immutable.
 */
public record EvidenceFile(long id, String type, long sizeBytes, String sha256, String scrubbedSha256,
                           long scrubbedSize, String flags, String note) {

    /** Flags that keep a file's copy from being handed out unasked: it could harm whoever opens it. */
    public static final List<String> HOSTILE_FLAGS = List.of("executable", "executable-disguised", "zip-bomb");

    /** Of the hostile flags, those that mark an executable: its copy never travels, even when asked for. */
    public static final List<String> EXECUTABLE_FLAGS = List.of("executable", "executable-disguised");

    public boolean isHostile() {
        return flagList().stream().anyMatch(HOSTILE_FLAGS::contains);
    }

    public boolean isExecutable() {
        return flagList().stream().anyMatch(EXECUTABLE_FLAGS::contains);
    }

    /** The file's hostile flags, comma-separated; empty when it has none. */
    public String hostileFlags() {
        return String.join(", ", flagList().stream().filter(HOSTILE_FLAGS::contains).toList());
    }

    public boolean hasCopy() {
        return scrubbedSha256 != null;
    }

    /** Why there is no copy to hand out, for the lists monitors and readers see; empty when there is one. */
    public Optional<String> reasonWithoutCopy() {
        if (isHostile()) {
            return Optional.of("flagged " + hostileFlags() + ": not handed out");
        }
        if (!hasCopy()) {
            return Optional.of(sha256 == null ? "not kept (" + (note == null ? "over the limits" : note) + ")"
                    : "no scrubbed copy could be made" + (note == null ? "" : " (" + note + ")"));
        }
        return Optional.empty();
    }

    /** {@code image-3fa2c1d0.jpg}: the kind of file, the copy's (else the original's) short hash, an extension. */
    public String publishedName() {
        String hash = hasCopy() ? scrubbedSha256 : sha256 == null ? "unkept" + id : sha256;
        return kind() + "-" + hash.substring(0, Math.min(8, hash.length())) + extension();
    }

    private String kind() {
        String main = type == null ? "file" : type.split("/")[0].toLowerCase(Locale.ROOT);
        return List.of("image", "video", "audio", "text").contains(main) ? main : "document";
    }

    private String extension() {
        String subtype = type == null || !type.contains("/") ? "" : type.substring(type.indexOf('/') + 1)
                .toLowerCase(Locale.ROOT).replaceAll(";.*", "");
        return switch (subtype) {
            case "jpeg" -> ".jpg";
            case "png", "gif", "webp", "heic", "pdf", "mp4", "csv" -> "." + subtype;
            case "plain" -> ".txt";
            case "vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
            case "vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> ".xlsx";
            case "vnd.openxmlformats-officedocument.presentationml.presentation" -> ".pptx";
            default -> ".bin";
        };
    }

    private List<String> flagList() {
        return flags == null ? List.of() : Arrays.stream(flags.split(",")).map(String::strip)
                .filter(flag -> !flag.isEmpty()).toList();
    }
}
