package org.shahid.authentication;

import java.util.Locale;
import java.util.Set;

/**
 * The form of an address used ONLY to count mail for rate limits, so that variants reaching one inbox share one
 * limit: lower case, the plus-tag dropped ({@code victim+1@} is {@code victim@}), and for providers that ignore
 * dots in the local part (Gmail) the dots dropped and {@code googlemail.com} read as {@code gmail.com}. Never used
 * to send or to compare identities: two canonical forms that are equal may still be two people. Stateless.
 */
public final class CanonicalAddress {

    private static final Set<String> DOTLESS_DOMAINS = Set.of("gmail.com", "googlemail.com");

    private CanonicalAddress() {
    }

    public static String of(String addrSpec) {
        String address = addrSpec == null ? "" : addrSpec.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.startsWith("\"") && local.endsWith("\"") && local.length() >= 2) {
            local = local.substring(1, local.length() - 1);
        }
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (DOTLESS_DOMAINS.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
