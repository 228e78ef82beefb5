package org.shahid.monitors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.shahid.language.Language;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketMessageDao;
import org.shahid.tickets.TicketReference;
import org.shahid.tickets.TicketStatus;

/**
 * Checks and applies a verified monitor's reply to its ticket, inside the caller's transaction: status changes
 * along {@link TicketLifecycle}, assignment, category, priority, internal notes, and a status update to the
 * reporter (their latest sealed identity, resolved only when sending) for every change that matters to them or a
 * relayed message. {@link #problemsWith} writes nothing; {@link #apply} is only called when it found none, so an
 * invalid reply changes nothing. Every change is a {@code ticket_event} with the monitor as actor. Thread-safe.
 */
public final class ApplyCommands {

    public static final String STATUS_UPDATE = "STATUS_UPDATE";

    /** Everything applying needs, wired once at start. */
    public record Parts(Roster roster, Categories categories, TriageDao triage, TicketDao tickets,
                        TicketEventDao events, TicketMessageDao messages, OutboxDao outbox, MessageIds messageIds,
                        ComposeStatusUpdate statusUpdates, Function<String, String> mailboxAddress) {
    }

    private final Parts parts;

    public ApplyCommands(Parts parts) {
        this.parts = parts;
    }

    /** What is wrong with the reply for this ticket, worded for the monitor; empty when it can be applied. */
    public List<String> problemsWith(Handle handle, Ticket ticket, ParsedReply reply) {
        List<String> problems = new ArrayList<>(reply.problems());
        if (reply.isEmpty()) {
            problems.add("the reply has neither commands nor text for the reporter");
        }
        if (reply.appliesToCluster() && reply.commands().stream().noneMatch(ParsedReply::isVerdict)) {
            problems.add("#cluster: applies a verdict to the linked tickets; add #close, #reject or"
                    + " #status resolved/rejected/closed");
        }
        TicketStatus status = ticket.status();
        for (MonitorCommand command : reply.commands()) {
            if (!reply.problems().isEmpty()) {
                break;
            }
            if (command instanceof MonitorCommand.SetStatus set) {
                status = step(status, parse(set.status()), set.written(), problems);
            } else if (command instanceof MonitorCommand.Close close) {
                TicketStatus resolution = parse(close.resolution());
                if (status != resolution) {
                    status = step(status, resolution, close.written(), problems);
                }
                status = step(status, TicketStatus.CLOSED, close.written(), problems);
            } else if (command instanceof MonitorCommand.Reject reject) {
                status = step(status, TicketStatus.REJECTED, reject.written(), problems);
                if (reject.duplicateOf() != null && parts.tickets()
                        .findByReference(handle, new TicketReference(reject.duplicateOf())).isEmpty()) {
                    problems.add(reject.written() + ": no ticket " + reject.duplicateOf());
                }
            } else if (command instanceof MonitorCommand.Reopen reopen) {
                if (TicketLifecycle.canReopen(status)) {
                    status = TicketStatus.TRIAGED;
                } else {
                    problems.add(reopen.written() + ": only a resolved, rejected or closed ticket can be reopened;"
                            + " this one is " + TicketLifecycle.word(status));
                }
            } else if (command instanceof MonitorCommand.Assign assign) {
                if (!assign.who().equals("me") && parts.roster().find(assign.who()).isEmpty()) {
                    problems.add(assign.written() + ": " + assign.who() + " is not on the roster");
                }
            } else if (command instanceof MonitorCommand.SetCategory category) {
                if (!parts.categories().isCategory(category.name())) {
                    problems.add(category.written() + ": unknown category; known: "
                            + String.join(", ", parts.categories().categoryNames()));
                }
            }
        }
        return problems;
    }

    private static TicketStatus step(TicketStatus from, TicketStatus to, String written, List<String> problems) {
        if (from == to) {
            return from;
        }
        if (!TicketLifecycle.next(from).contains(to)) {
            problems.add(written + ": " + TicketLifecycle.refusal(from, to));
            return from;
        }
        return to;
    }

    private static TicketStatus parse(String word) {
        return TicketStatus.valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** Applies a reply {@link #problemsWith} accepted. */
    public void apply(Handle handle, Ticket ticket, Monitor monitor, ParsedReply reply, Instant now) {
        String actor = monitor.address();
        long id = ticket.id();
        TicketStatus status = ticket.status();
        for (MonitorCommand command : reply.commands()) {
            if (command instanceof MonitorCommand.SetStatus set) {
                status = move(handle, id, status, parse(set.status()), actor, now);
            } else if (command instanceof MonitorCommand.Close close) {
                status = move(handle, id, status, parse(close.resolution()), actor, now);
                status = move(handle, id, status, TicketStatus.CLOSED, actor, now);
            } else if (command instanceof MonitorCommand.Reject reject) {
                status = move(handle, id, status, TicketStatus.REJECTED, actor, now);
                parts.events().append(handle, id, actor, TicketEventKind.REJECTED_BECAUSE, reject.reason()
                        + (reject.duplicateOf() == null ? "" : " " + reject.duplicateOf()), now);
            } else if (command instanceof MonitorCommand.Reopen ignored) {
                parts.events().append(handle, id, actor, TicketEventKind.REOPENED, TicketLifecycle.word(status) + " -> triaged", now);
                status = TicketStatus.TRIAGED;
                parts.triage().setStatus(handle, id, status.name(), now);
            } else if (command instanceof MonitorCommand.Assign assign) {
                String assignee = assign.who().equals("me") ? actor
                        : parts.roster().find(assign.who()).orElseThrow().address();
                parts.triage().set(handle, id, "assignee", assignee, now);
                parts.events().append(handle, id, actor, TicketEventKind.ASSIGNED, assignee, now);
            } else if (command instanceof MonitorCommand.SetCategory category) {
                parts.triage().set(handle, id, "category", category.name(), now);
                parts.events().append(handle, id, actor, TicketEventKind.CATEGORY_SET, category.name(), now);
            } else if (command instanceof MonitorCommand.SetPriority priority) {
                String value = priority.priority().toUpperCase(Locale.ROOT);
                parts.triage().set(handle, id, "priority", value, now);
                parts.events().append(handle, id, actor, TicketEventKind.PRIORITY_SET, value, now);
            } else if (command instanceof MonitorCommand.AddNote note) {
                parts.events().append(handle, id, actor, TicketEventKind.NOTE,
                    note.text().length() <= 1000 ? note.text() : note.text().substring(0, 1000), now);
            }
        }
        boolean mattersToReporter = status != ticket.status() && status != TicketStatus.TRIAGED;
        if (mattersToReporter || !reply.relay().isEmpty()) {
            queueStatusUpdate(handle, ticket, status, reply.relay(), actor, now);
        }
        if (reply.appliesToCluster()) {
            applyToLinkedTickets(handle, ticket, monitor, reply.verdictOnly(), now);
        }
    }

    /**
     * Linked reports share a verdict: each ticket linked to this one by the same file or post gets the same
     * status change and message, and so every reporter of the cluster hears of it. A linked ticket whose
     * lifecycle does not allow the step keeps its status, with the reason in its history.
     */
    private void applyToLinkedTickets(Handle handle, Ticket ticket, Monitor monitor, ParsedReply verdict,
                                      Instant now) {
        List<Long> linked = handle.createQuery(
                        "SELECT DISTINCT linked_ticket_id FROM evidence_link WHERE ticket_id = :id ORDER BY 1")
                .bind("id", ticket.id()).mapTo(Long.class).list();
        List<String> applied = new ArrayList<>();
        for (long linkedId : linked) {
            Ticket other = parts.tickets().findById(handle, linkedId).orElseThrow();
            List<String> problems = problemsWith(handle, other, verdict);
            if (problems.isEmpty()) {
                apply(handle, other, monitor, verdict, now);
                parts.events().append(handle, linkedId, monitor.address(), TicketEventKind.CLUSTER_VERDICT,
                        "applied from " + ticket.reference(), now);
                applied.add(other.reference().value());
            } else {
                parts.events().append(handle, linkedId, monitor.address(), TicketEventKind.CLUSTER_VERDICT_SKIPPED,
                        limit(ticket.reference() + ": " + String.join("; ", problems)), now);
            }
        }
        parts.events().append(handle, ticket.id(), monitor.address(), TicketEventKind.CLUSTER_VERDICT,
                limit(applied.isEmpty() ? "no linked ticket could take the verdict" : "applied to "
                        + String.join(", ", applied)), now);
    }

    private static String limit(String detail) {
        return detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    private TicketStatus move(Handle handle, long id, TicketStatus from, TicketStatus to, String actor, Instant now) {
        if (from == to) {
            return from;
        }
        parts.triage().setStatus(handle, id, to.name(), now);
        parts.events().append(handle, id, actor, TicketEventKind.STATUS_CHANGED,
                TicketLifecycle.word(from) + " -> " + TicketLifecycle.word(to), now);
        return to;
    }

    private void queueStatusUpdate(Handle handle, Ticket ticket, TicketStatus status, String message, String actor,
                                   Instant now) {
        Optional<Long> sealedId = parts.triage().latestSealedIdentity(handle, ticket.id());
        if (sealedId.isEmpty() || ticket.automated()) {
            parts.events().append(handle, ticket.id(), "system", TicketEventKind.STATUS_UPDATE_NOT_SENT,
                    ticket.automated() ? "automated ticket" : "no reporter address", now);
            return;
        }
        Language language = Language.fromCode(ticket.language()).orElse(Language.ARABIC);
        String from = parts.mailboxAddress().apply(ticket.mailbox());
        RenderedMail content = parts.statusUpdates().compose(ticket.reference(), language, from, status, message);
        String messageId = parts.messageIds().next();
        parts.outbox().enqueue(handle, new OutboxDao.NewMail(ticket.id(), STATUS_UPDATE, sealedId.get(), null, from,
                messageId, content, language.code()), now);
        // The working copy of what the reporter was told, so the ticket's history is complete.
        parts.messages().insert(handle, new TicketMessageDao.NewMessage(ticket.id(), "OUT", content.subject(),
                content.text(), null, language.code(), false, null, null), now);
        parts.events().append(handle, ticket.id(), actor, TicketEventKind.STATUS_UPDATE_QUEUED, TicketLifecycle.word(status)
                + (message.isEmpty() ? "" : ", with a message"), now);
    }
}
