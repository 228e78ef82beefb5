package org.shahid.config;

import org.shahid.kernel.Settings;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.IntakeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.shahid.evidence.AttachmentDao;
import org.shahid.evidence.ClassifyType;
import org.shahid.evidence.ExaminationDao;
import org.shahid.evidence.ExamineEvidence;
import org.shahid.evidence.IsolatedExtractor;
import org.shahid.evidence.LinkEvidence;
import org.shahid.evidence.OcrAvailability;
import org.shahid.evidence.ScrubbedCopyStore;
import org.shahid.evidence.SealEvidence;
import org.shahid.intake.FetchTextParts;
import org.shahid.intake.IngestMail;
import org.shahid.push.SmtpPushListener;
import org.shahid.outbound.OutboxWakeUp;
import org.shahid.intake.IntakeAttemptDao;
import org.shahid.intake.IntakeActivity;
import org.shahid.intake.IntakeLookahead;
import org.shahid.intake.RawMailOnlyBinding;
import org.shahid.intake.LanguageDetector;
import org.shahid.intake.LoopGuard;
import org.shahid.intake.MailIntake;
import org.shahid.parsing.MailLimits;
import org.shahid.parsing.MailParser;
import org.shahid.intake.PrefetchMailAttributes;
import org.shahid.intake.ProcessedMailDao;
import org.shahid.intake.QuarantineDao;
import org.shahid.intake.QuarantineMail;
import org.shahid.intake.ReceiptCodes;
import org.shahid.intake.ResolveThread;
import org.shahid.authentication.AuthenticationSettings;
import org.shahid.intake.AnswerCaseClosed;
import org.shahid.intake.IntakeBudget;
import org.shahid.intake.IsAuthenticatedSender;
import org.shahid.intake.OpenTicket;
import org.shahid.intake.ParseMail;
import org.shahid.intake.QueueAcknowledgement;
import org.shahid.intake.RecordFollowUp;
import org.shahid.intake.RecordMessage;
import org.shahid.intake.RedactMail;
import org.shahid.monitors.NoticeOfIntake;
import org.shahid.outbound.AcknowledgeInOutbox;
import org.shahid.sealing.SealSender;
import org.shahid.sealing.SealedRedactionTerms;
import org.shahid.sealing.SenderKeys;
import org.shahid.monitors.ComposeStatusUpdate;
import org.shahid.monitors.Monitors;
import org.shahid.outbound.AcknowledgementPolicy;
import org.shahid.outbound.SendLimits;
import org.shahid.outbound.ComposeAcknowledgement;
import org.shahid.language.Language;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.SendOutbox;
import org.shahid.outbound.SmtpSettings;
import org.shahid.outbound.TemplateCatalog;
import org.shahid.outbound.TemplateProblems;
import org.shahid.reporters.ConfirmReporterRequest;
import org.shahid.reporters.EraseIdentity;
import org.shahid.reporters.ReporterControls;
import org.shahid.reporters.RecogniseReporterRequest;
import org.shahid.reporters.WithdrawReport;
import org.shahid.scheduling.PurgeSealedIdentities;
import org.shahid.sealing.ForgetReporter;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.sealing.CustodianKeys;
import org.shahid.sealing.SealExaminedOriginals;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.sealing.Sealer;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketMessageDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shahid running: the database, the keys, the beans the routes call, and Camel loading the admin-edited
 * routes from {@code $SHAHID_HOME/routes}. Everything that can be checked (settings, keysets, templates,
 * routes) is checked at start, so a mistake is reported before a reporter waits. Not thread-safe; start
 * and close it from one thread.
 */
public final class ShahidService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShahidService.class);

    private final Settings settings;
    private final Database database;
    private final Main camel;
    private final Beans beans;
    private final HealthEndpoint health;
    private final SmtpPushListener push;
    private final OutboxWakeUp outboxWakeUp;
    private final org.shahid.cluster.ClusteredScheduler scheduler;
    private final org.shahid.reload.ReloadRoutes reloadRoutes;

    private ShahidService(Settings settings, Database database, Main camel, Beans beans, HealthEndpoint health,
                          SmtpPushListener push, OutboxWakeUp outboxWakeUp,
                          org.shahid.cluster.ClusteredScheduler scheduler) {
        this.scheduler = scheduler;
        this.reloadRoutes = new org.shahid.reload.ReloadRoutes(camel.getCamelContext(),
                settings.home().resolve("routes"), (folder, bound) -> camelFor(settings, folder), beans.byRouteName());
        this.settings = settings;
        this.database = database;
        this.camel = camel;
        this.beans = beans;
        this.health = health;
        this.push = push;
        this.outboxWakeUp = outboxWakeUp;
    }

    public static ShahidService start(Settings settings, Clock clock) {
        Path home = settings.home();
        Path routes = home.resolve("routes");
        if (!Files.isDirectory(routes)) {
            throw new ConfigurationException("no routes folder at " + routes.toAbsolutePath()
                    + ": set SHAHID_HOME to the folder holding routes/ and templates/");
        }
        fixMailStreamProvider();
        TemplateCatalog templates = loadTemplates(home);
        Keyring keyring = Keyring.load(settings.path("shahid.keys.dir"), settings.flag("shahid.keys.generate-missing"));
        Database database = Database.open(settings);
        org.shahid.cluster.ClusteredScheduler scheduler = null;
        try {
            new org.shahid.cluster.RequireMatchingKeysets(database.jdbi()).check(keyring.keyIds(), clock.instant());
            if (database.jdbi().withHandle(CustodianKeys::activeIn).isEmpty()) {
                LOG.warn("No custodian key: identity records are sealed under the server key, which a seized server"
                        + " opens; run `custodians init` (docs/custodians.md)");
            }
            Beans beans = Beans.wire(settings, database, keyring, templates, clock);
            // Acknowledgements go out right after their ticket commits, not at the outbox trigger's next run.
            OutboxWakeUp outboxWakeUp = new OutboxWakeUp(beans.sendOutbox());
            if (settings.flag("shahid.outbox.wake-after-intake")) {
                beans.activity().afterEachMail(outboxWakeUp::wake);
            }
            Main camel = camelFor(settings, routes);
            beans.byRouteName().forEach(camel::bind);
            // Mailbox polls and cron jobs fire from the scheduler all instances share (docs/operations.md).
            scheduler = org.shahid.cluster.ClusteredScheduler.create(settings);
            camel.bind("clusteredScheduler", scheduler.scheduler());
            camel.addInitialProperty("camel.component.quartz.scheduler", "#clusteredScheduler");
            try {
                camel.start();
            } catch (RuntimeException e) {
                beans.lookahead().close();
                beans.extractor().close();
                throw e;
            }
            HealthEndpoint health = settings.flag("shahid.health.enabled")
                    ? HealthEndpoint.start(settings.text("shahid.health.host"), settings.integer("shahid.health.port"),
                            camel.getCamelContext(), database, IntakeMetrics.prometheus())
                    : null;
            SmtpPushListener push = startPushIntake(settings, beans, camel, health);
            LOG.info("Shahid started: {} routes from {}{}", camel.getCamelContext().getRoutes().size(), routes,
                    health == null ? "" : ", health checks on port " + health.port());
            return new ShahidService(settings, database, camel, beans, health, push, outboxWakeUp, scheduler);
        } catch (Exception e) {
            if (scheduler != null) {
                scheduler.close();
            }
            database.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** The push listener when {@code shahid.push.port} is set; if it cannot listen, nothing stays running. */
    private static SmtpPushListener startPushIntake(Settings settings, Beans beans, Main camel, HealthEndpoint health) {
        if (!SmtpPushListener.configured(settings)) {
            return null;
        }
        try {
            return SmtpPushListener.start(settings, beans.ingestMail());
        } catch (RuntimeException e) {
            if (health != null) {
                health.close();
            }
            camel.stop();
            beans.lookahead().close();
            beans.extractor().close();
            throw e;
        }
    }

    /** A Camel Main that loads the admin-edited routes with every setting as a placeholder. */
    public static Main camelFor(Settings settings, Path routes) {
        Main camel = new Main();
        camel.setInitialProperties(settings.asProperties());
        camel.configure().withName("shahid");
        camel.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath() + "/*.camel.yaml");
        camel.configure().withJmxEnabled(false);
        // No route reads a message body through Camel (intake reads the raw mail); caching one would make Camel
        // fetch a mail's structure from IMAP, which fails for some hostile mails.
        camel.configure().withStreamCachingEnabled(false);
        camel.configure().withShutdownTimeout(8);
        return camel;
    }

    /**
     * Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader, scanning every jar, each time a MIME part
     * is parsed or written: a fifth of intake's CPU in the profile. Naming the provider skips the scan.
     */
    private static void fixMailStreamProvider() {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
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

    /** Applies edited route files (SIGHUP); see {@link org.shahid.reload.ReloadRoutes}. */
    public boolean reloadRoutes() {
        return reloadRoutes.reload();
    }

    /** {@link #reloadRoutes()} on a thread of its own, for a signal handler that must return at once. */
    public void reloadRoutesInBackground() {
        Thread thread = new Thread(reloadRoutes::reload, "shahid-reload-routes");
        thread.setDaemon(true);
        thread.start();
    }

    public CamelContext camelContext() {
        return camel.getCamelContext();
    }

    public Beans beans() {
        return beans;
    }

    public Database database() {
        return database;
    }

    public Settings settings() {
        return settings;
    }

    /** The health endpoint, or empty when {@code shahid.health.enabled=false}. */
    public java.util.Optional<HealthEndpoint> health() {
        return java.util.Optional.ofNullable(health);
    }

    /** The push listener, or empty when {@code shahid.push.port} is not set. */
    public java.util.Optional<SmtpPushListener> push() {
        return java.util.Optional.ofNullable(push);
    }

    /**
     * Stops cleanly: readiness turns 503 at once, this instance fires no further poll or job (the others take
     * them over), the mails and the outbox send in hand are finished, and the triggers stay in the database for
     * the restart. Takes at most Camel's shutdown timeout plus the longest running job.
     */
    @Override
    public void close() {
        LOG.info("Shahid stopping: finishing the mails in hand");
        if (push != null) {
            push.close(); // first: a mail relayed from now on waits in the mail server's queue
        }
        outboxWakeUp.close();
        if (health != null) {
            health.markStopping();
        }
        scheduler.standby();
        try {
            camel.stop();
        } finally {
            scheduler.close();
            beans.lookahead().close();
            beans.extractor().close();
            database.close();
            if (health != null) {
                health.close();
            }
        }
        LOG.info("Shahid stopped");
    }

    /** The beans the routes call, wired from settings; tests and admin commands use them without Camel. */
    public record Beans(MailIntake intake, IngestMail ingestMail, SendOutbox sendOutbox, Monitors monitors,
                        PurgeSealedIdentities retention, IsolatedExtractor extractor,
                        PrefetchMailAttributes prefetch, IntakeLookahead lookahead,
                        ExamineEvidence examineEvidence, IntakeActivity activity, OperationsBeans operations) {

        /** The beans by the names the route files call them. */
        public java.util.Map<String, Object> byRouteName() {
            java.util.Map<String, Object> beans = new java.util.HashMap<>(operations.byRouteName());
            beans.putAll(java.util.Map.of("ingestMail", ingestMail, "sendOutbox", sendOutbox,
                    "applyMonitorReply", monitors.applyMonitorReply(), "sendDigest", monitors.sendDigest(),
                    "purgeSealedIdentities", retention, "prefetchMailAttributes", prefetch,
                    "examineEvidence", examineEvidence, "rawMailOnlyBinding", new RawMailOnlyBinding()));
            return beans;
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
            Monitors monitors = Monitors.wire(settings, database.jdbi(), pseudonymizer, outbox, templates, clock);
            IsolatedExtractor extractor = isolatedExtractor(settings);
            SealEvidence sealEvidence = new SealEvidence(blobs, new ClassifyType(), extractor, copies,
                    settings.path("shahid.data-dir").resolve("work"));
            LinkEvidence linkEvidence = new LinkEvidence(settings.integer("shahid.evidence.max-links-per-key"));
            ExaminationDao examinations = new ExaminationDao();
            IntakeActivity activity = new IntakeActivity();
            IntakeBudget budget = new IntakeBudget(settings.duration("shahid.intake.parse-budget"));
            TicketEventDao events = new TicketEventDao();
            SealedRedactionTerms redactionTerms = new SealedRedactionTerms(new Sealer(keyring));
            LanguageDetector languageDetector = new LanguageDetector();
            QueueAcknowledgement acknowledge = new AcknowledgeInOutbox(outbox,
                    new AcknowledgementPolicy(new SendLimits(pseudonymizer),
                            settings.integer("shahid.ack.per-sender-per-hour"),
                            settings.integer("shahid.ack.global-per-hour")),
                    new ComposeAcknowledgement(templates, settings.text("shahid.organisation")),
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
                    clock, activity::awaitQuiet, redactionTerms);
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
                    clock, () -> activity.busy(java.time.Duration.ofMillis(300)),
                    java.time.Duration.ofSeconds(10), verp,
                    new org.shahid.outbound.ComposeMimeContent(copies::pathOf));
            PurgeSealedIdentities retention = new PurgeSealedIdentities(database.jdbi(), blobs, new TicketEventDao(),
                    retentionPeriods(settings), sealExaminedOriginals, clock);
            return new Beans(intake, ingestMail, sendOutbox, monitors, retention, extractor, prefetch, lookahead,
                    examineEvidence, activity, OperationsBeans.wire(settings, new OperationsBeans.Uses(database.jdbi(),
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

        /** The reporter's controls on the follow-up path: withdraw and erase (see docs/reporters.md). */
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
                    ocrLanguages), settings.path("shahid.data-dir").resolve("work"));
        }
    }
}
