package org.shahid.evidence;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The mapping of a rebuilt archive's or attached mail's member names to the original ones, in table
 * {@code member_renaming}, one row per member, so that no archive is too large for its mapping (the field-name
 * list of {@code removed_metadata} is bounded). The entries come from the copy's record as {@link MemberNames}
 * writes them ({@code [Member:…]Renamed:<new>=<original>}), already redacted by the service. Stateless and
 * thread-safe.
 */
public final class MemberRenamings {

    /** One member: where it sits ({@code ""} in the attachment itself, {@code "Member:"} one archive deeper…). */
    public record Renaming(String container, String copyName, String originalName) {
    }

    private static final int MAX_CONTAINER = 255;
    private static final int MAX_COPY_NAME = 64;
    private static final int MAX_ORIGINAL_NAME = 255;

    private MemberRenamings() {
    }

    /** The renamings among a copy's removed-field entries, in their order. */
    static List<Renaming> of(List<String> removedMetadata) {
        List<Renaming> renamings = new ArrayList<>();
        for (String entry : removedMetadata) {
            int renamed = entry.indexOf(MemberNames.RENAMED);
            int equals = renamed < 0 ? -1 : entry.indexOf('=', renamed);
            if (equals > renamed + MemberNames.RENAMED.length()) {
                renamings.add(new Renaming(entry.substring(0, renamed),
                        entry.substring(renamed + MemberNames.RENAMED.length(), equals), entry.substring(equals + 1)));
            }
        }
        return renamings;
    }

    /** The entries that are not renamings: what {@code removed_metadata} keeps. */
    static List<String> withoutRenamings(List<String> removedMetadata) {
        return removedMetadata.stream().filter(entry -> !entry.contains(MemberNames.RENAMED)).toList();
    }

    static void insert(Handle handle, long attachmentId, List<Renaming> renamings) {
        if (renamings.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO member_renaming (attachment_id, position, container, copy_name, original_name)
                VALUES (:attachmentId, :position, :container, :copyName, :originalName)""");
        int position = 0;
        for (Renaming renaming : renamings) {
            batch.bind("attachmentId", attachmentId).bind("position", ++position)
                    .bind("container", limit(renaming.container(), MAX_CONTAINER))
                    .bind("copyName", limit(renaming.copyName(), MAX_COPY_NAME))
                    .bind("originalName", limit(renaming.originalName(), MAX_ORIGINAL_NAME)).add();
        }
        batch.execute();
    }

    /** The attachment's own members (not those of archives inside it), in the copy's order. */
    public static List<Renaming> ofAttachment(Handle handle, long attachmentId) {
        return handle.createQuery("""
                        SELECT container, copy_name, original_name FROM member_renaming
                        WHERE attachment_id = :attachmentId AND container = '' ORDER BY position""")
                .bind("attachmentId", attachmentId)
                .map((rs, ctx) -> new Renaming(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
