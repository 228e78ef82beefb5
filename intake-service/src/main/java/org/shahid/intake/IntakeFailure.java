package org.shahid.intake;

/**
 * Intake of one mail failed and will be retried on the next poll. Deliberately carries no cause: the causes'
 * messages (parser errors, SQL errors) can quote a sender's address, and Camel logs what it is given.
 */
public final class IntakeFailure extends RuntimeException {
    public IntakeFailure(String safeMessage) {
        super(safeMessage, null, false, false);
    }
}
