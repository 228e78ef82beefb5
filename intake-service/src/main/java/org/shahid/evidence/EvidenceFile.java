package org.shahid.evidence;

import java.util.List;

/**
 * One attachment after intake: its detected type and SHA-256, where its sealed original lies, and what the
 * isolated extraction made of it (flags, the scrubbed copy's hash, names of removed metadata, extracted text).
 * {@code sha256} and {@code sealedKey} are null when the content was not kept; {@code scrubbedSha256} is null
 * when no clean copy could be made; {@code members} are the documents found inside it. Immutable.
 */
public record EvidenceFile(String fileName, String declaredType, String detectedType, long size, String sha256,
                           String sealedKey, boolean kept, String note, List<String> flags, String scrubbedSha256,
                           Long scrubbedSize, List<String> removedMetadata, String extractedText,
                           boolean textTruncated, List<EmbeddedMember> members) {

    /** A file that was listed but not kept (too big, too many): nothing to extract. */
    public static EvidenceFile notKept(String fileName, String declaredType, long size, String note) {
        return new EvidenceFile(fileName, declaredType, null, size, null, null, false, note, List.of(), null, null,
                List.of(), null, false, List.of());
    }
}
