package org.shahid.evidence;

import java.util.List;

/**
 * A document found inside an attachment (an archive member, a forwarded mail's attachment, an image in a
 * document): its SHA-256 (null when it was bigger than the hashing limit), size, detected type and name, and,
 * when it was kept as evidence of its own, the key of its sealed original and its scrubbed copy's hash and size
 * (null when no clean copy could be made), the names of the metadata fields removed and its flags. Its hash
 * links tickets like a top-level file's. Immutable.
 */
public record EmbeddedMember(String sha256, long size, String type, String name, String sealedKey,
                             String scrubbedSha256, Long scrubbedSize, List<String> removedMetadata,
                             List<String> flags) {
}
