package org.shahid.intake;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox consumers' handler of a failed poll (a refused login, a server gone away): one WARN line naming the
 * mailbox and the kind of failure, without the stack trace Camel's default handler prints on every poll. Camel
 * still counts the failure, so {@code /health/ready} shows the mailbox DOWN. Bound as
 * {@code logPollFailureInOneLine}; stateless and thread-safe.
 */
public final class LogPollFailureInOneLine implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LogPollFailureInOneLine.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        LOG.warn("Mailbox {} could not be polled, trying again at the next poll: {}", mailboxOf(message),
                describe(exception));
    }

    /** The login named in Camel's message ("Failed polling endpoint: imap://host:port?...username=x..."). */
    static String mailboxOf(String message) {
        if (message == null) {
            return "(unknown)";
        }
        int start = message.indexOf("username=");
        if (start < 0) {
            int scheme = message.indexOf("://");
            int query = message.indexOf('?', Math.max(scheme, 0));
            return scheme < 0 ? "(unknown)" : message.substring(message.lastIndexOf(' ', scheme) + 1,
                    query < 0 ? message.length() : query);
        }
        int end = message.indexOf('&', start);
        return java.net.URLDecoder.decode(message.substring(start + "username=".length(),
                end < 0 ? message.length() : end), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String describe(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (text.length() > 160 ? text.substring(0, 160) : text);
    }
}
