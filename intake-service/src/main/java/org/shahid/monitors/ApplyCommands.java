package org.shahid.monitors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.shahid.findings.Finding;
import org.shahid.findings.FindingDao;
import org.shahid.findings.MonitoringData;
import org.shahid.language.Language;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketMessageDao;
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
                        ComposeStatusUpdate statusUpdates, Function<String, String> mailboxAddress,
                        MonitoringData monitoring, FindingDao findings, AttachScrubbedEvidence evidence,
                        MonitorTemplates templates, String organisation) {
    }

    private static final Pattern ESCALATION = Pattern.compile("\\[(ESC-[0-9A-F]{12})\\]");

    private final Parts parts;

    public ApplyCommands(Parts parts) {
        this.parts = parts;
    }

    /** What is wrong with the reply for this ticket; empty when it can be applied. */
    public List<CommandProblem> problemsWith(Handle handle, Ticket ticket, ParsedReply reply) {
        List<CommandProblem> problems = new ArrayList<>(reply.problems());
        if (reply.isEmpty()) {
            problems.add(CommandProblem.of("reply-empty"));
        }
        if (reply.appliesToCluster() && reply.commands().stream().noneMatch(MonitorCommand::passesToCluster)) {
            problems.add(CommandProblem.of("cluster-without-verdict"));
        }
        CommandScope scope = new CommandScope(handle, ticket, reply, null, null, parts);
        TicketStatus status = ticket.status();
        if (reply.problems().isEmpty()) {
            for (MonitorCommand command : reply.commands()) {
                status = command.check(scope, status, problems);
            }
        }
        return problems;
    }

    /** Applies a reply {@link #problemsWith} accepted. */
    public void apply(Handle handle, Ticket ticket, Monitor monitor, ParsedReply reply, Instant now) {
        String actor = monitor.address();
        CommandScope scope = new CommandScope(handle, ticket, reply, actor, now, parts);
        TicketStatus status = ticket.status();
        for (MonitorCommand command : reply.commands()) {
            status = command.apply(scope, status);
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
            List<CommandProblem> problems = problemsWith(handle, other, verdict);
            if (problems.isEmpty()) {
                apply(handle, other, monitor, verdict, now);
                parts.events().append(handle, linkedId, monitor.address(), TicketEventKind.CLUSTER_VERDICT,
                        "applied from " + ticket.reference(), now);
                applied.add(other.reference().value());
            } else {
                parts.events().append(handle, linkedId, monitor.address(), TicketEventKind.CLUSTER_VERDICT_SKIPPED,
                        limit(ticket.reference() + ": " + String.join("; ",
                                parts.templates().word(problems, Language.ENGLISH))), now);
            }
        }
        parts.events().append(handle, ticket.id(), monitor.address(), TicketEventKind.CLUSTER_VERDICT,
                limit(applied.isEmpty() ? "no linked ticket could take the verdict" : "applied to "
                        + String.join(", ", applied)), now);
    }

    private static String limit(String detail) {
        return detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    private void queueStatusUpdate(Handle handle, Ticket ticket, TicketStatus status, String message, String actor,
                                   Instant now) {
        if (ticket.status() == TicketStatus.WITHDRAWN) {
            // The reporter took the report back and was told so once; nothing more goes to them about it.
            parts.events().append(handle, ticket.id(), "system", TicketEventKind.STATUS_UPDATE_NOT_SENT, "withdrawn by the reporter",
                    now);
            return;
        }
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

    /**
     * Records a platform's answer to an escalation: a mail whose subject carries an escalation's {@code [ESC-…]}
     * and that comes from that platform's trusted-partner address. Returns the finding's ticket, or empty when
     * the mail is no such answer (it is then judged as a monitor's reply).
     */
    public Optional<Long> recordPlatformAnswer(Handle handle, String fromAddress, String subject, String text,
                                               Instant now) {
        Matcher reference = ESCALATION.matcher(subject == null ? "" : subject);
        if (!reference.find()) {
            return Optional.empty();
        }
        Optional<Finding> finding = parts.findings().findByEscalation(handle, reference.group(1))
                .filter(found -> parts.monitoring().platforms().find(found.platformId())
                        .map(platform -> platform.trustedPartnerAddress().equalsIgnoreCase(fromAddress))
                        .orElse(false));
        finding.ifPresent(found -> parts.events().append(handle, found.ticketId(), "platform " + found.platformId(),
                TicketEventKind.PLATFORM_ANSWERED, limit(text == null ? "" : text.strip()), now));
        return finding.map(Finding::ticketId);
    }
}
