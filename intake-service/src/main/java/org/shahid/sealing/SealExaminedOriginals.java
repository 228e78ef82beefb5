package org.shahid.sealing;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a message's evidence is examined, moves its original attachments and embedded members from the server's
 * streaming key to the active custodian key ({@code evidence/<sha256>} becomes {@code custodian-evidence/<sha256>}):
 * the server only needed them for the examination, the scrubbed copies serve everything after. An original that
 * another message still waits to examine stays until that examination ends. Without a custodian key it does nothing
 * ({@code custodians migrate} converts later). Called after the examination's commit; thread-safe.
 */
public final class SealExaminedOriginals {

    private static final Logger LOG = LoggerFactory.getLogger(SealExaminedOriginals.class);
    static final String SERVER_NAMESPACE = "evidence/";

    private final Jdbi jdbi;
    private final SealedBlobStore blobs;
    private final CustodianKeys custodians;

    public SealExaminedOriginals(Jdbi jdbi, SealedBlobStore blobs, CustodianKeys custodians) {
        this.jdbi = jdbi;
        this.blobs = blobs;
        this.custodians = custodians;
    }

    /** Seals the examined originals of one message to the custodians; returns how many files moved. */
    public int sealOriginalsOf(long messageId) {
        try {
            return sealExaminedOf(messageId);
        } catch (RuntimeException e) {
            // The examination is committed; retention's next run seals what this could not.
            LOG.warn("Examined originals of message {} not sealed to the custodians yet: {}", messageId,
                    e.getClass().getSimpleName());
            return 0;
        }
    }

    private int sealExaminedOf(long messageId) {
        Optional<CustodianPublicKey> key = custodians.active();
        if (key.isEmpty()) {
            return 0;
        }
        List<String> hashes = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.sha256 FROM attachment a WHERE a.message_id = :message AND a.sha256 IS NOT NULL
                        UNION
                        SELECT m.sha256 FROM attachment_member m JOIN attachment a ON a.id = m.attachment_id
                        WHERE a.message_id = :message AND m.sha256 IS NOT NULL AND m.original_sealed""")
                .bind("message", messageId).mapTo(String.class).list());
        return sealAll(hashes, key.get());
    }

    /** Every examined original still under the server key (the migration); returns how many files moved. */
    public int sealAllExamined() {
        Optional<CustodianPublicKey> key = custodians.active();
        if (key.isEmpty()) {
            return 0;
        }
        List<String> hashes = blobs.list().keySet().stream().filter(name -> name.startsWith(SERVER_NAMESPACE))
                .map(name -> name.substring(SERVER_NAMESPACE.length())).toList();
        return sealAll(hashes, key.get());
    }

    private int sealAll(List<String> hashes, CustodianPublicKey key) {
        int moved = 0;
        for (String sha256 : hashes) {
            String serverKey = SERVER_NAMESPACE + sha256;
            if (!blobs.exists(serverKey) || jdbi.withHandle(handle -> awaitsExamination(handle, sha256))) {
                continue;
            }
            blobs.sealForCustodians(serverKey, key);
            moved++;
        }
        if (moved > 0) {
            LOG.info("Sealed {} examined original(s) to custodian key {}", moved, CustodianShare.keyIdText(key.id()));
        }
        return moved;
    }

    private static boolean awaitsExamination(Handle handle, String sha256) {
        return handle.createQuery("SELECT COUNT(*) FROM attachment WHERE sha256 = :sha AND NOT examined")
                .bind("sha", sha256).mapTo(Long.class).one() > 0;
    }
}
