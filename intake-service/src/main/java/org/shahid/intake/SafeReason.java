package org.shahid.intake;

import org.shahid.parsing.UnparseableMailException;

/**
 * A failure described for logs, tables and admins without any text that came from the mail: the exception
 * types along the cause chain, plus the reason of our own exceptions, whose messages are written to be safe.
 */
final class SafeReason {

    private SafeReason() {
    }

    static String of(Throwable error) {
        StringBuilder reason = new StringBuilder();
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 4; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (depth++ > 0) {
                reason.append(" <- ");
            }
            reason.append(cause.getClass().getSimpleName());
            if (cause instanceof UnparseableMailException || cause instanceof IntakeFailure
                    || cause instanceof QuarantineAtOnce) {
                reason.append(": ").append(cause.getMessage());
            }
            StackTraceElement[] trace = cause.getStackTrace();
            if (trace.length > 0 && depth == 1) {
                reason.append(" at ").append(trace[0].getClassName()).append('.').append(trace[0].getMethodName());
            }
        }
        return reason.toString();
    }
}
