package org.shahid.reporters;

import org.shahid.tickets.Ticket;

/**
 * What the reporter's controls need of a follow-up that joined a ticket under the identity rules (a Message-ID only
 * the reporter received, the receipt code, or an authenticated From): the ticket, the follow-up's own message and
 * sealed identity, whether it can be answered, and the mailbox any answer is sent from. Carries no identity.
 * Immutable.
 *
 * @param sealedId the follow-up's own sealed identity, whose reply channel a confirmation goes to
 * @param answerable false for mail without a valid reply address
 * @param mailboxAddress the address it was sent to, from which any answer is sent
 */
public record ReporterFollowUp(Ticket ticket, long messageId, long sealedId, boolean answerable,
                               String mailboxAddress) {

    @Override
    public String toString() {
        return "ReporterFollowUp[" + ticket.reference() + "]";
    }
}
