package org.shahid.intake;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.shahid.evidence.AttachmentDao;
import org.shahid.evidence.EvidenceFile;
import org.shahid.sealing.RedactionTerms;
import org.shahid.sealing.ReporterFreeMail;
import org.shahid.sealing.SealSender;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.sealing.SealedRedactionTerms;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketMessageDao;

/**
 * The record step of intake: the working copy of the message, the sender's sealed identity, the received
 * evidence and, while that evidence waits for examination, the sealed redaction terms the examiner needs.
 * Thread-safe.
 */
public final class RecordMessage {

    private final TicketMessageDao messages;
    private final SealedIdentityDao sealedIdentities;
    private final AttachmentDao attachments;
    private final SealedRedactionTerms redactionTerms;

    public RecordMessage(TicketMessageDao messages, SealedIdentityDao sealedIdentities, AttachmentDao attachments,
                         SealedRedactionTerms redactionTerms) {
        this.messages = messages;
        this.sealedIdentities = sealedIdentities;
        this.attachments = attachments;
        this.redactionTerms = redactionTerms;
    }

    public RecordedMail record(Handle handle, Ticket ticket, boolean followUp, Mailbox mailbox, String languageCode,
                               ReporterFreeMail view, SealSender.SealedSender sender, RedactionTerms terms,
                               List<EvidenceFile> evidence, Instant now) {
        String problems = view.problems().isEmpty() ? null : String.join("\n", view.problems());
        long messageId = messages.insert(handle, new TicketMessageDao.NewMessage(ticket.id(), "IN", view.subject(),
                view.text(), view.html(), languageCode, view.automated().isPresent(), view.messageIdHash(), problems),
                now);
        long sealedId = sealedIdentities.insert(handle, ticket.id(), messageId, sender.identity(),
                sender.sealedRawKey(), sender.custodianEnvelope(), now);
        for (EvidenceFile file : evidence) {
            attachments.insertReceived(handle, AttachmentDao.NewAttachment.of(ticket.id(), messageId, file), now);
        }
        if (evidence.stream().anyMatch(EvidenceFile::kept)) {
            redactionTerms.keep(handle, messageId, terms, now);
        }
        return new RecordedMail(ticket, messageId, sealedId, mailbox, languageCode, followUp);
    }
}
