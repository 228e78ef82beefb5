package org.shahid.monitors;

import java.time.Clock;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.shahid.authentication.AuthenticationSettings;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.Settings;
import org.shahid.findings.EvidenceFileDao;
import org.shahid.findings.FindingDao;
import org.shahid.findings.MonitoringData;
import org.shahid.intake.IntakeAttemptDao;
import org.shahid.intake.LoopGuard;
import org.shahid.parsing.MailLimits;
import org.shahid.parsing.MailParser;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.SendLimits;
import org.shahid.outbound.TemplateCatalog;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketMessageDao;

/**
 * The monitors' side of Shahid, wired once at start from {@code shahid.monitors.*} and
 * {@code shahid.mailbox.monitors.*}: the roster, category rules and monitoring data (files admins edit in
 * {@code monitoring/}), the notifier intake
 * calls, the reply step of the {@code monitors} route and the digest of the {@code monitor-digest} route.
 */
public record Monitors(Roster roster, Categories categories, MonitoringData monitoring, NotifyMonitors notifyMonitors,
                       ApplyMonitorReply applyMonitorReply, SendDigest sendDigest, MonitorTemplates templates) {

    public static Monitors wire(Settings settings, Jdbi jdbi, Pseudonymizer pseudonymizer, OutboxDao outbox,
                                TemplateCatalog templates, Clock clock) {
        Roster roster = Roster.load(settings.home().resolve(settings.text("shahid.monitors.roster-file")));
        Categories categories = Categories.load(settings.home().resolve(settings.text("shahid.monitors.categories-file")));
        MonitoringData monitoring = MonitoringData.load(settings);
        MonitorTemplates monitorTemplates = MonitorTemplates.load(settings.home().resolve("templates"));
        String monitorsAddress = settings.text("shahid.mailbox.monitors.address");
        if (!monitorsAddress.contains("@")) {
            throw new ConfigurationException("shahid.mailbox.monitors.address must be an address");
        }
        String notify = settings.text("shahid.monitors.notify");
        if (!notify.equals("all") && !notify.equals("language")) {
            throw new ConfigurationException("shahid.monitors.notify must be all or language");
        }
        String organisation = settings.text("shahid.organisation");
        AuthenticationSettings authentication = AuthenticationSettings.of(settings);
        ReplyMac replyMac = new ReplyMac(pseudonymizer, monitorsAddress, settings.flag("shahid.monitors.plus-addressing"),
                clock, authentication.replyKeyTtl());
        MessageIds messageIds = new MessageIds(settings.text("shahid.domain"));
        TriageDao triage = new TriageDao();
        AttachScrubbedEvidence evidence = new AttachScrubbedEvidence(new EvidenceFileDao(), outbox,
                settings.number("shahid.monitors.evidence-mail-bytes"));
        // The copies' bytes are read by the outbox's sender, when it builds the mail.
        HeldNotices heldNotices = new HeldNotices();
        TicketDao tickets = new TicketDao();
        TicketEventDao events = new TicketEventDao();
        NotifyMonitors notifyMonitors = new NotifyMonitors(new NotifyMonitors.Parts(roster, notify.equals("language"),
                categories, replyMac, monitorTemplates, triage, tickets, events, outbox, messageIds, monitorsAddress,
                organisation, evidence, new SendLimits(pseudonymizer),
                settings.integer("shahid.monitors.notifications-per-sender-per-hour"), heldNotices,
                new SuggestActor(monitoring, new FindingDao())));
        Function<String, String> mailboxAddress = name -> settings.text("shahid.mailbox." + name + ".address",
                settings.text("shahid.mailbox.report.address"));
        ApplyCommands commands = new ApplyCommands(new ApplyCommands.Parts(roster, categories, triage, tickets, events,
                new TicketMessageDao(), outbox, messageIds,
                new ComposeStatusUpdate(templates, organisation), mailboxAddress, monitoring, new FindingDao(),
                evidence));
        ApplyMonitorReply apply = new ApplyMonitorReply(new ApplyMonitorReply.Parts(jdbi,
                new MailParser(new MailLimits(settings.integer("shahid.limits.attachment-count"),
                        settings.number("shahid.limits.attachment-bytes"),
                        settings.integer("shahid.limits.nesting-depth"))),
                // Shahid's own addresses are not listed here: a monitor's reply may well come through them.
                new LoopGuard(java.util.List.of()), roster, replyMac, authentication.senderAuthentication(),
                authentication.allowUnauthenticatedMonitors(), authentication.replyKeyTtl(),
                pseudonymizer, tickets, commands, new ReplyAuditDao(), monitorTemplates, outbox, messageIds,
                new IntakeAttemptDao(jdbi), settings.integer("shahid.intake.max-attempts"),
                settings.text("shahid.intake.quarantine-folder"), settings.number("shahid.monitors.max-reply-bytes"),
                monitorsAddress, organisation, clock));
        SendDigest digest = new SendDigest(jdbi, roster, triage, monitorTemplates, outbox, messageIds,
                settings.duration("shahid.monitors.digest-unassigned-after"), monitorsAddress, organisation, clock,
                heldNotices);
        return new Monitors(roster, categories, monitoring, notifyMonitors, apply, digest, monitorTemplates);
    }
}
