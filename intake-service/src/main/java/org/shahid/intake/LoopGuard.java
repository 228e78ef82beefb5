package org.shahid.intake;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.shahid.parsing.ParsedMail;

/**
 * Decides whether a mail may be answered: the first {@link AutomatedMailCheck} that matches gives the reason
 * it may not. Configured once from {@code shahid.own-addresses}. Thread-safe.
 */
public final class LoopGuard {

    private final List<AutomatedMailCheck> checks;

    public LoopGuard(Collection<String> ownAddresses) {
        this.checks = List.of(new IsAutoSubmitted(), new HasBulkPrecedence(), new HasListId(),
                new HasEmptyReturnPath(), new IsFromSystemSender(), new IsDeliveryReport(),
                new IsFromOwnAddress(ownAddresses));
    }

    /** Why this mail must not be answered, or empty when a reply is safe. */
    public Optional<String> reasonNotToAnswer(ParsedMail mail) {
        return checks.stream().filter(check -> check.matches(mail)).map(AutomatedMailCheck::reason).findFirst();
    }
}
