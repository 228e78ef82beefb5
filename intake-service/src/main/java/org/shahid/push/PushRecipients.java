package org.shahid.push;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shahid.kernel.Settings;
import org.shahid.intake.Mailbox;
import org.shahid.tickets.TicketKind;

/**
 * The recipients the push listener accepts, each with the mailbox its mail is taken in as: report@ and info@, as
 * {@code shahid.mailbox.report.address} and {@code shahid.mailbox.info.address} name them (compared without case).
 * Immutable and thread-safe.
 */
public final class PushRecipients {

    private final Map<String, Mailbox> byAddress;

    PushRecipients(Map<String, Mailbox> byAddress) {
        this.byAddress = Map.copyOf(byAddress);
    }

    public static PushRecipients from(Settings settings) {
        Mailbox report = new Mailbox("report", settings.text("shahid.mailbox.report.address"), TicketKind.REPORT);
        Mailbox info = new Mailbox("info", settings.text("shahid.mailbox.info.address"), TicketKind.COMMENT);
        return new PushRecipients(Map.of(normalised(report.address()), report, normalised(info.address()), info));
    }

    /** The mailbox for an envelope recipient ({@code RCPT TO}), or empty when it is not one of Shahid's. */
    public Optional<Mailbox> mailboxFor(String recipient) {
        return Optional.ofNullable(byAddress.get(normalised(recipient)));
    }

    private static String normalised(String address) {
        String bare = address.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.toLowerCase(Locale.ROOT);
    }
}
