package org.shahid.monitors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.findings.EvidenceFile;
import org.shahid.findings.EvidenceFileDao;
import org.shahid.outbound.OutboxAttachment;
import org.shahid.outbound.OutboxDao;

/**
 * Decides which scrubbed copies of a ticket's evidence travel in a mail to monitors or a platform, and writes them
 * as outbox attachments in the transaction that queues the mail. Only scrubbed copies travel, never an original
 * nor an executable, and a file flagged hostile only when a monitor asks for it by name; a mail carries files up
 * to {@code shahid.monitors.evidence-mail-bytes} (their size once base64-encoded), the rest is listed and sent on
 * request ({@code #evidence}). Files are numbered in the ticket's order, as {@code #evidence N} names them.
 * Thread-safe.
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
        return mails(candidates, false);
    }

    /**
     * As {@link #mails(List)}; with {@code hostileAsked} (a monitor asked for a hostile file by name) the copy of a
     * file flagged hostile travels too, unless it is an executable.
     */
    public List<List<Numbered>> mails(List<Numbered> candidates, boolean hostileAsked) {
        List<List<Numbered>> mails = new ArrayList<>();
        List<Long> used = new ArrayList<>();
        for (Numbered candidate : candidates) {
            long cost = encodedSize(candidate.file());
            if (withheld(candidate.file(), hostileAsked).isPresent()) {
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

    /**
     * Why a file does not travel: {@code code} names the case for the templates to word ({@code hostile-on-request}:
     * flagged, with a copy sent only when asked; {@code hostile}: flagged, never sent; {@code not-kept};
     * {@code no-copy}; {@code too-large}), {@code detail} is the flags, the examination's note or the mail size.
     */
    public record Withheld(String code, String detail) {

        /** The reason as the problem a monitor who asked for file {@code which} by {@code written} is told. */
        CommandProblem problem(String written, String which) {
            String variant = switch (code) {
                case "hostile" -> detail.contains("executable") ? "hostile" : "hostile-no-copy";
                case "not-kept", "no-copy" -> detail.isEmpty() ? code : code + "-detail";
                default -> code;
            };
            return CommandProblem.of("evidence-withheld-" + variant, written, which, detail);
        }
    }

    /** Why a file cannot be mailed unasked, or empty when it can (within the size). */
    public Optional<Withheld> withheld(EvidenceFile file) {
        return withheld(file, false);
    }

    /** As {@link #withheld(EvidenceFile)}, for a monitor who asked for a hostile file by name or not. */
    public Optional<Withheld> withheld(EvidenceFile file, boolean hostileAsked) {
        String note = file.note() == null ? "" : file.note();
        if (file.isHostile() && (file.isExecutable() || !file.hasCopy())) {
            return Optional.of(new Withheld("hostile", file.hostileFlags()));
        }
        if (file.isHostile() && !hostileAsked) {
            return Optional.of(new Withheld("hostile-on-request", file.hostileFlags()));
        }
        if (!file.hasCopy()) {
            return Optional.of(new Withheld(file.sha256() == null ? "not-kept" : "no-copy", note));
        }
        if (encodedSize(file) > mailBytes) {
            return Optional.of(new Withheld("too-large", String.valueOf(mailBytes)));
        }
        return Optional.empty();
    }

    /**
     * How a file of a notification travels, as template values: {@code delivery} ({@code attached},
     * {@code on-request} or a {@link Withheld} code), {@code attachedAs} and {@code detail}.
     */
    public Map<String, Object> delivery(Plan plan, Numbered numbered) {
        if (plan.attached().contains(numbered)) {
            return Map.of("delivery", "attached", "attachedAs", numbered.file().publishedName(), "detail", "");
        }
        if (plan.onRequest().contains(numbered)) {
            return Map.of("delivery", "on-request", "attachedAs", "", "detail", "");
        }
        return withheld(numbered.file()).map(why -> Map.<String, Object>of("delivery", why.code(), "attachedAs", "",
                "detail", why.detail())).orElse(Map.of("delivery", "", "attachedAs", "", "detail", ""));
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
