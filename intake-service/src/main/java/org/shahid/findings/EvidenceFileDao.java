package org.shahid.findings;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Reads a ticket's evidence files ({@code attachment}) without their names. Thread-safe. */
public final class EvidenceFileDao {

    public List<EvidenceFile> ofTicket(Handle handle, long ticketId) {
        return handle.createQuery("""
                        SELECT id, COALESCE(detected_type, declared_type) AS type, size_bytes, sha256, scrubbed_sha256,
                               scrubbed_size, flags, note
                        FROM attachment WHERE ticket_id = :ticketId ORDER BY id""")
                .bind("ticketId", ticketId)
                .map((row, context) -> new EvidenceFile(row.getLong("id"), row.getString("type"),
                        row.getLong("size_bytes"), row.getString("sha256"), row.getString("scrubbed_sha256"),
                        row.getLong("scrubbed_size"), row.getString("flags"), row.getString("note")))
                .list();
    }
}
