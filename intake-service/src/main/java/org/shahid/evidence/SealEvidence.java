package org.shahid.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.shahid.intake.ParsedAttachment;
import org.shahid.sealing.SealedBlobStore;

/**
 * Hashes an attachment, detects its real type from its bytes (not its name), and puts the original, which
 * may carry its author's identity in metadata, in the sealed store, keyed by hash so a file is kept once.
 * Called by {@code IngestMail} before the ticket transaction. Thread-safe.
 */
public final class SealEvidence {

    private final SealedBlobStore blobs;
    private final Tika tika = new Tika();

    public SealEvidence(SealedBlobStore blobs) {
        this.blobs = blobs;
    }

    public EvidenceFile seal(ParsedAttachment attachment) {
        if (!attachment.kept() || attachment.content() == null) {
            return new EvidenceFile(attachment.fileName(), attachment.declaredType(), null, attachment.size(), null,
                    null, false, attachment.note());
        }
        byte[] content = attachment.content();
        String sha256 = sha256(content);
        String key = blobs.putContentAddressed("evidence", sha256, content);
        return new EvidenceFile(attachment.fileName(), attachment.declaredType(),
                detectType(content, attachment.fileName()), content.length, sha256, key, true, attachment.note());
    }

    private String detectType(byte[] content, String fileName) {
        Metadata metadata = new Metadata();
        // The name only breaks ties between formats the bytes cannot tell apart (e.g. plain text flavours).
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try {
            return tika.detect(new ByteArrayInputStream(content), metadata);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
