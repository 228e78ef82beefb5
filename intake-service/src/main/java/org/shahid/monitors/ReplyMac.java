package org.shahid.monitors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shahid.parsing.MailHeaders;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.tickets.TicketReference;

/**
 * Ties a monitor's reply to one ticket: a truncated keyed hash (HMAC-SHA256 under the pseudonym pepper, purpose
 * "monitor-reply") of the ticket reference, carried in the Reply-To plus-address
 * ({@code monitors+SHD-…-<mac>@domain}) and in the subject ({@code [key:<mac>]}) as a fallback for servers
 * without plus-addressing. Knowing one ticket's MAC tells nothing about another's. Thread-safe.
 */
public final class ReplyMac {

    /** 64 bits: guessing is hopeless at mail speed, and the address stays short enough for every client. */
    private static final int LENGTH = 16;
    private static final Pattern IN_ADDRESS = Pattern.compile(
            "\\+(SHD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})-([0-9A-F]{" + LENGTH + "})@", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_SUBJECT = Pattern.compile("\\[key:([0-9A-F]{" + LENGTH + "})\\]",
            Pattern.CASE_INSENSITIVE);
    private static final java.util.List<String> ADDRESS_FIELDS = java.util.List.of(
            "To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To");

    private final Pseudonymizer pseudonymizer;
    private final String monitorsAddress;
    private final boolean plusAddressing;

    public ReplyMac(Pseudonymizer pseudonymizer, String monitorsAddress, boolean plusAddressing) {
        this.pseudonymizer = pseudonymizer;
        this.monitorsAddress = monitorsAddress;
        this.plusAddressing = plusAddressing;
    }

    public String macOf(TicketReference reference) {
        return pseudonymizer.keyedHash("monitor-reply", reference.value()).substring(0, LENGTH);
    }

    /** The Reply-To of mail to monitors about this ticket. */
    public String replyAddress(TicketReference reference) {
        if (!plusAddressing) {
            return monitorsAddress;
        }
        int at = monitorsAddress.indexOf('@');
        return monitorsAddress.substring(0, at) + "+" + reference.value() + "-" + macOf(reference)
                + monitorsAddress.substring(at);
    }

    /** The token that follows the reference in the subject of mail to monitors. */
    public String subjectToken(TicketReference reference) {
        return "[key:" + macOf(reference) + "]";
    }

    /** What a reply claims: a ticket and a MAC, from its recipient addresses first, else from its subject. */
    public record Claim(TicketReference reference, String mac) {
    }

    public Optional<Claim> claimOf(MailHeaders headers, String subject) {
        for (String field : ADDRESS_FIELDS) {
            for (String value : headers.all(field)) {
                Matcher matcher = IN_ADDRESS.matcher(value);
                if (matcher.find()) {
                    return Optional.of(new Claim(new TicketReference(matcher.group(1).toUpperCase(Locale.ROOT)),
                            matcher.group(2).toLowerCase(Locale.ROOT)));
                }
            }
        }
        Optional<TicketReference> reference = TicketReference.findIn(subject);
        Matcher token = IN_SUBJECT.matcher(subject == null ? "" : subject);
        if (reference.isPresent() && token.find()) {
            return Optional.of(new Claim(reference.get(), token.group(1).toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    /** Constant-time comparison, so timing tells nothing about how much of a forged MAC was right. */
    public boolean isValid(Claim claim) {
        return MessageDigest.isEqual(macOf(claim.reference()).getBytes(StandardCharsets.US_ASCII),
                claim.mac().getBytes(StandardCharsets.US_ASCII));
    }
}
