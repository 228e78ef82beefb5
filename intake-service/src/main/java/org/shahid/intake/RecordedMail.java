package org.shahid.intake;

import org.shahid.tickets.Ticket;

/**
 * What the ticket transaction has written for one mail so far, for the steps that follow it: the ticket (opened
 * or joined), the message row, the sealed identity row, the mailbox and the language. Carries no identity.
 * Immutable.
 */
public record RecordedMail(Ticket ticket, long messageId, long sealedIdentityId, Mailbox mailbox,
                           String languageCode, boolean followUp) {

    public long ticketId() {
        return ticket.id();
    }
}
