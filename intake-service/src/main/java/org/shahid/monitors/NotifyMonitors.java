package org.shahid.monitors;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.authentication.SenderKey;
import org.shahid.authentication.SenderMetrics;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.outbound.SendLimits;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * Queues a notification to the monitors for each new ticket and each reporter follow-up, in the transaction that
 * records the mail (called by {@code MailIntake}), or, when the mail has attachments, in the one that records their
 * examination (called through {@code ExamineEvidence}), so monitors always see the evidence examined. The
 * notification shows the reference, pseudonym, kind,
 * language, status, the working copy of the text (never headers) and the evidence list; its Reply-To carries a
 * MAC for that ticket and that monitor (see {@link ReplyMac}). A follow-up reopens a finished ticket. Mail flagged
 * automated notifies nobody. Reads
 * {@code shahid.monitors.notify}. Thread-safe.
 */
public final class NotifyMonitors {

    public static final String PURPOSE = "MONITOR_NOTIFICATION";

    /** Everything notifications need, wired once at start. */
    public record Parts(Roster roster, boolean byLanguage, Categories categories, ReplyMac replyMac,
                        MonitorTemplates templates, TriageDao triage, TicketDao tickets, TicketEventDao events,
                        OutboxDao outbox, MessageIds messageIds, String monitorsAddress, String organisation,
                        AttachScrubbedEvidence evidence, SendLimits limits, int perSenderPerHour,
                        HeldNotices held, SuggestActor suggestActor) {
    }

    private final Parts parts;

    public NotifyMonitors(Parts parts) {
        this.parts = parts;
    }

    /**
     * Counts this message against its sender's hourly notification cap (in the intake transaction, so it holds
     * under concurrency); past the cap, its notification is held back and the next digest lists its ticket. True
     * when it was held back.
     */
    public boolean limitSender(Handle handle, long ticketId, long messageId, SenderKey sender, Instant now) {
        if (!parts.limits().take(handle, "notify-sender", sender.value(), parts.perSenderPerHour(), now)) {
            parts.held().hold(handle, ticketId, messageId, now);
            SenderMetrics.notificationHeld();
            return true;
        }
        return false;
    }

    /** A new ticket: suggest its category, then tell the monitors. */
    public void newTicket(Handle handle, long ticketId, long messageId, Instant now) {
        Ticket ticket = parts.tickets().findById(handle, ticketId).orElseThrow();
        String text = parts.triage().bodyOf(handle, messageId);
        suggest(handle, ticketId, text, now);
        // Read back: a monitor may have acted on the ticket while its evidence was being examined.
        TriageDao.Triage triage = parts.triage().find(handle, ticketId);
        send(handle, ticket, messageId, false, false, text, triage, parts.triage().evidenceOf(handle, messageId),
                parts.triage().linkedByEvidence(handle, ticketId), now);
    }

    /**
     * A ticket that the caller opened in this transaction from a mail without attachments or links: nothing of it
     * needs reading back (a third of intake's statements did only that). It has no evidence, links or finding yet,
     * and the caller knows whether its notification was held back ({@link #limitSender}).
     */
    public void newTicketWithoutEvidence(Handle handle, Ticket ticket, long messageId, String text, boolean heldBack,
                                         Instant now) {
        TriageDao.Triage triage = suggest(handle, ticket.id(), text, now);
        send(handle, new Notice(ticket, messageId, false, false, text, triage, List.of(), List.of()), heldBack,
                parts.suggestActor().suggestFromText(text), now);
    }

    private TriageDao.Triage suggest(Handle handle, long ticketId, String text, Instant now) {
        Optional<String> category = parts.categories().suggestCategory(text);
        Optional<String> actor = parts.categories().suggestActor(text);
        parts.triage().suggest(handle, ticketId, category.orElse(null), actor.orElse(null), now);
        if (category.isPresent()) {
            parts.events().append(handle, ticketId, "system", TicketEventKind.CATEGORY_SUGGESTED, category.get(), now);
        }
        return new TriageDao.Triage(null, "NORMAL", null, category.orElse(null), actor.orElse(null));
    }

    /** A reporter's follow-up: reopen the ticket if it was finished, then tell the monitors. */
    public void followUp(Handle handle, long ticketId, long messageId, Instant now) {
        boolean reopened = reopenIfFinished(handle, ticketId, now);
        notify(handle, parts.tickets().findById(handle, ticketId).orElseThrow(), messageId, true, reopened, now);
    }

    /**
     * The first half of {@link #followUp} for a follow-up whose evidence is examined later: the ticket reopens at
     * once; {@link #afterExamination} tells the monitors. True when it reopened.
     */
    public boolean reopenIfFinished(Handle handle, long ticketId, Instant now) {
        Ticket ticket = parts.tickets().findById(handle, ticketId).orElseThrow();
        boolean reopened = TicketLifecycle.canReopen(ticket.status());
        if (reopened) {
            parts.triage().setStatus(handle, ticketId, TicketStatus.TRIAGED.name(), now);
            parts.events().append(handle, ticketId, "system", TicketEventKind.REOPENED,
                    TicketLifecycle.word(ticket.status()) + " -> triaged, on the reporter's follow-up", now);
        }
        return reopened;
    }

    /** A message whose evidence was examined after intake: the notification intake held back until now. */
    public void afterExamination(Handle handle, long ticketId, long messageId, boolean followUp, boolean reopened,
                                 Instant now) {
        if (followUp) {
            notify(handle, parts.tickets().findById(handle, ticketId).orElseThrow(), messageId, true, reopened, now);
        } else {
            newTicket(handle, ticketId, messageId, now);
        }
    }

    private void notify(Handle handle, Ticket ticket, long messageId, boolean followUp, boolean reopened, Instant now) {
        send(handle, ticket, messageId, followUp, reopened, parts.triage().bodyOf(handle, messageId),
                parts.triage().find(handle, ticket.id()), parts.triage().evidenceOf(handle, messageId),
                parts.triage().linkedByEvidence(handle, ticket.id()), now);
    }

    /** What one notification tells: the ticket, its message and what was found of it. */
    private record Notice(Ticket ticket, long messageId, boolean followUp, boolean reopened, String text,
                          TriageDao.Triage triage, List<Map<String, Object>> evidence, List<String> linked) {
    }

    private void send(Handle handle, Ticket ticket, long messageId, boolean followUp, boolean reopened, String text,
                      TriageDao.Triage triage, List<Map<String, Object>> evidence, List<String> linked, Instant now) {
        send(handle, new Notice(ticket, messageId, followUp, reopened, text, triage, evidence, linked),
                parts.held().isHeld(handle, messageId), parts.suggestActor().suggest(handle, ticket.id(), text), now);
    }

    private void send(Handle handle, Notice notice, boolean heldBack, SuggestActor.Suggestion suggestion,
                      Instant now) {
        Ticket ticket = notice.ticket();
        long messageId = notice.messageId();
        boolean followUp = notice.followUp();
        String text = notice.text();
        TriageDao.Triage triage = notice.triage();
        List<Map<String, Object>> evidence = notice.evidence();
        if (ticket.automated()) {
            parts.events().append(handle, ticket.id(), "system", TicketEventKind.MONITORS_NOT_NOTIFIED, "automated mail", now);
            return;
        }
        if (heldBack) {
            parts.events().append(handle, ticket.id(), "system", TicketEventKind.MONITORS_NOT_NOTIFIED,
                    "sender over the hourly notification limit; listed in the next digest", now);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", parts.organisation());
        model.put("reference", ticket.reference().value());
        model.put("followUp", followUp);
        model.put("reopened", notice.reopened());
        model.put("pseudonym", ticket.reporterPseudonym());
        model.put("kind", ticket.kind().name());
        model.put("mailbox", ticket.mailbox());
        model.put("language", ticket.language());
        model.put("status", ticket.status().name());
        model.put("text", text);
        model.put("suggestedCategory", triage.category() != null ? triage.category()
                : triage.suggestedCategory() == null ? "" : triage.suggestedCategory());
        model.put("suggestedActor", triage.suggestedActor() == null ? "" : triage.suggestedActor());
        AttachScrubbedEvidence.Plan plan = parts.evidence().plan(evidence.isEmpty() ? List.of()
                : parts.evidence().ofMessage(handle, ticket.id(), messageId));
        model.put("evidence", withDelivery(evidence, plan));
        model.put("linked", notice.linked());
        List<Monitor> recipients = parts.roster().recipientsFor(ticket.language(), parts.byLanguage());
        List<OutboxDao.NewMail> notifications = new java.util.ArrayList<>();
        for (Monitor monitor : recipients) {
            // Each monitor gets a key of their own: one monitor's notification cannot act in another's name.
            model.put("macToken", parts.replyMac().subjectToken(ticket.reference(), monitor.address()));
            model.putAll(suggestion.model(monitor.language()));
            RenderedMail content = parts.templates().render(MonitorTemplates.TICKET_NOTIFICATION, monitor.language(),
                    model);
            String replyTo = parts.replyMac().replyAddress(ticket.reference(), monitor.address());
            notifications.add(new OutboxDao.NewMail(ticket.id(), PURPOSE, null, monitor.address(),
                    parts.monitorsAddress(), parts.messageIds().next(), content, monitor.language().code(), replyTo));
        }
        for (long outboxId : parts.outbox().enqueueAll(handle, notifications, now)) {
            parts.evidence().attach(handle, outboxId, plan.attached());
        }
        parts.events().append(handle, ticket.id(), "system", TicketEventKind.MONITORS_NOTIFIED,
                recipients.size() + " monitors" + (followUp ? ", follow-up" : ""), now);
    }

    /**
     * The evidence list (in the message's order, as {@link AttachScrubbedEvidence#ofMessage}) with each file's
     * number for {@code #evidence} and how it travels (worded by the template, in the monitor's language).
     */
    private List<Map<String, Object>> withDelivery(List<Map<String, Object>> evidence, AttachScrubbedEvidence.Plan plan) {
        List<AttachScrubbedEvidence.Numbered> numbered = new java.util.ArrayList<>();
        numbered.addAll(plan.attached());
        numbered.addAll(plan.onRequest());
        numbered.addAll(plan.tooLarge());
        numbered.addAll(plan.withoutCopy());
        numbered.sort(java.util.Comparator.comparingInt(AttachScrubbedEvidence.Numbered::number));
        List<Map<String, Object>> listed = new java.util.ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            Map<String, Object> file = new HashMap<>(evidence.get(i));
            boolean known = i < numbered.size();
            file.put("number", known ? String.valueOf(numbered.get(i).number()) : "");
            file.putAll(known ? parts.evidence().delivery(plan, numbered.get(i))
                    : Map.of("delivery", "", "attachedAs", "", "detail", ""));
            listed.add(file);
        }
        return listed;
    }
}
