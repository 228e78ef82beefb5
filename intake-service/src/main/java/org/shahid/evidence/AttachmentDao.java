package org.shahid.evidence;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Writes {@code attachment} rows: what a file is, how big, its hash, whether it was kept. Thread-safe. */
public final class AttachmentDao {

    /** One attachment's record; {@code sha256} is null when the content was not kept. */
    public record NewAttachment(long ticketId, long messageId, String fileName, String declaredType,
                                String detectedType, long sizeBytes, String sha256, boolean kept, String note) {
    }

    public void insert(Handle handle, NewAttachment attachment, Instant now) {
        handle.createUpdate("""
                        INSERT INTO attachment (ticket_id, message_id, file_name, declared_type, detected_type,
                                                size_bytes, sha256, kept, note, created_at)
                        VALUES (:ticketId, :messageId, :fileName, :declaredType, :detectedType, :sizeBytes,
                                :sha256, :kept, :note, :now)""")
                .bindMethods(attachment)
                .bind("fileName", limit(attachment.fileName(), 255))
                .bind("declaredType", limit(attachment.declaredType(), 255))
                .bind("note", limit(attachment.note(), 500))
                .bind("now", now)
                .execute();
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
