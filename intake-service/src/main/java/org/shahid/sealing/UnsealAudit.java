package org.shahid.sealing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only trail of unsealing ({@code unseal_audit}) as a hash chain: every request, approval, refusal and
 * reveal, with who, when, which ticket, why and what, carrying the SHA-256 of the previous row and of its own
 * content. Appends are serialised by a lock on {@code unseal_audit_head}; after each commit the head (sequence
 * number and hash) goes to a log line and to {@link #HEAD_FILE} under the data folder, outside the database, so that
 * {@link AuditChainCheck} finds a truncated or rewritten chain. The database refuses UPDATE and DELETE (triggers of
 * V3); the service's account has no DROP, so no TRUNCATE. Thread-safe.
 */
public final class UnsealAudit {

    private static final Logger LOG = LoggerFactory.getLogger(UnsealAudit.class);
    /** Where the chain's head is copied, relative to the data folder. */
    public static final String HEAD_FILE = "audit/unseal-audit.head";
    static final String GENESIS = "0".repeat(64);

    private final Path headFile;

    /** @param dataDir the data folder; the head file lives under it */
    public UnsealAudit(Path dataDir) {
        this.headFile = dataDir.resolve(HEAD_FILE);
    }

    /** One row of the trail; {@code ticketReference} is null when a refused action named no known ticket. */
    public record Entry(long id, Instant occurredAt, String actor, String action, String ticketReference,
                        Long requestId, String reason, String detail) {
    }

    /** The head of the chain: the last row's sequence number and hash. */
    public record Head(long sequence, String hash) {
    }

    public void append(Handle handle, String actor, String action, Long ticketId, Long requestId, String reason,
                       String detail, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Head previous = handle.createQuery("SELECT chain_seq, row_hash FROM unseal_audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
                .one();
        long sequence = previous.sequence() + 1;
        String hash = rowHash(previous.hash(), sequence, at, actor, action, ticketId, requestId, reason, detail);
        handle.createUpdate("""
                        INSERT INTO unseal_audit (occurred_at, actor, action, ticket_id, request_id, reason, detail,
                                                  chain_seq, prev_hash, row_hash)
                        VALUES (:now, :actor, :action, :ticket, :request, :reason, :detail, :seq, :prev, :hash)""")
                .bind("now", at)
                .bind("actor", actor)
                .bind("action", action)
                .bind("ticket", ticketId)
                .bind("request", requestId)
                .bind("reason", reason)
                .bind("detail", detail)
                .bind("seq", sequence)
                .bind("prev", previous.hash())
                .bind("hash", hash)
                .execute();
        handle.createUpdate("UPDATE unseal_audit_head SET chain_seq = :seq, row_hash = :hash WHERE id = 1")
                .bind("seq", sequence).bind("hash", hash).execute();
        Head head = new Head(sequence, hash);
        if (handle.isInTransaction()) {
            handle.afterCommit(() -> publish(head));
        } else {
            publish(head);
        }
    }

    /** The head as last copied outside the database; empty before the first entry. */
    public Optional<Head> publishedHead() {
        if (!Files.isRegularFile(headFile)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(headFile, StandardCharsets.US_ASCII).strip().split("\\s+");
            return Optional.of(new Head(Long.parseLong(fields[0]), fields[1]));
        } catch (IOException | RuntimeException e) {
            throw new SealingException("the unseal audit head file " + headFile + " cannot be read");
        }
    }

    Path headFile() {
        return headFile;
    }

    private synchronized void publish(Head head) {
        LOG.info("Unseal audit chain head: entry {} sha256 {}", head.sequence(), head.hash());
        try {
            Optional<Head> current = publishedHead();
            if (current.isPresent() && current.get().sequence() >= head.sequence()) {
                return; // another process got further; the head never goes back
            }
            Files.createDirectories(headFile.getParent());
            Path temporary = Files.createTempFile(headFile.getParent(), ".head-", ".tmp");
            Files.writeString(temporary, head.sequence() + " " + head.hash() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, headFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, headFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SealingException e) {
            // The entry is committed and its head logged; `audit verify` reports the file as behind.
            LOG.error("Cannot write the unseal audit head file {}: {}", headFile, e.getClass().getSimpleName());
        }
    }

    /** SHA-256 over the previous hash and this row's fields, each length-prefixed so no two rows encode alike. */
    static String rowHash(String previousHash, long sequence, Instant occurredAt, String actor, String action,
                          Long ticketId, Long requestId, String reason, String detail) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {previousHash, sequence, occurredAt.toEpochMilli(), actor, action, ticketId,
                requestId, reason, detail}) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                String text = field.toString();
                canonical.append(text.length()).append(':').append(text);
            }
            canonical.append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trail, oldest first, of one ticket or of all. */
    public List<Entry> list(Handle handle, Optional<Long> ticketId) {
        return handle.createQuery("""
                        SELECT a.id, a.occurred_at, a.actor, a.action, t.reference, a.request_id, a.reason, a.detail
                        FROM unseal_audit a LEFT JOIN ticket t ON t.id = a.ticket_id
                        WHERE :ticket IS NULL OR a.ticket_id = :ticket
                        ORDER BY a.id""")
                .bind("ticket", ticketId.orElse(null))
                .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6) == null ? null : rs.getLong(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }
}
