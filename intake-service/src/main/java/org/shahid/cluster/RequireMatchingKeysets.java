package org.shahid.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import org.shahid.kernel.ConfigurationException;

/**
 * Start-up check that this instance holds every key the database's records were sealed with: it records the ids
 * of its own keys (ids only) in {@code keyset_key} and refuses to start when a recorded id is missing from its
 * keysets, as on an instance pointed at another keys folder. Without it such an instance starts and then fails
 * every row it cannot open. Called once by the service at start. Thread-safe (stateless).
 */
public final class RequireMatchingKeysets {

    private final Jdbi jdbi;

    public RequireMatchingKeysets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records this instance's key ids, then throws when the database knows ids it lacks. */
    public void check(Map<String, Set<Long>> ownKeyIds, Instant now) {
        // Instances starting together deadlock on the first recording (gap locks of the empty table): InnoDB rolls
        // one back, and it simply checks again.
        for (int attempt = 1; ; attempt++) {
            try {
                checkOnce(ownKeyIds, now);
                return;
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (attempt >= 5 || !(e.getCause() instanceof java.sql.SQLTransactionRollbackException)) {
                    throw e;
                }
            }
        }
    }

    private void checkOnce(Map<String, Set<Long>> ownKeyIds, Instant now) {
        jdbi.useTransaction(handle -> {
            Map<String, Set<Long>> missing = new TreeMap<>();
            List<Map<String, Object>> recorded = handle.createQuery(
                    "SELECT keyset, key_id FROM keyset_key FOR UPDATE").mapToMap().list();
            for (Map<String, Object> row : recorded) {
                String keyset = (String) row.get("keyset");
                long id = ((Number) row.get("key_id")).longValue();
                if (!ownKeyIds.getOrDefault(keyset, Set.of()).contains(id)) {
                    missing.computeIfAbsent(keyset, key -> new TreeSet<>()).add(id);
                }
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("the keysets in shahid.keys.dir are not the ones this database's"
                        + " records were sealed with (missing key ids " + missing + "): give every instance a copy"
                        + " of the same keys folder");
            }
            // Only a matching instance records its ids; new ones (after a rotation) then bind the others too.
            ownKeyIds.forEach((keyset, ids) -> ids.forEach(id -> handle.createUpdate(
                            "INSERT IGNORE INTO keyset_key (keyset, key_id, recorded_at) VALUES (:keyset, :id, :now)")
                    .bind("keyset", keyset).bind("id", id).bind("now", now).execute()));
        });
    }
}
