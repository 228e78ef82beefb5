package org.shahid.reporters;

import org.shahid.tickets.TicketEventKind;
import java.security.SecureRandom;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.language.Language;
import org.shahid.sealing.ForgetReporter;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.sealing.UnsealAudit;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketEventDao;

/**
 * Erases a reporter's identity at their request, in the transaction that records their mail: every sealed identity
 * and sealed original of the ticket is purged as retention would purge it, the receipt code is deleted, and the
 * ticket's pseudonym (a keyed hash of the address, which anyone holding the key could test a suspect's address
 * against) is replaced by a random one, so no later mail from that address joins the ticket. No custodian is
 * needed: nothing is decrypted. The one confirmation goes to an identity holding only the reply address, marked
 * {@code purge_when_sent}: the outbox purges it when it records the mail as sent, so the confirmation is the last
 * mail that address receives about the ticket. A crash before the commit leaves everything as it was (the mail is
 * fetched again); after it, only the confirmation's address remains, until it is sent. Thread-safe.
 */
public final class EraseIdentity {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final ForgetReporter forget;
    private final SealedIdentityDao sealedIdentities;
    private final TicketEventDao events;
    private final UnsealAudit audit;
    private final ConfirmReporterRequest confirmation;

    public EraseIdentity(ForgetReporter forget, SealedIdentityDao sealedIdentities, TicketEventDao events,
                         UnsealAudit audit, ConfirmReporterRequest confirmation) {
        this.forget = forget;
        this.sealedIdentities = sealedIdentities;
        this.events = events;
        this.audit = audit;
        this.confirmation = confirmation;
    }

    public void apply(Handle handle, ReporterFollowUp followUp, Language language, Instant now) {
        long ticketId = followUp.ticket().id();
        // The confirmation's address is sealed once more, alone, before everything else of the reporter goes.
        java.util.Optional<Long> lastChannel = followUp.answerable()
                ? sealedIdentities.keepReplyChannelForOneMail(handle, followUp.sealedId(), ticketId,
                        followUp.messageId(), now)
                : java.util.Optional.empty();
        ForgetReporter.Forgotten forgotten = forget.forgetCounting(handle, ticketId, now);
        handle.createUpdate("""
                        DELETE r FROM redaction_terms r JOIN ticket_message m ON m.id = r.message_id
                        WHERE m.ticket_id = :ticket""")
                .bind("ticket", ticketId).execute();
        String oldActor = "reporter " + followUp.ticket().reporterPseudonym();
        String unlinked = randomPseudonym();
        handle.createUpdate("UPDATE ticket SET reporter_pseudonym = :pseudonym, updated_at = :now WHERE id = :id")
                .bind("pseudonym", unlinked).bind("now", now).bind("id", ticketId).execute();
        handle.createUpdate("UPDATE ticket_event SET actor = :actor WHERE ticket_id = :ticket AND actor = :old")
                .bind("actor", "reporter " + unlinked).bind("ticket", ticketId).bind("old", oldActor).execute();
        // The monitors' notifications name the pseudonym too; the stored copies follow (the sent ones are gone).
        handle.createUpdate("""
                        UPDATE outbox SET subject = REPLACE(subject, :old, :new), body_text = REPLACE(body_text, :old, :new),
                                          body_html = REPLACE(body_html, :old, :new)
                        WHERE ticket_id = :ticket""")
                .bind("old", followUp.ticket().reporterPseudonym()).bind("new", unlinked).bind("ticket", ticketId)
                .execute();
        String detail = forgotten.identities() + " sealed identities and " + forgotten.files()
                + " sealed files deleted, receipt code deleted, pseudonym replaced";
        events.append(handle, ticketId, "reporter", TicketEventKind.IDENTITY_ERASED, detail, now);
        audit.append(handle, "reporter", "ERASED", ticketId, null, "at the reporter's request", detail, now);
        if (lastChannel.isEmpty()) {
            events.append(handle, ticketId, "system", TicketEventKind.ERASURE_NOT_CONFIRMED, "no reply address", now);
            return;
        }
        confirmation.queue(handle, ReporterRequest.ERASE, followUp, language, lastChannel.get(), now);
        events.append(handle, ticketId, "system", TicketEventKind.ERASURE_CONFIRMATION_QUEUED, null, now);
    }

    /** The shape of a pseudonym ("E-" and ten base32 letters), from randomness, so it names no one. */
    private static String randomPseudonym() {
        StringBuilder pseudonym = new StringBuilder(Ticket.ERASED_PSEUDONYM_PREFIX);
        for (int i = 0; i < 10; i++) {
            pseudonym.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return pseudonym.toString();
    }
}
