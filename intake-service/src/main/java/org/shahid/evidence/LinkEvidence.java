package org.shahid.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Records what a message's evidence can be matched on (each kept file's and embedded member's SHA-256, each
 * normalised URL in the body and in the attachments' extracted text) and links the ticket, in both directions, to
 * the most recent other tickets with the same key, at most {@code shahid.evidence.max-links-per-key} per key: a post
 * reported thousands of times would otherwise cost thousands of rows per report. {@code evidence_key} still holds
 * every ticket of a key. Called by {@code MailIntake} in the intake transaction. Thread-safe.
 */
public final class LinkEvidence {

    public static final String HASH = "HASH";
    public static final String URL = "URL";

    private final int maxLinksPerKey;

    public LinkEvidence(int maxLinksPerKey) {
        if (maxLinksPerKey < 1) {
            throw new IllegalArgumentException("shahid.evidence.max-links-per-key must be at least 1");
        }
        this.maxLinksPerKey = maxLinksPerKey;
    }

    /** Returns how many link rows (each direction counted) this message added. */
    public int link(Handle handle, long ticketId, String messageText, List<EvidenceFile> evidence, Instant now) {
        Map<String, String> keys = new LinkedHashMap<>(); // value -> kind
        for (EvidenceFile file : evidence) {
            if (file.sha256() != null) {
                keys.put(file.sha256(), HASH);
            }
            // The same picture inside a zip or a document links as the picture itself.
            file.members().stream().filter(member -> member.sha256() != null)
                    .forEach(member -> keys.put(member.sha256(), HASH));
        }
        ExtractUrls.from(messageText).forEach(url -> keys.putIfAbsent(url, URL));
        for (EvidenceFile file : evidence) {
            ExtractUrls.from(file.extractedText()).forEach(url -> keys.putIfAbsent(url, URL));
        }
        int links = 0;
        for (Map.Entry<String, String> key : keys.entrySet()) {
            links += linkOne(handle, ticketId, key.getValue(), key.getKey(), now);
        }
        return links;
    }

    private int linkOne(Handle handle, long ticketId, String kind, String value, Instant now) {
        String valueHash = sha256(value);
        handle.createUpdate("""
                        INSERT IGNORE INTO evidence_key (ticket_id, kind, value, value_hash, created_at)
                        VALUES (:ticketId, :kind, :value, :valueHash, :now)""")
                .bind("ticketId", ticketId).bind("kind", kind).bind("value", value.length() > 2048
                        ? value.substring(0, 2048) : value)
                .bind("valueHash", valueHash).bind("now", now)
                .execute();
        // Most recent first by the key row's id, which ix_evidence_key_value (kind, value_hash) carries in its
        // order: no sort, at most max + 1 rows read. (kind, value_hash, ticket_id) is unique, so no DISTINCT.
        List<Long> others = handle.createQuery("""
                        SELECT ticket_id FROM evidence_key
                        WHERE kind = :kind AND value_hash = :valueHash AND ticket_id <> :ticketId
                        ORDER BY id DESC LIMIT :max""")
                .bind("kind", kind).bind("valueHash", valueHash).bind("ticketId", ticketId)
                .bind("max", maxLinksPerKey)
                .mapTo(Long.class).list();
        if (others.isEmpty()) {
            return 0;
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < others.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:ticketId, :other").append(i)
                    .append(", :kind, :valueHash, :now), (:other").append(i)
                    .append(", :ticketId, :kind, :valueHash, :now)");
        }
        var insert = handle.createUpdate("INSERT IGNORE INTO evidence_link"
                        + " (ticket_id, linked_ticket_id, kind, value_hash, created_at) VALUES " + rows)
                .bind("ticketId", ticketId).bind("kind", kind).bind("valueHash", valueHash).bind("now", now);
        for (int i = 0; i < others.size(); i++) {
            insert.bind("other" + i, others.get(i));
        }
        return insert.execute();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
