package org.shahid.sealing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Keeps a message's {@link RedactionTerms} sealed until its attachments were examined: the examiner redacts
 * extracted text, OCR and member names with them, and the row is deleted in the transaction that records the
 * examination. Intake writes it in the ticket transaction (the display name is no longer readable after that).
 * Thread-safe.
 */
public final class SealedRedactionTerms {

    private final Sealer sealer;

    public SealedRedactionTerms(Sealer sealer) {
        this.sealer = sealer;
    }

    public void keep(Handle handle, long messageId, RedactionTerms terms, Instant now) {
        Sealer.SealedValue sealed = sealer.seal(String.join("\n", terms.asLines()).getBytes(StandardCharsets.UTF_8),
                owner(messageId));
        handle.createUpdate("""
                        INSERT INTO redaction_terms (message_id, key_id, sealed_terms, created_at)
                        VALUES (:messageId, :keyId, :sealed, :now)""")
                .bind("messageId", messageId)
                .bind("keyId", sealed.keyId())
                .bind("sealed", sealed.ciphertext())
                .bind("now", now)
                .execute();
    }

    /** The terms of a message, or {@link RedactionTerms#NONE} when it has none (or they were already used). */
    public RedactionTerms of(Handle handle, long messageId) {
        Optional<byte[]> sealed = handle.createQuery("SELECT sealed_terms FROM redaction_terms WHERE message_id = :id")
                .bind("id", messageId)
                .mapTo(byte[].class)
                .findOne();
        return sealed.map(bytes -> RedactionTerms.fromLines(List.of(
                new String(sealer.open(bytes, owner(messageId)), StandardCharsets.UTF_8).split("\n", -1))))
                .orElse(RedactionTerms.NONE);
    }

    public void forget(Handle handle, long messageId) {
        handle.createUpdate("DELETE FROM redaction_terms WHERE message_id = :id").bind("id", messageId).execute();
    }

    private static String owner(long messageId) {
        return "redaction-terms:" + messageId;
    }
}
