package org.shahid.intake;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.sealing.ReceiptCode;
import org.shahid.sealing.ReporterFreeMail;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketReference;

/**
 * The thread step of intake: finds the ticket a mail follows up on, by what only its reporter can know, never by
 * the From alone (which anyone can forge): In-Reply-To/References naming a mail Shahid sent to the reporter of a
 * ticket, or one of the reporter's own earlier mails (whose ids only they and Shahid hold); a receipt code
 * ({@link ReceiptCodes}); or an AUTHENTICATED From whose pseudonym is the ticket's and that keeps the
 * {@code [SHD-…]} reference. Anything else, a copied reference included, opens a ticket of its own. Thread-safe.
 */
public final class ResolveThread {

    private final TicketDao tickets;
    private final ReceiptCodes receipts;

    public ResolveThread(TicketDao tickets, ReceiptCodes receipts) {
        this.tickets = tickets;
        this.receipts = receipts;
    }

    /** The ticket a mail joins and what its receipt code (if any) did. */
    public record Resolution(Optional<Ticket> ticket, ReceiptCodes.Check receipt) {
    }

    /**
     * @param stablePseudonym the sender's address pseudonym when the mail is authenticated, else empty
     * @param rateKey what wrong receipt codes are counted by
     */
    public Resolution resolve(Handle handle, ReporterFreeMail mail, Optional<String> stablePseudonym, String rateKey,
                              Instant now) {
        // After an erasure nothing joins the ticket again, not even a reply to its confirmation: the reporter's mail
        // opens a ticket of its own, and the erased one stays unlinked from the address.
        Optional<Ticket> byReference = byReferencedMail(handle, mail).filter(ticket -> !ticket.reporterErased());
        if (byReference.isPresent()) {
            return new Resolution(byReference, ReceiptCodes.Check.NONE);
        }
        ReceiptCodes.Match match = receipts.match(handle, mail.receiptCode().map(ReceiptCode::new), rateKey, now);
        if (match.ticketId().isPresent()) {
            return new Resolution(match.ticketId().flatMap(id -> tickets.findById(handle, id)), match.check());
        }
        Optional<Ticket> byAuthenticatedSender = stablePseudonym.flatMap(pseudonym -> TicketReference
                .findIn(mail.subject()).flatMap(reference -> tickets.findByReference(handle, reference))
                .filter(ticket -> ticket.reporterPseudonym().equals(pseudonym)));
        return new Resolution(byAuthenticatedSender, match.check());
    }

    /** Issues the receipt code of a new ticket. */
    public ReceiptCode issueReceipt(Handle handle, long ticketId, Instant now) {
        return receipts.issue(handle, ticketId, now);
    }

    private Optional<Ticket> byReferencedMail(Handle handle, ReporterFreeMail mail) {
        for (String messageId : mail.shahidReferences()) {
            Optional<Long> ticketId = handle.createQuery("""
                            SELECT ticket_id FROM outbox
                            WHERE message_id = :messageId AND ticket_id IS NOT NULL AND recipient_sealed_id IS NOT NULL""")
                    .bind("messageId", messageId)
                    .mapTo(Long.class)
                    .findOne();
            if (ticketId.isPresent()) {
                return tickets.findById(handle, ticketId.get());
            }
        }
        for (String hash : mail.referencedIdHashes()) {
            Optional<Long> ticketId = handle.createQuery("""
                            SELECT ticket_id FROM ticket_message
                            WHERE message_id_hash = :hash AND direction = 'IN' ORDER BY id LIMIT 1""")
                    .bind("hash", hash)
                    .mapTo(Long.class)
                    .findOne();
            if (ticketId.isPresent()) {
                return tickets.findById(handle, ticketId.get());
            }
        }
        return Optional.empty();
    }
}
