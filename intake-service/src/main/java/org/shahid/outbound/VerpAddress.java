package org.shahid.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shahid.sealing.Pseudonymizer;

/**
 * The per-mail envelope sender (VERP) of everything the outbox sends: {@code bounces+<outbox id>-<mac>@domain}, where
 * the MAC is a keyed hash of the id, so a bounce names the mail it is about without anybody reading its text, and
 * nobody can forge a bounce for a mail they did not receive. Built from {@code shahid.mailbox.bounces.address};
 * empty there means no VERP (the From address is the envelope sender). Immutable, thread-safe.
 */
public final class VerpAddress {

    private static final int MAC_LENGTH = 12;
    private final Pseudonymizer pseudonymizer;
    private final String localPart;
    private final String domain;
    private final Pattern pattern;

    public VerpAddress(Pseudonymizer pseudonymizer, String bouncesAddress) {
        this.pseudonymizer = pseudonymizer;
        int at = bouncesAddress == null ? -1 : bouncesAddress.lastIndexOf('@');
        this.localPart = at > 0 ? bouncesAddress.substring(0, at) : "";
        this.domain = at > 0 ? bouncesAddress.substring(at + 1) : "";
        this.pattern = Pattern.compile(Pattern.quote(localPart) + "\\+([0-9]{1,19})-([0-9a-f]{" + MAC_LENGTH + "})@"
                + Pattern.quote(domain), Pattern.CASE_INSENSITIVE);
    }

    public boolean isEnabled() {
        return !domain.isEmpty();
    }

    private String macOf(long outboxId) {
        return pseudonymizer.keyedHash("verp", Long.toString(outboxId)).substring(0, MAC_LENGTH);
    }

    /** The envelope sender for outbox row {@code outboxId}, or {@code fallback} when VERP is off. */
    public String envelopeSenderOf(long outboxId, String fallback) {
        return isEnabled() ? localPart + "+" + outboxId + "-" + macOf(outboxId) + "@" + domain : fallback;
    }

    /** The outbox row a VERP address in {@code text} names, when its MAC is right. */
    public Optional<Long> outboxIdIn(String text) {
        if (!isEnabled() || text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            long id;
            try {
                id = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException tooLong) {
                continue;
            }
            if (MessageDigest.isEqual(macOf(id).getBytes(StandardCharsets.US_ASCII),
                    matcher.group(2).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
