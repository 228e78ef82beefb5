package org.shahid.monitors;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.shahid.findings.EvidenceFile;
import org.shahid.findings.EvidenceFileDao;
import org.shahid.outbound.OutboxAttachment;
import org.shahid.outbound.OutboxDao;

/**
 * Decides which scrubbed copies of a ticket's evidence travel in a mail to monitors or a platform, and writes them
 * as outbox attachments in the transaction that queues the mail. Only scrubbed copies travel, never an original
 * nor a file flagged hostile; a mail carries files up to {@code shahid.monitors.evidence-mail-bytes} (their size
 * once base64-encoded), the rest is listed and sent on request ({@code #evidence}). Files are numbered in the
 * ticket's order, as {@code #evidence N} names them. Thread-safe.
 */
public final class AttachScrubbedEvidence {

    /** A numbered evidence file of a ticket. */
    public record Numbered(int number, EvidenceFile file) {
    }

    /** How a set of files travels: attached to this mail, on request (too many), too large for any mail, or without copy. */
    public record Plan(List<Numbered> attached, List<Numbered> onRequest, List<Numbered> tooLarge,
                       List<Numbered> withoutCopy) {
    }

    private final EvidenceFileDao files;
    private final OutboxDao outbox;
    private final long mailBytes;

    public AttachScrubbedEvidence(EvidenceFileDao files, OutboxDao outbox, long mailBytes) {
        if (mailBytes <= 0) {
            throw new org.shahid.kernel.ConfigurationException("shahid.monitors.evidence-mail-bytes must be positive");
        }
        this.files = files;
        this.outbox = outbox;
        this.mailBytes = mailBytes;
    }

    /** The ticket's evidence files, numbered from 1. */
    public List<Numbered> ofTicket(Handle handle, long ticketId) {
        List<EvidenceFile> all = files.ofTicket(handle, ticketId);
        List<Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            numbered.add(new Numbered(i + 1, all.get(i)));
        }
        return numbered;
    }

    /** The files of one message of the ticket, numbered in the ticket's order. */
    public List<Numbered> ofMessage(Handle handle, long ticketId, long messageId) {
        List<Long> ids = handle.createQuery("SELECT id FROM attachment WHERE message_id = :messageId")
                .bind("messageId", messageId).mapTo(Long.class).list();
        return ofTicket(handle, ticketId).stream().filter(file -> ids.contains(file.file().id())).toList();
    }

    /** Fills one mail in order with what fits; the rest is on request, too large, or has no copy to send. */
    public Plan plan(List<Numbered> candidates) {
        List<Numbered> attached = new ArrayList<>();
        List<Numbered> onRequest = new ArrayList<>();
        List<Numbered> tooLarge = new ArrayList<>();
        List<Numbered> withoutCopy = new ArrayList<>();
        long used = 0;
        for (Numbered candidate : candidates) {
            long cost = encodedSize(candidate.file());
            if (!isSendable(candidate.file())) {
                withoutCopy.add(candidate);
            } else if (cost > mailBytes) {
                tooLarge.add(candidate);
            } else if (used + cost <= mailBytes) {
                attached.add(candidate);
                used += cost;
            } else {
                onRequest.add(candidate);
            }
        }
        return new Plan(attached, onRequest, tooLarge, withoutCopy);
    }

    /** Sendable files split into mails, each within the size, in order (first fit: a small file may fill a gap). */
    public List<List<Numbered>> mails(List<Numbered> candidates) {
        List<List<Numbered>> mails = new ArrayList<>();
        List<Long> used = new ArrayList<>();
        for (Numbered candidate : candidates) {
            long cost = encodedSize(candidate.file());
            if (!isSendable(candidate.file()) || cost > mailBytes) {
                continue;
            }
            int mail = 0;
            while (mail < mails.size() && used.get(mail) + cost > mailBytes) {
                mail++;
            }
            if (mail == mails.size()) {
                mails.add(new ArrayList<>());
                used.add(0L);
            }
            mails.get(mail).add(candidate);
            used.set(mail, used.get(mail) + cost);
        }
        return mails;
    }

    /** Writes the files as the queued mail's attachments. */
    public void attach(Handle handle, long outboxId, List<Numbered> attached) {
        List<OutboxAttachment> rows = new ArrayList<>();
        for (Numbered numbered : attached) {
            EvidenceFile file = numbered.file();
            rows.add(new OutboxAttachment(rows.size() + 1, file.publishedName(), contentType(file),
                    file.scrubbedSha256()));
        }
        outbox.attach(handle, outboxId, rows);
    }

    /** Why a file cannot be sent at all, or empty when it can (within the size). */
    public java.util.Optional<String> whyNotSent(EvidenceFile file) {
        if (!isSendable(file)) {
            return file.reasonWithoutCopy();
        }
        if (encodedSize(file) > mailBytes) {
            return java.util.Optional.of("larger than a mail may carry (" + mailBytes + " bytes)");
        }
        return java.util.Optional.empty();
    }

    /** How a file of a notification travels, one line for the monitors' evidence list. */
    public String delivery(Plan plan, Numbered numbered) {
        if (plan.attached().contains(numbered)) {
            return "attached as " + numbered.file().publishedName();
        }
        if (plan.onRequest().contains(numbered)) {
            return "not attached (mail size); reply #evidence " + numbered.number() + " or #evidence all";
        }
        return whyNotSent(numbered.file()).orElse("");
    }

    static boolean isSendable(EvidenceFile file) {
        return file.hasCopy() && !file.isHostile();
    }

    /** The copy's size once base64-encoded in lines of 76 characters with CRLF, as it weighs in a mail. */
    static long encodedSize(EvidenceFile file) {
        long base64 = (file.scrubbedSize() + 2) / 3 * 4;
        return base64 + (base64 + 75) / 76 * 2;
    }

    private static String contentType(EvidenceFile file) {
        return file.type() == null || !file.type().contains("/") ? "application/octet-stream" : file.type();
    }
}
