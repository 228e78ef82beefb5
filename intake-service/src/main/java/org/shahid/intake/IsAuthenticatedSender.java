package org.shahid.intake;

import java.util.List;
import java.util.function.BiPredicate;
import org.shahid.parsing.ParsedMail;

/**
 * Whether the receiving mail server vouched for a mail's From: the topmost {@code Authentication-Results} of
 * our own authserv-id ({@code shahid.mail.authserv-id}) says DMARC pass or aligned DKIM pass. The verdict itself
 * comes from the authentication package, wired at start; without an authserv-id nothing is authenticated.
 * Thread-safe.
 */
public final class IsAuthenticatedSender {

    /** Never authenticated: for a service without an authserv-id. */
    public static final IsAuthenticatedSender NOBODY = new IsAuthenticatedSender((headers, from) -> false);

    private final BiPredicate<List<String>, String> authenticates;

    /** @param authenticates given the Authentication-Results headers top down and the From address */
    public IsAuthenticatedSender(BiPredicate<List<String>, String> authenticates) {
        this.authenticates = authenticates;
    }

    public boolean test(ParsedMail mail) {
        return mail.from().map(from -> authenticates.test(mail.headers().all("Authentication-Results"),
                from.address())).orElse(false);
    }
}
