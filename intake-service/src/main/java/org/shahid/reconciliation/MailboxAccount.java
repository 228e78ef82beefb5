package org.shahid.reconciliation;

import java.util.ArrayList;
import java.util.List;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.Settings;
import org.shahid.intake.Mailbox;
import org.shahid.tickets.TicketKind;

/**
 * An intake mailbox as reconciliation logs in to it: the mailbox (name, address, kind of ticket) and its IMAP
 * login. Read from {@code shahid.reconcile.mailboxes} ({@code name:KIND,…}) and {@code shahid.mailbox.<name>.*}.
 * Immutable.
 */
public record MailboxAccount(Mailbox mailbox, String username, String password) {

    @Override
    public String toString() {
        return mailbox.name();
    }

    /** Every mailbox named in {@code shahid.reconcile.mailboxes}. */
    public static List<MailboxAccount> fromSettings(Settings settings) {
        List<MailboxAccount> accounts = new ArrayList<>();
        for (String entry : settings.list("shahid.reconcile.mailboxes")) {
            String[] parts = entry.split(":");
            if (parts.length != 2) {
                throw new ConfigurationException("shahid.reconcile.mailboxes: '" + entry + "' is not name:KIND");
            }
            String name = parts[0].strip();
            TicketKind kind;
            try {
                kind = TicketKind.valueOf(parts[1].strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("shahid.reconcile.mailboxes: '" + parts[1] + "' is not REPORT or COMMENT");
            }
            String prefix = "shahid.mailbox." + name + ".";
            accounts.add(new MailboxAccount(new Mailbox(name, settings.text(prefix + "address"), kind),
                    settings.text(prefix + "username"), settings.text(prefix + "password", "")));
        }
        return accounts;
    }
}
