package org.shahid.reporters;

import java.util.List;
import org.shahid.outbound.Language;
import org.shahid.tickets.Ticket;

/**
 * What intake knows of a follow-up that joined a ticket, as the reporter's controls need it: the ticket, how the mail
 * joined it, its text, the Message-IDs it names, its own ticket message and sealed identity, and where an answer
 * goes. Immutable.
 *
 * @param joinedByReceiptCode true when the receipt code (not threading) joined it
 * @param referencedMessageIds In-Reply-To and References, as the mail names them
 * @param replyAddress the address the mail came from, "" when it has none; only ever sealed, never stored
 * @param automated true when the loop guard found the mail automatic (such mail never carries a request)
 * @param language the language detected in the mail, the answer's when the ticket has none
 * @param mailboxAddress the address it was sent to, from which any answer is sent
 */
public record ReporterFollowUp(Ticket ticket, boolean joinedByReceiptCode, String text,
                               List<String> referencedMessageIds, long messageId, long sealedId, String replyAddress,
                               boolean automated, Language language, String mailboxAddress) {

    @Override
    public String toString() {
        return "ReporterFollowUp[" + ticket.reference() + "]";
    }
}
