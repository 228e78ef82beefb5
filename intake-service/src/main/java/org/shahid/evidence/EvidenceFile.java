package org.shahid.evidence;

/**
 * One attachment after intake: its detected type and SHA-256, and where its sealed original lies.
 * {@code sha256} and {@code sealedKey} are null when the content was not kept. Immutable.
 */
public record EvidenceFile(String fileName, String declaredType, String detectedType, long size, String sha256,
                           String sealedKey, boolean kept, String note) {
}
