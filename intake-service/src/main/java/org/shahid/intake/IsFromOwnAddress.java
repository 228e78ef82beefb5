package org.shahid.intake;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.shahid.parsing.ParsedMail;

/** Mail that claims to come from one of Shahid's own addresses: answering it would talk to ourselves. */
public final class IsFromOwnAddress implements AutomatedMailCheck {

    private final Set<String> ownAddresses;

    public IsFromOwnAddress(Collection<String> ownAddresses) {
        this.ownAddresses = ownAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean matches(ParsedMail mail) {
        return mail.from().map(from -> ownAddresses.contains(from.address().toLowerCase(Locale.ROOT))).orElse(false);
    }

    @Override
    public String reason() {
        return "sent from one of Shahid's own addresses";
    }
}
