package org.shahid.parsing;

/**
 * Thrown by {@link MailParser} only when an input cannot be read as a mail at all. The message is a short,
 * fixed reason that never quotes the mail, so it is safe to log and to store with a quarantined mail.
 */
public class UnparseableMailException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnparseableMailException(String safeReason) {
        super(safeReason);
    }
}
