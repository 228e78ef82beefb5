package org.shahid.intake;

import java.util.Locale;
import java.util.Set;
import org.shahid.parsing.ParsedMail;

/** Precedence: bulk, junk, list or auto_reply: mass or automatic mail that must not be answered. */
public final class HasBulkPrecedence implements AutomatedMailCheck {

    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");

    @Override
    public boolean matches(ParsedMail mail) {
        return mail.headers().all("Precedence").stream()
                .anyMatch(value -> BULK.contains(value.strip().toLowerCase(Locale.ROOT)))
                || mail.headers().all("X-Precedence").stream()
                .anyMatch(value -> BULK.contains(value.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String reason() {
        return "bulk, junk or list precedence";
    }
}
