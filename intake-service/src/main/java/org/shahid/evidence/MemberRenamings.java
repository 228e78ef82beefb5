package org.shahid.evidence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The mapping of a rebuilt archive's or attached mail's member names to the original ones, in table
 * {@code member_renaming}, one row per member at every depth, so that no archive is too large for its mapping (the
 * field-name list of {@code removed_metadata} is bounded). The entries come from the copy's record as {@link
 * MemberNames} writes and reads them, already redacted by the service; an attachment recorded before the table
 * existed is read from its {@code removed_metadata}. Stateless and thread-safe.
 */
public final class MemberRenamings {

    /**
     * One member: the path in the copy of the archive or mail holding it ({@code parent}, "" at the top), its name
     * there and the original name it stands for. {@code container} is "" except in records written before members
     * had paths, where "Member:" marked a member somewhere deeper.
     */
    public record Renaming(String container, String parent, String copyName, String originalName) {

        /** Where the member is in the copy: {@code 1-0a1b2c3d.zip/4-5e6f7a8b.jpg}. */
        public String pathInCopy() {
            return parent.isEmpty() ? copyName : parent + MemberNames.PATH_SEPARATOR + copyName;
        }
    }

    private static final RowMapper<Renaming> ROW = (rs, ctx) -> new Renaming(rs.getString("container"),
            rs.getString("parent"), rs.getString("copy_name"), rs.getString("original_name"));
    private static final int MAX_CONTAINER = 255;
    private static final int MAX_PARENT = 500;
    private static final int MAX_COPY_NAME = 64;
    private static final int MAX_ORIGINAL_NAME = 255;

    private MemberRenamings() {
    }

    /** The renamings among a copy's removed-field entries, in their order. */
    static List<Renaming> of(List<String> removedMetadata) {
        return removedMetadata.stream().map(MemberNames::renaming).flatMap(Optional::stream).toList();
    }

    /** The entries that are not renamings: what {@code removed_metadata} keeps. */
    static List<String> withoutRenamings(List<String> removedMetadata) {
        return removedMetadata.stream().filter(entry -> MemberNames.renaming(entry).isEmpty()).toList();
    }

    /**
     * Stores the renamings of an attachment's copy ({@code memberId} null) or of one embedded member's copy, from
     * {@code firstPosition} on (positions are unique per attachment); returns the position after the last.
     */
    static int insert(Handle handle, long attachmentId, Long memberId, List<Renaming> renamings, int firstPosition) {
        if (renamings.isEmpty()) {
            return firstPosition;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO member_renaming (attachment_id, member_id, position, container, parent, copy_name,
                                             original_name)
                VALUES (:attachmentId, :memberId, :position, :container, :parent, :copyName, :originalName)""");
        int position = firstPosition;
        for (Renaming renaming : renamings) {
            batch.bind("attachmentId", attachmentId).bind("memberId", memberId).bind("position", position++)
                    .bind("container", limit(renaming.container(), MAX_CONTAINER))
                    .bind("parent", limit(renaming.parent(), MAX_PARENT))
                    .bind("copyName", limit(renaming.copyName(), MAX_COPY_NAME))
                    .bind("originalName", limit(renaming.originalName(), MAX_ORIGINAL_NAME)).add();
        }
        batch.execute();
        return position;
    }

    /**
     * Every member of an attachment's copy, at every depth, in the copy's order (an archive before its members).
     * An attachment recorded before renamings had a table of their own has them in its {@code removed_metadata};
     * of those only its own members are placed (old records of deeper members do not say which archive holds them).
     */
    public static List<Renaming> ofAttachment(Handle handle, long attachmentId) {
        List<Renaming> stored = handle.createQuery("""
                        SELECT container, parent, copy_name, original_name FROM member_renaming
                        WHERE attachment_id = :attachmentId AND member_id IS NULL AND container = ''
                        ORDER BY position""")
                .bind("attachmentId", attachmentId)
                .map(ROW)
                .list();
        if (!stored.isEmpty()) {
            return stored;
        }
        return handle.createQuery("SELECT COALESCE(removed_metadata, '') FROM attachment WHERE id = :attachmentId")
                .bind("attachmentId", attachmentId).mapTo(String.class).findOne()
                .map(recorded -> of(List.of(recorded.split(","))).stream()
                        .filter(renaming -> renaming.container().isEmpty()).toList())
                .orElse(List.of());
    }

    /** The members of one embedded member's own copy (an archive or mail found inside an attachment). */
    public static List<Renaming> ofMember(Handle handle, long memberId) {
        return handle.createQuery("""
                        SELECT container, parent, copy_name, original_name FROM member_renaming
                        WHERE member_id = :memberId ORDER BY position""")
                .bind("memberId", memberId)
                .map(ROW)
                .list();
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
