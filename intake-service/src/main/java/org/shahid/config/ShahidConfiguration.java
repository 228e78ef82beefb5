package org.shahid.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.shahid.reports.PublishedFindings;
import org.shahid.authentication.AuthenticationSettings;
import org.shahid.evidence.AttachmentDao;
import org.shahid.evidence.ClassifyType;
import org.shahid.evidence.ExaminationDao;
import org.shahid.evidence.ExamineEvidence;
import org.shahid.evidence.IsolatedExtractor;
import org.shahid.evidence.LinkEvidence;
import org.shahid.evidence.OcrAvailability;
import org.shahid.evidence.ScrubbedCopyStore;
import org.shahid.evidence.SealEvidence;
import org.shahid.findings.ActorRegister;
import org.shahid.findings.EvidenceFileDao;
import org.shahid.findings.FindingDao;
import org.shahid.findings.MonitoringData;
import org.shahid.intake.AnswerCaseClosed;
import org.shahid.intake.FetchTextParts;
import org.shahid.intake.IngestMail;
import org.shahid.intake.IntakeActivity;
import org.shahid.intake.IntakeAttemptDao;
import org.shahid.intake.IntakeBudget;
import org.shahid.intake.IntakeLookahead;
import org.shahid.intake.IsAuthenticatedSender;
import org.shahid.intake.LanguageDetector;
import org.shahid.intake.LogPollFailureInOneLine;
import org.shahid.intake.LoopGuard;
import org.shahid.intake.MailIntake;
import org.shahid.intake.OpenTicket;
import org.shahid.intake.ParseMail;
import org.shahid.intake.PrefetchMailAttributes;
import org.shahid.intake.ProcessedMailDao;
import org.shahid.intake.QuarantineDao;
import org.shahid.intake.QuarantineMail;
import org.shahid.intake.QueueAcknowledgement;
import org.shahid.intake.RawMailOnlyBinding;
import org.shahid.intake.ReceiptCodes;
import org.shahid.intake.RecordFollowUp;
import org.shahid.intake.RecordMessage;
import org.shahid.intake.RedactMail;
import org.shahid.intake.ResolveThread;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.Settings;
import org.shahid.language.Language;
import org.shahid.monitors.ApplyCommands;
import org.shahid.monitors.ApplyMonitorReply;
import org.shahid.monitors.AttachScrubbedEvidence;
import org.shahid.monitors.Categories;
import org.shahid.monitors.ComposeStatusUpdate;
import org.shahid.monitors.HeldNotices;
import org.shahid.monitors.MonitorTemplates;
import org.shahid.monitors.Monitors;
import org.shahid.monitors.NoticeOfIntake;
import org.shahid.monitors.NotifyMonitors;
import org.shahid.monitors.ReplyAuditDao;
import org.shahid.monitors.ReplyMac;
import org.shahid.monitors.Roster;
import org.shahid.monitors.SendDigest;
import org.shahid.monitors.SendWeeklyFindings;
import org.shahid.monitors.SuggestActor;
import org.shahid.monitors.TriageDao;
import org.shahid.outbound.AcknowledgeInOutbox;
import org.shahid.outbound.AcknowledgementPolicy;
import org.shahid.outbound.ComposeAcknowledgement;
import org.shahid.outbound.CountWrongReceiptCodes;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.SendLimits;
import org.shahid.outbound.SendOutbox;
import org.shahid.outbound.SharedHourlyCap;
import org.shahid.outbound.SmtpSettings;
import org.shahid.outbound.TemplateCatalog;
import org.shahid.outbound.TemplateProblems;
import org.shahid.parsing.MailLimits;
import org.shahid.parsing.MailParser;
import org.shahid.reconciliation.MailboxAccount;
import org.shahid.reconciliation.ReconcileMailboxes;
import org.shahid.reconciliation.ReportReconciliation;
import org.shahid.reload.ReloadChangedFiles;
import org.shahid.reload.WatchedFile;
import org.shahid.reporters.ConfirmReporterRequest;
import org.shahid.reporters.EraseIdentity;
import org.shahid.reporters.RecogniseReporterRequest;
import org.shahid.reporters.ReporterControls;
import org.shahid.reporters.WithdrawReport;
import org.shahid.scheduling.PurgeSealedIdentities;
import org.shahid.sealing.CustodianKeys;
import org.shahid.sealing.ForgetReporter;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.sealing.SealExaminedOriginals;
import org.shahid.sealing.SealSender;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.sealing.SealedRedactionTerms;
import org.shahid.sealing.Sealer;
import org.shahid.sealing.SenderKeys;
import org.shahid.servicelevels.CheckServiceLevels;
import org.shahid.servicelevels.ServiceLevelTemplates;
import org.shahid.servicelevels.ServiceLevels;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketMessageDao;

/**
 * Shahid's composition root: every bean wired from settings in one place ({@link #wire}), and bound by the names the
 * route files call them into each Camel context it is added to (the service's, and the throwaway ones that check
 * route files). Settings: nearly all of {@code shahid-defaults.properties}. Immutable; the beans are thread-safe.
 */
public final class ShahidConfiguration implements CamelConfiguration {

    private final Beans beans;

    /** Binds {@code beans} into each Camel context this configuration is added to. */
    public ShahidConfiguration(Beans beans) {
        this.beans = beans;
    }

    @BindToRegistry("ingestMail")
    public IngestMail ingestMail() {
        return beans.ingestMail();
    }

    @BindToRegistry("prefetchMailAttributes")
    public PrefetchMailAttributes prefetchMailAttributes() {
        return beans.prefetch();
    }

    @BindToRegistry("rawMailOnlyBinding")
    public RawMailOnlyBinding rawMailOnlyBinding() {
        return new RawMailOnlyBinding();
    }

    @BindToRegistry("logPollFailureInOneLine")
    public LogPollFailureInOneLine logPollFailureInOneLine() {
        return new LogPollFailureInOneLine();
    }

    @BindToRegistry("sendOutbox")
    public SendOutbox sendOutbox() {
        return beans.sendOutbox();
    }

    @BindToRegistry("applyMonitorReply")
    public ApplyMonitorReply applyMonitorReply() {
        return beans.monitors().applyMonitorReply();
    }

    @BindToRegistry("sendDigest")
    public SendDigest sendDigest() {
        return beans.monitors().sendDigest();
    }

    @BindToRegistry("sendWeeklyFindings")
    public SendWeeklyFindings sendWeeklyFindings() {
        return beans.monitors().sendWeeklyFindings();
    }

    @BindToRegistry("examineEvidence")
    public ExamineEvidence examineEvidence() {
        return beans.examineEvidence();
    }

    @BindToRegistry("purgeSealedIdentities")
    public PurgeSealedIdentities purgeSealedIdentities() {
        return beans.retention();
    }

    @BindToRegistry("reloadChangedFiles")
    public ReloadChangedFiles reloadChangedFiles() {
        return beans.operations().reloadChangedFiles();
    }

    @BindToRegistry("reconcileMailboxes")
    public ReconcileMailboxes reconcileMailboxes() {
        return beans.operations().reconcileMailboxes();
    }

    @BindToRegistry("checkServiceLevels")
    public CheckServiceLevels checkServiceLevels() {
        return beans.operations().checkServiceLevels();
    }

    /** The beans the routes call, wired from settings; tests and admin commands use them without Camel. */
    public record Beans(MailIntake intake, IngestMail ingestMail, SendOutbox sendOutbox, Monitors monitors,
                        PurgeSealedIdentities retention, IsolatedExtractor extractor,
                        PrefetchMailAttributes prefetch, IntakeLookahead lookahead,
                        ExamineEvidence examineEvidence, IntakeActivity activity, OperationsBeans operations) {
    }

    /** Loads and checks every template the service can send, in every language. */
    public static TemplateCatalog loadTemplates(Path home) {
        try {
            return TemplateCatalog.load(home.resolve("templates"),
                    List.of(ComposeAcknowledgement.REPORT_RECEIVED, ComposeAcknowledgement.COMMENT_RECEIVED,
                            ComposeStatusUpdate.EVENT, ComposeAcknowledgement.CASE_CLOSED,
                            ConfirmReporterRequest.WITHDRAWN_EVENT, ConfirmReporterRequest.ERASED_EVENT));
        } catch (TemplateProblems problems) {
            throw new ConfigurationException(problems.getMessage());
        }
    }

    public static Beans wire(Settings settings, Database database, Keyring keyring, TemplateCatalog templates,
                             Clock clock) {
        Pseudonymizer pseudonymizer = new Pseudonymizer(keyring);
        // Custodians: identity records and original mails are sealed to the custodian key once it exists.
        CustodianKeys custodianKeys = new CustodianKeys(database.jdbi(), clock);
        SealedBlobStore blobs = new SealedBlobStore(settings.path("shahid.data-dir"), keyring, custodianKeys);
        SealedIdentityDao sealedIdentities = new SealedIdentityDao(new Sealer(keyring), custodianKeys);
        SealExaminedOriginals sealExaminedOriginals = new SealExaminedOriginals(database.jdbi(), blobs,
                custodianKeys);
        TicketDao tickets = new TicketDao();
        TicketMessageDao messages = new TicketMessageDao();
        OutboxDao outbox = new OutboxDao();
        ProcessedMailDao processedMails = new ProcessedMailDao();
        Language fallback = Language.fromCode(settings.text("shahid.language.fallback"))
                .orElseThrow(() -> new ConfigurationException("shahid.language.fallback must be "
                        + Language.listed()));
        ScrubbedCopyStore copies = new ScrubbedCopyStore(settings.path("shahid.data-dir"));
        Monitors monitors = monitors(settings, database, pseudonymizer, outbox, templates, clock);
        IsolatedExtractor extractor = isolatedExtractor(settings);
        SealEvidence sealEvidence = new SealEvidence(blobs, new ClassifyType(), extractor, copies,
                settings.path("shahid.data-dir").resolve("work"));
        LinkEvidence linkEvidence = new LinkEvidence(settings.integer("shahid.evidence.max-links-per-key"));
        ExaminationDao examinations = new ExaminationDao();
        IntakeActivity activity = new IntakeActivity();
        java.time.Duration intakeQuiet = settings.duration("shahid.intake.quiet-after");
        IntakeBudget budget = new IntakeBudget(settings.duration("shahid.intake.parse-budget"));
        TicketEventDao events = new TicketEventDao();
        SealedRedactionTerms redactionTerms = new SealedRedactionTerms(new Sealer(keyring));
        LanguageDetector languageDetector = new LanguageDetector();
        QueueAcknowledgement acknowledge = new AcknowledgeInOutbox(outbox,
                new AcknowledgementPolicy(new SendLimits(pseudonymizer, database.jdbi()),
                        settings.integer("shahid.ack.per-sender-per-hour"),
                        new SharedHourlyCap(database.counters(), pseudonymizer, "ack-global",
                                settings.integer("shahid.ack.global-per-hour"))),
                new ComposeAcknowledgement(templates, settings.text("shahid.organisation"),
                        settings.text("shahid.reporters.large-files-channel", "")),
                new MessageIds(settings.text("shahid.domain")), events, fallback);
        ReporterControls reporterControls = reporterControls(settings, templates, sealedIdentities,
                new ForgetReporter(blobs), outbox, messages);
        MailIntake intake = new MailIntake(database.jdbi(), processedMails, budget, new MailIntake.Steps(
                new ParseMail(new MailParser(new MailLimits(settings.integer("shahid.limits.attachment-count"),
                        settings.number("shahid.limits.attachment-bytes"),
                        settings.integer("shahid.limits.nesting-depth"))),
                        new LoopGuard(settings.list("shahid.own-addresses")), senderAuthentication(settings),
                        settings.integer("shahid.limits.header-bytes")),
                new SealSender(blobs, new SenderKeys(pseudonymizer)),
                new RedactMail(id -> pseudonymizer.keyedHash("message-id", id), settings.text("shahid.domain"),
                        reporterControls::controlLineOf),
                text -> languageDetector.detect(text, fallback).code(),
                sealEvidence,
                new ResolveThread(tickets, new ReceiptCodes(pseudonymizer,
                        new CountWrongReceiptCodes(new SendLimits(pseudonymizer, database.jdbi())),
                        settings.integer("shahid.receipt.max-wrong-per-hour"))),
                new OpenTicket(tickets, events),
                new RecordFollowUp(tickets, events),
                new RecordMessage(messages, sealedIdentities, new AttachmentDao(), redactionTerms),
                // A reporter's own request (withdraw, erase) answers the mail; otherwise a purged ticket says
                // "case closed".
                List.of(reporterControls, new AnswerCaseClosed(sealedIdentities, acknowledge)),
                acknowledge,
                new NoticeOfIntake(monitors.notifyMonitors(), examinations)), clock);
        ExamineEvidence examineEvidence = new ExamineEvidence(database.jdbi(), examinations, new AttachmentDao(),
                sealEvidence, linkEvidence, new TicketEventDao(),
                (handle, message, now) -> {
                    monitors.notifyMonitors().afterExamination(handle, message.ticketId(),
                            message.messageId(), message.followUp(), message.reopened(), now);
                    handle.afterCommit(() -> sealExaminedOriginals.sealOriginalsOf(message.messageId()));
                },
                new ExamineEvidence.Pacing(settings.integer("shahid.evidence.examine-attempts"),
                        settings.duration("shahid.evidence.examine-lease"),
                        settings.duration("shahid.evidence.examine-slice"),
                        settings.duration("shahid.evidence.yield-to-intake"),
                        settings.duration("shahid.evidence.message-budget")),
                clock, atMost -> activity.awaitQuiet(intakeQuiet, atMost), redactionTerms);
        PrefetchMailAttributes prefetch = new PrefetchMailAttributes(
                settings.integer("shahid.imap.max-messages-per-poll"));
        IntakeLookahead lookahead = new IntakeLookahead(new IntakeLookahead.Limits(
                settings.integer("shahid.intake.workers"), settings.integer("shahid.intake.lookahead-mails"),
                settings.number("shahid.intake.lookahead-bytes")));
        // Bounces (docs/sender-authentication.md): a per-mail envelope sender, and their diversion from intake.
        org.shahid.outbound.VerpAddress verp = new org.shahid.outbound.VerpAddress(pseudonymizer,
                settings.text("shahid.mailbox.bounces.address", ""));
        IngestMail ingestMail = new IngestMail(intake, new IntakeAttemptDao(database.jdbi()),
                new QuarantineMail(database.jdbi(), new QuarantineDao(), processedMails, blobs, clock),
                settings.number("shahid.limits.message-bytes"), settings.integer("shahid.intake.max-attempts"),
                settings.text("shahid.intake.quarantine-folder"), clock, prefetch, lookahead, activity,
                new org.shahid.outbound.DivertDeliveryReports(database.jdbi(), verp, "bounces", clock),
                new FetchTextParts(settings.number("shahid.limits.attachment-bytes")));
        SendOutbox sendOutbox = new SendOutbox(database.jdbi(), outbox, sealedIdentities,
                SmtpSettings.from(settings),
                new SendOutbox.Pacing(settings.integer("shahid.outbox.batch-size"),
                        settings.integer("shahid.outbox.max-attempts"),
                        settings.duration("shahid.outbox.backoff-initial"),
                        settings.duration("shahid.outbox.backoff-max"),
                        settings.duration("shahid.outbox.claim-lease"),
                        settings.text("shahid.organisation"),
                        // A run stops claiming after 1.5 intervals: the stateful trigger then fires again at
                        // once, and a stopping service waits about that long (plus the batch in flight).
                        java.time.Duration.ofMillis(settings.integer("shahid.outbox.interval-ms") * 3L / 2)),
                clock, () -> activity.busy(intakeQuiet),
                settings.duration("shahid.outbox.max-notification-deferral"), verp,
                new org.shahid.outbound.ComposeMimeContent(copies::pathOf));
        PurgeSealedIdentities retention = new PurgeSealedIdentities(database.jdbi(), blobs, new TicketEventDao(),
                retentionPeriods(settings), sealExaminedOriginals, clock);
        return new Beans(intake, ingestMail, sendOutbox, monitors, retention, extractor, prefetch, lookahead,
                examineEvidence, activity, operations(settings, new OperationsUses(database.jdbi(),
                        templates, monitors, ingestMail, outbox, clock)));
    }

    /** The periods of {@code shahid.retention.*}. */
    public static PurgeSealedIdentities.Periods retentionPeriods(Settings settings) {
        return new PurgeSealedIdentities.Periods(
                java.time.Duration.ofDays(settings.integer("shahid.retention.days")),
                java.time.Duration.ofDays(settings.integer("shahid.retention.reply-grace-days")),
                java.time.Duration.ofDays(settings.integer("shahid.retention.quarantine-days")),
                settings.duration("shahid.retention.orphan-age"));
    }

    /**
     * Whether the receiving server vouched for a reporter's From ({@code shahid.mail.authserv-id}, falling back
     * to {@code shahid.monitors.authserv-id}); without an authserv-id nobody is authenticated.
     */
    private static IsAuthenticatedSender senderAuthentication(Settings settings) {
        AuthenticationSettings authentication = AuthenticationSettings.of(settings);
        if (authentication.authservId().isBlank()) {
            return IsAuthenticatedSender.NOBODY;
        }
        return new IsAuthenticatedSender(authentication.senderAuthentication()::authenticates);
    }

    /** The reporter's controls on a follow-up: withdraw the report, or erase their identity. */
    private static ReporterControls reporterControls(Settings settings, TemplateCatalog templates,
                                                     SealedIdentityDao sealedIdentities, ForgetReporter forget,
                                                     OutboxDao outbox, TicketMessageDao messages) {
        ConfirmReporterRequest confirmation = new ConfirmReporterRequest(templates, outbox, messages,
                new MessageIds(settings.text("shahid.domain")), settings.text("shahid.organisation"));
        TicketEventDao events = new TicketEventDao();
        return new ReporterControls(
                new RecogniseReporterRequest(settings.list("shahid.reporters.withdraw-words"),
                        settings.list("shahid.reporters.erase-words")),
                new WithdrawReport(events, confirmation),
                new EraseIdentity(forget, sealedIdentities, events,
                        new org.shahid.sealing.UnsealAudit(settings.path("shahid.data-dir")), confirmation));
    }

    /** The child JVM that scrubs and extracts attachments; started on the first attachment. */
    private static IsolatedExtractor isolatedExtractor(Settings settings) {
        String ocrLanguages = settings.text("shahid.evidence.ocr-languages");
        return new IsolatedExtractor(new IsolatedExtractor.Options(
                settings.text("shahid.evidence.worker-heap"),
                settings.duration("shahid.evidence.timeout"),
                settings.integer("shahid.evidence.max-text-chars"),
                settings.number("shahid.evidence.max-compression-ratio"),
                settings.integer("shahid.evidence.max-embedded-depth"),
                settings.integer("shahid.evidence.max-embedded-count"),
                OcrAvailability.decide(settings.flag("shahid.evidence.ocr"), ocrLanguages),
                ocrLanguages, settings.integer("shahid.evidence.decoder-memory-mb")),
                settings.path("shahid.data-dir").resolve("work"));
    }

    /**
     * The monitors' side, from {@code shahid.monitors.*} and {@code shahid.mailbox.monitors.*}: the roster, category
     * rules and monitoring data (files admins edit in {@code monitoring/}), the notifier intake calls, the reply step
     * of the {@code monitors} route and the digest of the {@code monitor-digest} route.
     */
    private static Monitors monitors(Settings settings, Database database, Pseudonymizer pseudonymizer, OutboxDao outbox,
                                     TemplateCatalog templates, Clock clock) {
        Jdbi jdbi = database.jdbi();
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
                organisation, evidence, new SendLimits(pseudonymizer, database.jdbi()),
                settings.integer("shahid.monitors.notifications-per-sender-per-hour"), heldNotices,
                new SuggestActor(monitoring, new FindingDao())));
        Function<String, String> mailboxAddress = name -> settings.text("shahid.mailbox." + name + ".address",
                settings.text("shahid.mailbox.report.address"));
        ApplyCommands commands = new ApplyCommands(new ApplyCommands.Parts(roster, categories, triage, tickets, events,
                new TicketMessageDao(), outbox, messageIds,
                new ComposeStatusUpdate(templates, organisation), mailboxAddress, monitoring, new FindingDao(),
                evidence, monitorTemplates, organisation));
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
                heldNotices, monitoring);
        return new Monitors(roster, categories, monitoring, notifyMonitors, apply, digest, monitorTemplates,
                weeklyFindings(settings, jdbi, roster, categories, monitoring, monitorTemplates, outbox, messageIds,
                        monitorsAddress, organisation, clock));
    }

    /** The leads' weekly findings mail ({@code shahid.monitoring.*}), built as the {@code findings} verb builds it. */
    private static SendWeeklyFindings weeklyFindings(Settings settings, Jdbi jdbi, Roster roster, Categories categories,
                                                     MonitoringData monitoring, MonitorTemplates templates,
                                                     OutboxDao outbox, MessageIds messageIds, String monitorsAddress,
                                                     String organisation, Clock clock) {
        String electionDay = settings.text("shahid.monitoring.election-day", "").strip();
        PublishedFindings report = new PublishedFindings(monitoring, categories.categoryNames(),
                electionDay.isEmpty() ? java.util.Optional.empty()
                        : java.util.Optional.of(java.time.LocalDate.parse(electionDay)),
                settings.integer("shahid.monitoring.weekly-findings-min-count"));
        java.nio.file.Path dataDir = settings.path("shahid.data-dir");
        return new SendWeeklyFindings(new SendWeeklyFindings.Parts(jdbi, roster, report, templates, outbox, messageIds,
                new ScrubbedCopyStore(dataDir), dataDir.resolve("work"), monitorsAddress, organisation, clock));
    }

    /** What the operations beans use of the rest of the service. */
    private record OperationsUses(Jdbi jdbi, TemplateCatalog templates, Monitors monitors, IngestMail ingestMail,
                                  OutboxDao outbox, Clock clock) {
    }

    /**
     * The beans of running Shahid as a production service: live reload, reconciliation, service levels. Each file
     * admins edit is watched here with one line.
     */
    private static OperationsBeans operations(Settings settings, OperationsUses uses) {
        Path home = settings.home();
        Monitors monitors = uses.monitors();
        Path serviceLevelsFile = home.resolve(settings.text("shahid.service-levels.file"));
        ServiceLevels serviceLevels = ServiceLevels.load(serviceLevelsFile);
        ServiceLevelTemplates serviceLevelTemplates = ServiceLevelTemplates.load(home.resolve("templates"));
        ReloadChangedFiles reload = new ReloadChangedFiles()
                .watch(WatchedFile.of("templates", home.resolve("templates"),
                        folder -> loadTemplates(home), uses.templates()::adopt))
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
                ReconcileMailboxes.Connection.of(settings),
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
}
