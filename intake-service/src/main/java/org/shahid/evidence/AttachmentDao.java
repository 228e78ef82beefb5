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
                                String extractedText, boolean textTruncated, List<EmbeddedMember> members,
                                List<MemberRenamings.Renaming> renamings) {

        public static NewAttachment of(long ticketId, long messageId, EvidenceFile file) {
            return new NewAttachment(ticketId, messageId, file.fileName(), file.declaredType(), file.detectedType(),
                    file.size(), file.sha256(), file.kept(), file.note(),
                    file.flags().isEmpty() ? null : String.join(",", file.flags()), file.scrubbedSha256(),
                    file.scrubbedSize(), joined(MemberRenamings.withoutRenamings(file.removedMetadata())),
                    file.extractedText(), file.textTruncated(), file.members(),
                    MemberRenamings.of(file.removedMetadata()));
        }
    }

    /** Inserts an examined attachment and its embedded members; returns the attachment's id. */
    public long insert(Handle handle, NewAttachment attachment, Instant now) {
        return insert(handle, attachment, true, now);
    }

    /**
     * Inserts an attachment as intake received it: a kept file still awaits examination ({@code examined} false)
     * by {@code ExamineEvidence}, which then calls {@link #recordExamination}.
     */
    public long insertReceived(Handle handle, NewAttachment attachment, Instant now) {
        return insert(handle, attachment, !attachment.kept(), now);
    }

    private long insert(Handle handle, NewAttachment attachment, boolean examined, Instant now) {
        long id = handle.createUpdate("""
                        INSERT INTO attachment (ticket_id, message_id, file_name, declared_type, detected_type,
                                                size_bytes, sha256, kept, note, flags, scrubbed_sha256,
                                                scrubbed_size, removed_metadata, extracted_text, text_truncated,
                                                examined, created_at)
                        VALUES (:ticketId, :messageId, :fileName, :declaredType, :detectedType, :sizeBytes,
                                :sha256, :kept, :note, :flags, :scrubbedSha256, :scrubbedSize, :removedMetadata,
                                :extractedText, :textTruncated, :examined, :now)""")
                .bindMethods(attachment)
                .bind("examined", examined)
                .bind("fileName", limit(attachment.fileName(), 255))
                .bind("declaredType", limit(attachment.declaredType(), 255))
                .bind("note", limit(attachment.note(), 500))
                .bind("flags", limit(attachment.flags(), 255))
                .bind("removedMetadata", limit(attachment.removedMetadata(), 2000))
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        insertMembers(handle, id, attachment.ticketId(), attachment.members(),
                MemberRenamings.insert(handle, id, null, attachment.renamings(), 1), now);
        return id;
    }

    /** A received attachment that waits for examination: its row id and what intake knew of it. */
    public record Pending(long id, EvidenceFile received) {
    }

    /** The kept attachments of a message that await examination, in the order they came. */
    public java.util.List<Pending> pendingOf(Handle handle, long messageId) {
        return handle.createQuery("""
                        SELECT id, file_name, declared_type, size_bytes, sha256, note FROM attachment
                        WHERE message_id = :messageId AND kept AND NOT examined ORDER BY id""")
                .bind("messageId", messageId)
                .map((rs, ctx) -> new Pending(rs.getLong("id"), new EvidenceFile(rs.getString("file_name"),
                        rs.getString("declared_type"), null, rs.getLong("size_bytes"), rs.getString("sha256"),
                        SealEvidence.sealedKeyOf(rs.getString("sha256")), true, rs.getString("note"), List.of(), null,
                        null, List.of(), null, false, List.of())))
                .list();
    }

    /** Writes what examination found into a received attachment's row, and its embedded members. */
    public void recordExamination(Handle handle, long attachmentId, long ticketId, EvidenceFile examined,
                                  Instant now) {
        NewAttachment found = NewAttachment.of(ticketId, 0, examined);
        int updated = handle.createUpdate("""
                        UPDATE attachment SET detected_type = :detectedType, note = :note, flags = :flags,
                               scrubbed_sha256 = :scrubbedSha256, scrubbed_size = :scrubbedSize,
                               removed_metadata = :removedMetadata, extracted_text = :extractedText,
                               text_truncated = :textTruncated, examined = TRUE
                        WHERE id = :id AND NOT examined""")
                .bindMethods(found)
                .bind("note", limit(found.note(), 500))
                .bind("flags", limit(found.flags(), 255))
                .bind("removedMetadata", limit(found.removedMetadata(), 2000))
                .bind("id", attachmentId)
                .execute();
        if (updated == 1) {
            insertMembers(handle, attachmentId, ticketId, examined.members(),
                    MemberRenamings.insert(handle, attachmentId, null, found.renamings(), 1), now);
        }
    }

    /**
     * Inserts the embedded members, each with the renamings of its own copy (an archive or mail inside the
     * attachment), numbered on from {@code nextPosition}.
     */
    private static void insertMembers(Handle handle, long id, long ticketId, List<EmbeddedMember> members,
                                      int nextPosition, Instant now) {
        int position = nextPosition;
        for (EmbeddedMember member : members) {
            long memberId = handle.createUpdate("""
                            INSERT INTO attachment_member (attachment_id, ticket_id, name, detected_type, size_bytes,
                                                           sha256, original_sealed, scrubbed_sha256, scrubbed_size,
                                                           removed_metadata, flags, created_at)
                            VALUES (:attachmentId, :ticketId, :name, :type, :size, :sha256, :sealed, :scrubbedSha256,
                                    :scrubbedSize, :removedMetadata, :flags, :now)""")
                    .bind("attachmentId", id).bind("ticketId", ticketId)
                    .bind("name", limit(member.name(), 255)).bind("type", limit(member.type(), 255))
                    .bind("size", member.size()).bind("sha256", member.sha256())
                    .bind("sealed", member.sealedKey() != null).bind("scrubbedSha256", member.scrubbedSha256())
                    .bind("scrubbedSize", member.scrubbedSize())
                    .bind("removedMetadata", limit(joined(MemberRenamings.withoutRenamings(member.removedMetadata())),
                            2000))
                    .bind("flags", limit(joined(member.flags()), 255)).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            position = MemberRenamings.insert(handle, id, memberId, MemberRenamings.of(member.removedMetadata()),
                    position);
        }
    }

    private static String joined(List<String> names) {
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
