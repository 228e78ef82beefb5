package org.shahid.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.outbound.OutboxDao;
import org.shahid.parsing.ParsedMail;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketMessageDao;
import org.shahid.tickets.TicketReference;

/**
 * Finds the ticket a mail follows up on: by the {@code [SHD-…]} reference in its subject, or by
 * In-Reply-To/References naming a mail Shahid sent or an earlier mail of the ticket. Only the ticket's own
 * reporter (same pseudonym) can join it: a stranger who copies a reference opens a new ticket instead. Failing
 * those, a receipt code in the subject or first lines joins the ticket from any address ({@link ReceiptCodes}).
 * Thread-safe.
 */
public final class ResolveThread {

    private final TicketDao tickets;
    private final TicketMessageDao messages;
    private final OutboxDao outbox;
    private final Pseudonymizer pseudonymizer;
    private final ReceiptCodes receipts;

    public ResolveThread(TicketDao tickets, TicketMessageDao messages, OutboxDao outbox, Pseudonymizer pseudonymizer) {
        this(tickets, messages, outbox, pseudonymizer, null);
    }

    public ResolveThread(TicketDao tickets, TicketMessageDao messages, OutboxDao outbox, Pseudonymizer pseudonymizer,
                         ReceiptCodes receipts) {
        this.tickets = tickets;
        this.messages = messages;
        this.outbox = outbox;
        this.pseudonymizer = pseudonymizer;
        this.receipts = receipts;
    }

    /** The ticket a mail joins and what its receipt code (if any) did. */
    public record Resolution(Optional<Ticket> ticket, ReceiptCodes.Check receipt) {
    }

    /** Like {@link #find}, then by receipt code when nothing else threads the mail. */
    public Resolution resolve(Handle handle, ParsedMail mail, String senderPseudonym, java.time.Instant now) {
        Optional<Ticket> own = find(handle, mail, senderPseudonym);
        if (own.isPresent() || receipts == null) {
            return new Resolution(own, ReceiptCodes.Check.NONE);
        }
        ReceiptCodes.Match match = receipts.match(handle, mail, senderPseudonym, now);
        return new Resolution(match.ticketId().flatMap(id -> tickets.findById(handle, id)), match.check());
    }

    /** Issues the receipt code of a new ticket, or empty when this build runs without receipt codes. */
    public Optional<ReceiptCode> issueReceipt(Handle handle, long ticketId, java.time.Instant now) {
        return receipts == null ? Optional.empty() : Optional.of(receipts.issue(handle, ticketId, now));
    }

    /** The ticket this mail belongs to, if its sender is that ticket's reporter. */
    public Optional<Ticket> find(Handle handle, ParsedMail mail, String senderPseudonym) {
        Optional<Ticket> bySubject = TicketReference.findIn(mail.subject())
                .flatMap(reference -> tickets.findByReference(handle, reference));
        if (bySubject.isPresent()) {
            return bySubject.filter(ticket -> ticket.reporterPseudonym().equals(senderPseudonym));
        }
        for (String messageId : referencedIds(mail)) {
            Optional<Long> ticketId = outbox.ticketOfMessageId(handle, messageId)
                    .or(() -> messages.ticketOfMessageIdHash(handle, hashOfMessageId(messageId)));
            if (ticketId.isPresent()) {
                return tickets.findById(handle, ticketId.get())
                        .filter(ticket -> ticket.reporterPseudonym().equals(senderPseudonym));
            }
        }
        return Optional.empty();
    }

    public String hashOfMessageId(String messageId) {
        return pseudonymizer.keyedHash("message-id", messageId);
    }

    /** In-Reply-To first (the direct parent), then References from the newest. */
    private static List<String> referencedIds(ParsedMail mail) {
        List<String> ids = new ArrayList<>(mail.inReplyTo());
        List<String> references = new ArrayList<>(mail.references());
        java.util.Collections.reverse(references);
        references.stream().filter(id -> !ids.contains(id)).limit(20).forEach(ids::add);
        return ids;
    }
}
