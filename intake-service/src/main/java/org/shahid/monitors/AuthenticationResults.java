package org.shahid.monitors;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the verdict of the receiving mail server from {@code Authentication-Results} (RFC 8601): only the
 * TOPMOST header carrying our own authserv-id counts, because anything below it could have been written by the
 * sender (§5). A reply passes when that header says dkim=pass for the sender's domain (header.d/header.i) or
 * spf=pass for it (smtp.mailfrom). Stateless and thread-safe.
 */
public final class AuthenticationResults {

    private AuthenticationResults() {
    }

    /** Why the reply is not authenticated, or empty when it is. */
    public static Optional<String> failure(List<String> headersTopFirst, String authservId, String senderDomain) {
        String domain = senderDomain.toLowerCase(Locale.ROOT);
        for (String header : headersTopFirst) {
            String value = header.replaceAll("\\([^)]*\\)", " ").strip();
            String[] parts = value.split(";");
            String[] idAndVersion = parts[0].strip().split("\\s+");
            if (!idAndVersion[0].equalsIgnoreCase(authservId)) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                if (passes(parts[i].strip().toLowerCase(Locale.ROOT), domain)) {
                    return Optional.empty();
                }
            }
            return Optional.of("Authentication-Results of " + authservId + " show neither dkim=pass nor spf=pass for "
                    + domain);
        }
        return Optional.of("no Authentication-Results header of " + authservId);
    }

    private static boolean passes(String result, String domain) {
        String[] tokens = result.split("\\s+");
        if (tokens.length == 0) {
            return false;
        }
        if (tokens[0].equals("dkim=pass")) {
            for (String token : tokens) {
                if (token.equals("header.d=" + domain) || (token.startsWith("header.i=") && token.endsWith("@" + domain))
                        || token.equals("header.i=" + domain)) {
                    return true;
                }
            }
        }
        if (tokens[0].equals("spf=pass")) {
            for (String token : tokens) {
                if (token.startsWith("smtp.mailfrom=") && (token.endsWith("@" + domain)
                        || token.equals("smtp.mailfrom=" + domain))) {
                    return true;
                }
            }
        }
        return false;
    }
}
