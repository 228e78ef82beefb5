package org.shahid.evidence;

import java.util.Optional;

/**
 * A document found inside an attachment (an archive member, a forwarded mail's attachment, an image in a
 * document): its SHA-256 (null when it was bigger than the hashing limit), size, detected type and name.
 * Its bytes stay inside the sealed original; its hash links tickets like a top-level file's. Immutable.
 */
public record EmbeddedMember(String sha256, long size, String type, String name) {

    /** Reads the worker's {@code sha256|size|type|name} line. */
    static Optional<EmbeddedMember> parse(String line) {
        String[] fields = line.split("\\|", -1);
        if (fields.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmbeddedMember(fields[0].isEmpty() ? null : fields[0], Long.parseLong(fields[1]),
                    fields[2].isEmpty() ? null : fields[2], fields[3].isEmpty() ? null : fields[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
