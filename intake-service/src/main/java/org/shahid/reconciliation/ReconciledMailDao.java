package org.shahid.reconciliation;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The mails reconciliation has accounted for, by mailbox, folder, UIDVALIDITY and UID, with their mail keys
 * ({@code reconciled_mail}), so that each mail is fetched once in its life and a folder's keys are known without
 * fetching it again. Keys are hashes: nothing of a mail's content or sender. Thread-safe.
 */
final class ReconciledMailDao {

    private final Jdbi jdbi;

    ReconciledMailDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** UID to mail key (null for a mail too large to key) of every mail remembered in this folder's numbering. */
    Map<Long, String> known(String mailbox, String folder, long validity) {
        Map<Long, String> known = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("""
                        SELECT uid, mail_key FROM reconciled_mail
                        WHERE mailbox = :mailbox AND folder = :folder AND uid_validity = :validity""")
                .bind("mailbox", mailbox).bind("folder", folder).bind("validity", validity)
                .map((row, context) -> known.put(row.getLong("uid"), row.getString("mail_key"))).list());
        return known;
    }

    void remember(String mailbox, String folder, long validity, long uid, String mailKey) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT IGNORE INTO reconciled_mail (mailbox, folder, uid_validity, uid, mail_key)
                        VALUES (:mailbox, :folder, :validity, :uid, :key)""")
                .bind("mailbox", mailbox).bind("folder", folder).bind("validity", validity).bind("uid", uid)
                .bind("key", mailKey).execute());
    }
}
