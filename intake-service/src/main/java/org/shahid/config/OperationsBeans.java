package org.shahid.config;

import org.shahid.kernel.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.shahid.intake.IngestMail;
import org.shahid.findings.ActorRegister;
import org.shahid.monitors.Categories;
import org.shahid.monitors.MonitorTemplates;
import org.shahid.monitors.Monitors;
import org.shahid.monitors.Roster;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.TemplateCatalog;
import org.shahid.reconciliation.MailboxAccount;
import org.shahid.reconciliation.ReconcileMailboxes;
import org.shahid.reconciliation.ReportReconciliation;
import org.shahid.reload.ReloadChangedFiles;
import org.shahid.reload.WatchedFile;
import org.shahid.servicelevels.CheckServiceLevels;
import org.shahid.servicelevels.ServiceLevelTemplates;
import org.shahid.servicelevels.ServiceLevels;
import org.shahid.tickets.TicketEventDao;

/**
 * The beans of running Shahid as a production service (live reload, reconciliation, service levels), wired from settings beside
 * {@link ShahidService.Beans}. Each file admins edit is watched here with one line.
 */
public record OperationsBeans(ReloadChangedFiles reloadChangedFiles, ReconcileMailboxes reconcileMailboxes,
                              CheckServiceLevels checkServiceLevels) {

    /** What the operations beans use of the rest of the service. */
    public record Uses(Jdbi jdbi, TemplateCatalog templates, Monitors monitors, IngestMail ingestMail,
                       OutboxDao outbox, Clock clock) {
    }

    public static OperationsBeans wire(Settings settings, Uses uses) {
        Path home = settings.home();
        Monitors monitors = uses.monitors();
        Path serviceLevelsFile = home.resolve(settings.text("shahid.service-levels.file"));
        ServiceLevels serviceLevels = ServiceLevels.load(serviceLevelsFile);
        ServiceLevelTemplates serviceLevelTemplates = ServiceLevelTemplates.load(home.resolve("templates"));
        ReloadChangedFiles reload = new ReloadChangedFiles()
                .watch(WatchedFile.of("templates", home.resolve("templates"),
                        folder -> ShahidService.loadTemplates(home), uses.templates()::adopt))
                .watch(WatchedFile.of("monitor templates", home.resolve("templates"),
                        MonitorTemplates::load, monitors.templates()::adopt))
                .watch(WatchedFile.of("roster", home.resolve(settings.text("shahid.monitors.roster-file")),
                        Roster::load, monitors.roster()::adopt))
                .watch(WatchedFile.of("category rules", home.resolve(settings.text("shahid.monitors.categories-file")),
                        Categories::load, monitors.categories()::adopt))
                .watch(WatchedFile.of("actor register", home.resolve(settings.text("shahid.monitoring.actors-file")),
                        file -> ActorRegister.load(file, monitors.monitoring().declaration()),
                        monitors.monitoring().actors()::adopt))
                .watch(WatchedFile.of("service levels", serviceLevelsFile, ServiceLevels::load, serviceLevels::adopt))
                .watch(WatchedFile.of("service level templates", home.resolve("templates"),
                        ServiceLevelTemplates::load, serviceLevelTemplates::adopt));
        ReconcileMailboxes reconcile = new ReconcileMailboxes(MailboxAccount.fromSettings(settings),
                new ReconcileMailboxes.Connection(settings.text("shahid.imap.protocol"),
                        settings.text("shahid.imap.host"), settings.integer("shahid.imap.port"),
                        settings.integer("shahid.imap.timeout-ms"), settings.number("shahid.limits.message-bytes"),
                        settings.text("shahid.intake.quarantine-folder")),
                uses.ingestMail(), uses.jdbi(),
                new ReportReconciliation(uses.jdbi(), uses.outbox(), new MessageIds(settings.text("shahid.domain")),
                        settings.text("shahid.reconcile.report-to", ""),
                        settings.text("shahid.mailbox.monitors.address"), uses.clock()),
                uses.clock());
        CheckServiceLevels checkServiceLevels = new CheckServiceLevels(uses.jdbi(), serviceLevels,
                serviceLevelTemplates, monitors.roster(), uses.outbox(), new MessageIds(settings.text("shahid.domain")),
                new TicketEventDao(), settings.text("shahid.mailbox.monitors.address"), uses.clock());
        return new OperationsBeans(reload, reconcile, checkServiceLevels);
    }

    /** The beans by the names the route files call them. */
    public Map<String, Object> byRouteName() {
        return Map.of("reloadChangedFiles", reloadChangedFiles, "reconcileMailboxes", reconcileMailboxes,
                "logPollFailureInOneLine", new org.shahid.intake.LogPollFailureInOneLine(),
                "checkServiceLevels", checkServiceLevels);
    }
}
