package org.shahid.evidence;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Writes {@code attachment} rows: what a file is, how big, its hashes, flags and extracted text. Thread-safe. */
public final class AttachmentDao {

    /** One attachment's record; {@code sha256} is null when the content was not kept. */
    public record NewAttachment(long ticketId, long messageId, String fileName, String declaredType,
                                String detectedType, long sizeBytes, String sha256, boolean kept, String note,
                                String flags, String scrubbedSha256, Long scrubbedSize, String removedMetadata,
                                String extractedText, boolean textTruncated, List<EmbeddedMember> members) {

        public static NewAttachment of(long ticketId, long messageId, EvidenceFile file) {
            return new NewAttachment(ticketId, messageId, file.fileName(), file.declaredType(), file.detectedType(),
                    file.size(), file.sha256(), file.kept(), file.note(),
                    file.flags().isEmpty() ? null : String.join(",", file.flags()), file.scrubbedSha256(),
                    file.scrubbedSize(),
                    file.removedMetadata().isEmpty() ? null : String.join(",", file.removedMetadata()),
                    file.extractedText(), file.textTruncated(), file.members());
        }
    }

    /** Inserts the attachment and its embedded members; returns the attachment's id. */
    public long insert(Handle handle, NewAttachment attachment, Instant now) {
        long id = handle.createUpdate("""
                        INSERT INTO attachment (ticket_id, message_id, file_name, declared_type, detected_type,
                                                size_bytes, sha256, kept, note, flags, scrubbed_sha256,
                                                scrubbed_size, removed_metadata, extracted_text, text_truncated,
                                                created_at)
                        VALUES (:ticketId, :messageId, :fileName, :declaredType, :detectedType, :sizeBytes,
                                :sha256, :kept, :note, :flags, :scrubbedSha256, :scrubbedSize, :removedMetadata,
                                :extractedText, :textTruncated, :now)""")
                .bindMethods(attachment)
                .bind("fileName", limit(attachment.fileName(), 255))
                .bind("declaredType", limit(attachment.declaredType(), 255))
                .bind("note", limit(attachment.note(), 500))
                .bind("flags", limit(attachment.flags(), 255))
                .bind("removedMetadata", limit(attachment.removedMetadata(), 2000))
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (EmbeddedMember member : attachment.members()) {
            handle.createUpdate("""
                            INSERT INTO attachment_member (attachment_id, ticket_id, name, detected_type, size_bytes,
                                                           sha256, original_sealed, scrubbed_sha256, scrubbed_size,
                                                           removed_metadata, flags, created_at)
                            VALUES (:attachmentId, :ticketId, :name, :type, :size, :sha256, :sealed, :scrubbedSha256,
                                    :scrubbedSize, :removedMetadata, :flags, :now)""")
                    .bind("attachmentId", id).bind("ticketId", attachment.ticketId())
                    .bind("name", limit(member.name(), 255)).bind("type", limit(member.type(), 255))
                    .bind("size", member.size()).bind("sha256", member.sha256())
                    .bind("sealed", member.sealedKey() != null).bind("scrubbedSha256", member.scrubbedSha256())
                    .bind("scrubbedSize", member.scrubbedSize())
                    .bind("removedMetadata", limit(joined(member.removedMetadata()), 2000))
                    .bind("flags", limit(joined(member.flags()), 255)).bind("now", now)
                    .execute();
        }
        return id;
    }

    private static String joined(List<String> names) {
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
