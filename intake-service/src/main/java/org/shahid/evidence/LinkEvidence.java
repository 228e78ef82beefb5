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
 * normalised URL in the
 * body and in the attachments' extracted text) and links the ticket to every other ticket that has the same
 * key, in the intake transaction. Called by {@code MailIntake}. Thread-safe.
 */
public final class LinkEvidence {

    public static final String HASH = "HASH";
    public static final String URL = "URL";

    /** Returns how many new links to other tickets this message made. */
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

    private static int linkOne(Handle handle, long ticketId, String kind, String value, Instant now) {
        String valueHash = sha256(value);
        handle.createUpdate("""
                        INSERT IGNORE INTO evidence_key (ticket_id, kind, value, value_hash, created_at)
                        VALUES (:ticketId, :kind, :value, :valueHash, :now)""")
                .bind("ticketId", ticketId).bind("kind", kind).bind("value", value.length() > 2048
                        ? value.substring(0, 2048) : value)
                .bind("valueHash", valueHash).bind("now", now)
                .execute();
        List<Long> others = handle.createQuery("""
                        SELECT DISTINCT ticket_id FROM evidence_key
                        WHERE kind = :kind AND value_hash = :valueHash AND ticket_id <> :ticketId""")
                .bind("kind", kind).bind("valueHash", valueHash).bind("ticketId", ticketId)
                .mapTo(Long.class).list();
        int created = 0;
        for (long other : others) {
            created += handle.createUpdate("""
                            INSERT IGNORE INTO evidence_link (ticket_id, linked_ticket_id, kind, value_hash, created_at)
                            VALUES (:a, :b, :kind, :valueHash, :now), (:b, :a, :kind, :valueHash, :now)""")
                    .bind("a", ticketId).bind("b", other).bind("kind", kind).bind("valueHash", valueHash)
                    .bind("now", now)
                    .execute() > 0 ? 1 : 0;
        }
        return created;
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
