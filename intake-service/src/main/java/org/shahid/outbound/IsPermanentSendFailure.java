package org.shahid.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Whether a sending failure can never succeed on retry: an address that does not parse, a relay that rejected the
 * recipient as invalid, or any 5xx reply anywhere in the chain of causes. Retrying such a mail only tells more
 * servers, for hours, that somebody wrote to that address. Stateless.
 */
final class IsPermanentSendFailure {

    private IsPermanentSendFailure() {
    }

    static boolean test(Throwable error) {
        for (Throwable cause = error; cause != null; cause = nextOf(cause)) {
            if (cause instanceof AddressException) {
                return true;
            }
            int code = cause instanceof SMTPAddressFailedException failed ? failed.getReturnCode()
                    : cause instanceof SMTPSendFailedException failed ? failed.getReturnCode() : 0;
            if (code >= 500 && code < 600) {
                return true;
            }
            if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0 && (failed.getValidSentAddresses() == null
                    || failed.getValidSentAddresses().length == 0)
                    && (failed.getValidUnsentAddresses() == null || failed.getValidUnsentAddresses().length == 0)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable nextOf(Throwable error) {
        if (error instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != error) {
            return messaging.getNextException();
        }
        return error.getCause() == error ? null : error.getCause();
    }
}
