package org.shahid.intake;

/**
 * A mail that would fail the same way on every attempt and cost time on each (a hostile header block, a mail that
 * used up its parsing budget): {@link IngestMail} quarantines it at the first failure. The message is written by
 * Shahid and quotes nothing of the mail.
 */
public class QuarantineAtOnce extends RuntimeException {

    public QuarantineAtOnce(String safeReason) {
        super(safeReason, null, false, false);
    }
}
