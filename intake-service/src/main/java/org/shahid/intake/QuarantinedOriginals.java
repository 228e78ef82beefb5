package org.shahid.intake;

import java.util.Optional;

/**
 * Where a quarantined mail's original can be found again without any key: its mailbox's quarantine folder, where
 * intake moved it. Empty when it is not there (deleted on the server, or it arrived by push and was never in a
 * mailbox); then only the custodians open the sealed copy.
 */
@FunctionalInterface
public interface QuarantinedOriginals {

    Optional<byte[]> refetch(QuarantineDao.Entry entry);
}
