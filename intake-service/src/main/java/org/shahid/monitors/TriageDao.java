package org.shahid.monitors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.evidence.MemberRenamings;

/**
 * What monitors read and decide about tickets ({@code ticket_triage}, the ticket's status, its evidence rows and
 * the reporter's latest sealed identity id), inside the caller's transaction. Stateless and thread-safe.
 */
public final class TriageDao {

    /** A ticket's triage state. */
    public record Triage(String assignee, String priority, String category, String suggestedCategory,
                         String suggestedActor) {
    }

    /** A ticket as listed in digests and the {@code monitors} verb. */
    /** An open ticket as the digest lists it; {@code actorId} and {@code actorGroup} are null until a finding names them. */
    public record OpenTicket(String reference, String status, String priority, String category, String language,
                             Instant createdAt, String actorId, String actorGroup) {
    }

    public void suggest(Handle handle, long ticketId, String category, String actor, Instant now) {
        handle.createUpdate("""
                        INSERT INTO ticket_triage (ticket_id, suggested_category, suggested_actor, updated_at)
                        VALUES (:ticketId, :category, :actor, :now)
                        ON DUPLICATE KEY UPDATE suggested_category = :category, suggested_actor = :actor""")
                .bind("ticketId", ticketId).bind("category", category).bind("actor", actor).bind("now", now)
                .execute();
    }

    public Triage find(Handle handle, long ticketId) {
        return handle.createQuery("""
                        SELECT assignee, priority, category, suggested_category, suggested_actor
                        FROM ticket_triage WHERE ticket_id = :ticketId""")
                .bind("ticketId", ticketId)
                .map((rs, ctx) -> new Triage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .findOne()
                .orElse(new Triage(null, "NORMAL", null, null, null));
    }

    /** Sets one triage column ({@code assignee}, {@code priority} or {@code category}). */
    public void set(Handle handle, long ticketId, String column, String value, Instant now) {
        if (!List.of("assignee", "priority", "category").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        handle.createUpdate("INSERT INTO ticket_triage (ticket_id, " + column + ", updated_at) VALUES (:ticketId,"
                        + " :value, :now) ON DUPLICATE KEY UPDATE " + column + " = :value, updated_at = :now")
                .bind("ticketId", ticketId).bind("value", value).bind("now", now)
                .execute();
    }

    public void setStatus(Handle handle, long ticketId, String status, Instant now) {
        handle.createUpdate("UPDATE ticket SET status = :status, updated_at = :now WHERE id = :id")
                .bind("status", status).bind("now", now).bind("id", ticketId)
                .execute();
    }

    public String bodyOf(Handle handle, long messageId) {
        return handle.createQuery("SELECT body_text FROM ticket_message WHERE id = :id")
                .bind("id", messageId).mapTo(String.class).one();
    }

    /** Evidence rows of one message as the notification lists them. */
    public List<Map<String, Object>> evidenceOf(Handle handle, long messageId) {
        List<Map<String, Object>> rows = handle.createQuery("""
                        SELECT id, file_name, COALESCE(detected_type, declared_type) AS type, size_bytes, sha256, note
                        FROM attachment WHERE message_id = :messageId ORDER BY id""")
                .bind("messageId", messageId)
                .map((rs, ctx) -> Map.<String, Object>of(
                        "id", rs.getLong("id"),
                        "fileName", rs.getString("file_name"),
                        "type", rs.getString("type"),
                        "size", String.valueOf(rs.getLong("size_bytes")),
                        "sha256", rs.getString("sha256") == null ? "(not kept)" : rs.getString("sha256"),
                        "note", rs.getString("note") == null ? "" : rs.getString("note")))
                .list();
        List<Map<String, Object>> listed = new java.util.ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> withRenamings = new java.util.HashMap<>(row);
            withRenamings.remove("id");
            withRenamings.put("renamed", renamedMembers(handle, (Long) row.get("id")));
            listed.add(Map.copyOf(withRenamings));
        }
        return listed;
    }

    /**
     * The members of an archive's or attached mail's copy at every depth, by their path in the copy and the original
     * name they stand for (redacted with the reporter's terms when it was recorded): the copy itself names nothing.
     */
    private static List<Map<String, String>> renamedMembers(Handle handle, long attachmentId) {
        return MemberRenamings.ofAttachment(handle, attachmentId).stream()
                .map(renaming -> Map.of("copyName", renaming.pathInCopy(), "name", renaming.originalName()))
                .toList();
    }

    /** Other tickets linked to this one by the same file, embedded document or post. */
    public List<String> linkedByEvidence(Handle handle, long ticketId) {
        return handle.createQuery("""
                        SELECT DISTINCT t.reference FROM evidence_link l JOIN ticket t ON t.id = l.linked_ticket_id
                        WHERE l.ticket_id = :ticketId ORDER BY t.reference LIMIT 20""")
                .bind("ticketId", ticketId).mapTo(String.class).list();
    }

    /** The reporter's most recent sealed identity: status updates go to the address they last wrote from. */
    public Optional<Long> latestSealedIdentity(Handle handle, long ticketId) {
        return handle.createQuery("""
                        SELECT id FROM sealed_identity WHERE ticket_id = :ticketId AND purged_at IS NULL AND NOT purge_when_sent
                        ORDER BY created_at DESC, id DESC LIMIT 1""")
                .bind("ticketId", ticketId).mapTo(Long.class).findOne();
    }

    private static final String OPEN = "t.status IN ('NEW', 'TRIAGED', 'INVESTIGATING')";
    private static final String LISTED = """
            SELECT t.reference, t.status, COALESCE(g.priority, 'NORMAL') AS priority, g.category, t.language,
                   t.created_at, f.actor_id, f.actor_group
            FROM ticket t LEFT JOIN ticket_triage g ON g.ticket_id = t.id LEFT JOIN finding f ON f.ticket_id = t.id
            """;

    public List<OpenTicket> openAssignedTo(Handle handle, String address) {
        return handle.createQuery(LISTED + " WHERE " + OPEN + " AND g.assignee = :address ORDER BY t.created_at")
                .bind("address", address).map(TriageDao::openTicket).list();
    }

    /** The oldest {@code limit} open unassigned tickets created before {@code before}. */
    public List<OpenTicket> openUnassignedBefore(Handle handle, Instant before, int limit) {
        return handle.createQuery(LISTED + " WHERE " + UNASSIGNED_BEFORE + " ORDER BY t.created_at LIMIT :limit")
                .bind("before", before).bind("limit", limit).map(TriageDao::openTicket).list();
    }

    /** How many open unassigned tickets were created before {@code before}: the digest says how many it left out. */
    public long countOpenUnassignedBefore(Handle handle, Instant before) {
        return handle.createQuery("SELECT COUNT(*) FROM ticket t LEFT JOIN ticket_triage g ON g.ticket_id = t.id"
                        + " WHERE " + UNASSIGNED_BEFORE)
                .bind("before", before).mapTo(Long.class).one();
    }

    private static final String UNASSIGNED_BEFORE = OPEN + " AND g.assignee IS NULL AND t.automated = FALSE"
            + " AND t.created_at < :before";

    /** Open tickets that missed a service level (table of the service-level check), oldest limit first. */
    public List<Map<String, Object>> openServiceLevelBreaches(Handle handle) {
        return handle.createQuery("""
                        SELECT t.reference, a.measure FROM service_level_alert a JOIN ticket t ON t.id = a.ticket_id
                        WHERE a.stage = 'ESCALATION'""" + " AND " + OPEN + " ORDER BY a.due_at")
                .map((rs, ctx) -> Map.<String, Object>of("reference", rs.getString("reference"),
                        "measure", rs.getString("measure").equals("FIRST_ACTION") ? "first action" : "resolution"))
                .list();
    }

    private static OpenTicket openTicket(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new OpenTicket(rs.getString("reference"), rs.getString("status"), rs.getString("priority"),
                rs.getString("category"), rs.getString("language"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("actor_id"), rs.getString("actor_group"));
    }
}
