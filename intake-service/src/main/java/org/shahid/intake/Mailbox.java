package org.shahid.intake;

import org.shahid.tickets.TicketKind;

/**
 * A mailbox Shahid polls, as its route declares it: a short name (e.g. {@code report}), the address
 * reporters write to (acknowledgements come from it), and the kind of ticket its mail opens. Immutable.
 */
public record Mailbox(String name, String address, TicketKind kind) {

    public Mailbox {
        if (name == null || !name.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("mailbox name must be 1-64 of a-z, 0-9 and '-'");
        }
        if (address == null || !address.contains("@")) {
            throw new IllegalArgumentException("mailbox " + name + " needs an address");
        }
    }
}
