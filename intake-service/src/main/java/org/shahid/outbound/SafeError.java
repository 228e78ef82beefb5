package org.shahid.outbound;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Describes a sending failure without its message text, which for SMTP often quotes the recipient's address
 * ("550 5.1.1 &lt;name@example.org&gt;: unknown user"): only the exception type and the SMTP reply code.
 */
final class SafeError {

    private SafeError() {
    }

    static String describe(Throwable error) {
        int code = replyCode(error);
        return error.getClass().getSimpleName() + (code > 0 ? " (SMTP " + code + ")" : "");
    }

    /** The SMTP reply code of the failure or of its first cause that has one; 0 when none. */
    static int replyCode(Throwable error) {
        for (Throwable cause = error; cause != null; cause = nextOf(cause)) {
            if (cause instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (cause instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return 0;
    }

    private static Throwable nextOf(Throwable error) {
        if (error instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return error.getCause() == error ? null : error.getCause();
    }
}
