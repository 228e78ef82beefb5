package org.shahid.monitors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shahid.parsing.MailHeaders;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.tickets.TicketReference;

/**
 * Ties a monitor's reply to one ticket AND one monitor, for a limited time: a truncated keyed hash (HMAC-SHA256
 * under the pseudonym pepper, purpose "monitor-reply") of the ticket reference, the monitor's roster address and
 * the day the key was issued. The key ({@code <day>-<mac>}) travels in the Reply-To plus-address
 * ({@code monitors+SHD-…-<day>-<mac>@domain}) and in the subject ({@code [key:<day>-<mac>]}) as a fallback for
 * servers without plus-addressing. One monitor's notification is no use to anyone else, and a key older than
 * {@code shahid.monitors.reply-key-ttl} is refused (with a fresh one). Thread-safe.
 */
public final class ReplyMac {

    /** 64 bits: guessing is hopeless at mail speed, and the address stays short enough for every client. */
    private static final int LENGTH = 16;
    private static final Pattern IN_ADDRESS = Pattern.compile(
            "\\+(SHD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})-([0-9]{1,7})-([0-9A-F]{" + LENGTH + "})@",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_SUBJECT = Pattern.compile("\\[key:([0-9]{1,7})-([0-9A-F]{" + LENGTH + "})\\]",
            Pattern.CASE_INSENSITIVE);
    private static final java.util.List<String> ADDRESS_FIELDS = java.util.List.of(
            "To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To");

    private final Pseudonymizer pseudonymizer;
    private final String monitorsAddress;
    private final boolean plusAddressing;
    private final Clock clock;
    private final long ttlDays;

    public ReplyMac(Pseudonymizer pseudonymizer, String monitorsAddress, boolean plusAddressing, Clock clock,
                    Duration ttl) {
        this.pseudonymizer = pseudonymizer;
        this.monitorsAddress = monitorsAddress;
        this.plusAddressing = plusAddressing;
        this.clock = clock;
        this.ttlDays = Math.max(1, ttl.toDays());
    }

    private long today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
    }

    String macOf(TicketReference reference, String monitorAddress, long issuedDay) {
        String value = reference.value() + "\u0000" + monitorAddress.strip().toLowerCase(Locale.ROOT) + "\u0000"
                + issuedDay;
        return pseudonymizer.keyedHash("monitor-reply", value).substring(0, LENGTH);
    }

    private String keyOf(TicketReference reference, String monitorAddress) {
        long day = today();
        return day + "-" + macOf(reference, monitorAddress, day);
    }

    /** The Reply-To of mail to this monitor about this ticket. */
    public String replyAddress(TicketReference reference, String monitorAddress) {
        if (!plusAddressing) {
            return monitorsAddress;
        }
        int at = monitorsAddress.indexOf('@');
        return monitorsAddress.substring(0, at) + "+" + reference.value() + "-" + keyOf(reference, monitorAddress)
                + monitorsAddress.substring(at);
    }

    /** The token that follows the reference in the subject of mail to this monitor. */
    public String subjectToken(TicketReference reference, String monitorAddress) {
        return "[key:" + keyOf(reference, monitorAddress) + "]";
    }

    /** What a reply claims: a ticket, the day its key was issued and a MAC. */
    public record Claim(TicketReference reference, long issuedDay, String mac) {
    }

    /** The claim of a reply, from its recipient addresses first, else from its subject. */
    public Optional<Claim> claimOf(MailHeaders headers, String subject) {
        for (String field : ADDRESS_FIELDS) {
            for (String value : headers.all(field)) {
                Matcher matcher = IN_ADDRESS.matcher(value);
                if (matcher.find()) {
                    return Optional.of(new Claim(new TicketReference(matcher.group(1).toUpperCase(Locale.ROOT)),
                            Long.parseLong(matcher.group(2)), matcher.group(3).toLowerCase(Locale.ROOT)));
                }
            }
        }
        Optional<TicketReference> reference = TicketReference.findIn(subject);
        Matcher token = IN_SUBJECT.matcher(subject == null ? "" : subject);
        if (reference.isPresent() && token.find()) {
            return Optional.of(new Claim(reference.get(), Long.parseLong(token.group(1)),
                    token.group(2).toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    /**
     * Whether the claim's MAC was issued to this monitor for this ticket on the day it names. Constant-time
     * comparison, so timing tells nothing about how much of a forged MAC was right.
     */
    public boolean isValid(Claim claim, String monitorAddress) {
        return MessageDigest.isEqual(macOf(claim.reference(), monitorAddress, claim.issuedDay())
                .getBytes(StandardCharsets.US_ASCII), claim.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a (valid) key is older than the TTL, or claims to come from the future. */
    public boolean isExpired(Claim claim) {
        long today = today();
        return claim.issuedDay() > today + 1 || today - claim.issuedDay() > ttlDays;
    }
}
