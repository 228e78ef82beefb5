package org.shahid.sealing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@code audit verify}: walks the unseal audit chain and reports every deleted, truncated, reordered or changed
 * row, a database head that disagrees with the chain or with the head copied outside the database, and any unseal
 * request or approval that no audit entry accounts for. Thread-safe (no state).
 */
public final class AuditChainCheck {

    /** What the walk found; {@code problems} empty means the chain holds. */
    public record Result(long entries, long entriesBeforeChain, List<String> problems) {
        public boolean holds() {
            return problems.isEmpty();
        }
    }

    private record Row(long id, Instant occurredAt, String actor, String action, Long ticketId, Long requestId,
                       String reason, String detail, Long sequence, String previousHash, String hash) {
    }

    public Result check(Handle handle, UnsealAudit audit) {
        List<String> problems = new ArrayList<>();
        List<Row> rows = handle.createQuery("""
                        SELECT id, occurred_at, actor, action, ticket_id, request_id, reason, detail, chain_seq,
                               prev_hash, row_hash
                        FROM unseal_audit ORDER BY id""")
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class),
                        rs.getString(7), rs.getString(8), (Long) rs.getObject(9, Long.class), rs.getString(10),
                        rs.getString(11)))
                .list();
        long beforeChain = rows.stream().filter(row -> row.sequence() == null).count();
        long expected = 1;
        String previousHash = UnsealAudit.GENESIS;
        Map<Long, List<Row>> byRequest = new HashMap<>();
        for (Row row : rows) {
            if (row.sequence() == null) {
                if (expected > 1) {
                    problems.add("row " + row.id() + " has no place in the chain but follows chained entries");
                }
                continue;
            }
            if (row.sequence() != expected) {
                problems.add(row.sequence() > expected
                        ? "entries " + expected + (row.sequence() - 1 > expected ? "-" + (row.sequence() - 1) : "")
                                + " are missing before entry " + row.sequence() + " (deleted)"
                        : "entry " + row.sequence() + " is out of order at row " + row.id() + " (reordered)");
            }
            if (!previousHash.equals(row.previousHash())) {
                problems.add("entry " + row.sequence() + " does not follow the entry before it (deleted or reordered)");
            }
            String recomputed = UnsealAudit.rowHash(row.previousHash(), row.sequence(), row.occurredAt(), row.actor(),
                    row.action(), row.ticketId(), row.requestId(), row.reason(), row.detail());
            if (!recomputed.equals(row.hash())) {
                problems.add("entry " + row.sequence() + " was changed after it was written");
            }
            if (row.requestId() != null) {
                byRequest.computeIfAbsent(row.requestId(), id -> new ArrayList<>()).add(row);
            }
            previousHash = row.hash() == null ? "" : row.hash();
            expected = row.sequence() + 1;
        }
        long last = expected - 1;
        Optional<UnsealAudit.Head> databaseHead = handle.createQuery(
                        "SELECT chain_seq, row_hash FROM unseal_audit_head WHERE id = 1")
                .map((rs, ctx) -> new UnsealAudit.Head(rs.getLong(1), rs.getString(2))).findOne();
        if (databaseHead.isEmpty() || databaseHead.get().sequence() != last
                || !databaseHead.get().hash().equals(last == 0 ? UnsealAudit.GENESIS : previousHash)) {
            problems.add("the chain head in the database does not match the last entry (" + last + ")");
        }
        Optional<UnsealAudit.Head> published = audit.publishedHead();
        if (published.isPresent()) {
            UnsealAudit.Head head = published.get();
            if (head.sequence() > last) {
                problems.add("the head written outside the database names entry " + head.sequence() + ", the chain"
                        + " ends at " + last + " (entries truncated or deleted)");
            } else {
                Optional<Row> atHead = rows.stream()
                        .filter(row -> row.sequence() != null && row.sequence() == head.sequence()).findFirst();
                if (atHead.isEmpty() || !head.hash().equals(atHead.get().hash())) {
                    problems.add("entry " + head.sequence() + " differs from the head written outside the database"
                            + " (the chain was rewritten)");
                }
            }
        } else if (last > 0) {
            problems.add("no head file at " + audit.headFile() + " although the chain has " + last + " entries");
        }
        checkRequests(handle, byRequest, problems);
        return new Result(rows.size(), beforeChain, List.copyOf(problems));
    }

    /** Every request and approval row must be accounted for by the audited step that wrote it. */
    private static void checkRequests(Handle handle, Map<Long, List<Row>> byRequest, List<String> problems) {
        handle.createQuery("SELECT id, ticket_id, reason FROM unseal_request ORDER BY id")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3)})
                .forEach(request -> {
                    long id = (Long) request[0];
                    boolean audited = byRequest.getOrDefault(id, List.of()).stream()
                            .anyMatch(row -> "REQUESTED".equals(row.action())
                                    && java.util.Objects.equals(request[1], row.ticketId())
                                    && request[2].equals(row.reason()));
                    boolean legacy = handle.createQuery("""
                                    SELECT COUNT(*) FROM unseal_audit WHERE request_id = :id AND chain_seq IS NULL
                                    AND action = 'REQUESTED'""")
                            .bind("id", id).mapTo(Long.class).one() > 0;
                    if (!audited && !legacy) {
                        problems.add("unseal request " + id + " does not match its audited REQUESTED entry");
                    }
                });
        handle.createQuery("SELECT request_id, custodian_key_id, share_index FROM unseal_approval ORDER BY id")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3)})
                .forEach(approval -> {
                    String share = "key " + CustodianShare.keyIdText((Long) approval[1]) + " share " + approval[2];
                    boolean audited = byRequest.getOrDefault((Long) approval[0], List.of()).stream()
                            .anyMatch(row -> "APPROVED".equals(row.action()) && share.equals(row.actor()));
                    if (!audited) {
                        problems.add("an approval of request " + approval[0] + " by " + share
                                + " has no audited APPROVED entry");
                    }
                });
    }
}
