package org.shahid.config;

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
import org.shahid.intake.IngestMail;
import org.shahid.intake.IntakeAttemptDao;
import org.shahid.intake.IntakeActivity;
import org.shahid.intake.IntakeLookahead;
import org.shahid.intake.RawMailOnlyBinding;
import org.shahid.intake.LanguageDetector;
import org.shahid.intake.LoopGuard;
import org.shahid.intake.MailIntake;
import org.shahid.intake.MailLimits;
import org.shahid.intake.MailParser;
import org.shahid.intake.PrefetchMailAttributes;
import org.shahid.intake.ProcessedMailDao;
import org.shahid.intake.QuarantineDao;
import org.shahid.intake.QuarantineMail;
import org.shahid.intake.ReceiptCodes;
import org.shahid.intake.ResolveThread;
import org.shahid.monitors.ComposeStatusUpdate;
import org.shahid.monitors.Monitors;
import org.shahid.outbound.AcknowledgementPolicy;
import org.shahid.outbound.ComposeAcknowledgement;
import org.shahid.language.Language;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.SendOutbox;
import org.shahid.outbound.SmtpSettings;
import org.shahid.outbound.TemplateCatalog;
import org.shahid.outbound.TemplateProblems;
import org.shahid.scheduling.PurgeSealedIdentities;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.Pseudonymizer;
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

    private ShahidService(Settings settings, Database database, Main camel, Beans beans, HealthEndpoint health) {
        this.settings = settings;
        this.database = database;
        this.camel = camel;
        this.beans = beans;
        this.health = health;
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
        try {
            Beans beans = Beans.wire(settings, database, keyring, templates, clock);
            Main camel = camelFor(settings, routes);
            beans.byRouteName().forEach(camel::bind);
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
            LOG.info("Shahid started: {} routes from {}{}", camel.getCamelContext().getRoutes().size(), routes,
                    health == null ? "" : ", health checks on port " + health.port());
            return new ShahidService(settings, database, camel, beans, health);
        } catch (Exception e) {
            database.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
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
                            ComposeStatusUpdate.EVENT, ComposeAcknowledgement.CASE_CLOSED));
        } catch (TemplateProblems problems) {
            throw new ConfigurationException(problems.getMessage());
        }
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

    @Override
    public void close() {
        if (health != null) {
            health.close();
        }
        try {
            camel.stop();
        } finally {
            beans.lookahead().close();
            beans.extractor().close();
            database.close();
        }
        LOG.info("Shahid stopped");
    }

    /** The beans the routes call, wired from settings; tests and admin commands use them without Camel. */
    public record Beans(MailIntake intake, IngestMail ingestMail, SendOutbox sendOutbox, Monitors monitors,
                        PurgeSealedIdentities retention, IsolatedExtractor extractor,
                        PrefetchMailAttributes prefetch, IntakeLookahead lookahead,
                        ExamineEvidence examineEvidence) {

        /** The beans by the names the route files call them. */
        public java.util.Map<String, Object> byRouteName() {
            return java.util.Map.of("ingestMail", ingestMail, "sendOutbox", sendOutbox,
                    "applyMonitorReply", monitors.applyMonitorReply(), "sendDigest", monitors.sendDigest(),
                    "purgeSealedIdentities", retention, "prefetchMailAttributes", prefetch,
                    "examineEvidence", examineEvidence, "rawMailOnlyBinding", new RawMailOnlyBinding());
        }


        public static Beans wire(Settings settings, Database database, Keyring keyring, TemplateCatalog templates,
                          Clock clock) {
            Pseudonymizer pseudonymizer = new Pseudonymizer(keyring);
            SealedBlobStore blobs = new SealedBlobStore(settings.path("shahid.data-dir"), keyring);
            SealedIdentityDao sealedIdentities = new SealedIdentityDao(new Sealer(keyring));
            TicketDao tickets = new TicketDao();
            TicketMessageDao messages = new TicketMessageDao();
            OutboxDao outbox = new OutboxDao();
            ProcessedMailDao processedMails = new ProcessedMailDao();
            Language fallback = Language.fromCode(settings.text("shahid.language.fallback"))
                    .orElseThrow(() -> new ConfigurationException("shahid.language.fallback must be "
                            + Language.listed()));
            Monitors monitors = Monitors.wire(settings, database.jdbi(), pseudonymizer, outbox, templates, clock);
            IsolatedExtractor extractor = isolatedExtractor(settings);
            SealEvidence sealEvidence = new SealEvidence(blobs, new ClassifyType(), extractor,
                    new ScrubbedCopyStore(settings.path("shahid.data-dir")),
                    settings.path("shahid.data-dir").resolve("work"));
            LinkEvidence linkEvidence = new LinkEvidence(settings.integer("shahid.evidence.max-links-per-key"));
            ExaminationDao examinations = new ExaminationDao();
            IntakeActivity activity = new IntakeActivity();
            MailIntake intake = new MailIntake(new MailIntake.Parts(
                    database.jdbi(),
                    new MailParser(new MailLimits(settings.integer("shahid.limits.attachment-count"),
                            settings.number("shahid.limits.attachment-bytes"),
                            settings.integer("shahid.limits.nesting-depth"))),
                    new LoopGuard(settings.list("shahid.own-addresses")),
                    new LanguageDetector(),
                    fallback,
                    pseudonymizer,
                    blobs,
                    sealedIdentities,
                    sealEvidence,
                    tickets,
                    messages,
                    new TicketEventDao(),
                    new AttachmentDao(),
                    processedMails,
                    new ResolveThread(tickets, messages, outbox, pseudonymizer, new ReceiptCodes(pseudonymizer,
                            settings.integer("shahid.receipt.max-wrong-per-hour"))),
                    outbox,
                    new AcknowledgementPolicy(outbox, settings.integer("shahid.ack.per-sender-per-hour")),
                    new ComposeAcknowledgement(templates, settings.text("shahid.organisation")),
                    new MessageIds(settings.text("shahid.domain")),
                    clock,
                    monitors.notifyMonitors(),
                    examinations));
            ExamineEvidence examineEvidence = new ExamineEvidence(database.jdbi(), examinations, new AttachmentDao(),
                    sealEvidence, linkEvidence, new TicketEventDao(),
                    (handle, message, now) -> monitors.notifyMonitors().afterExamination(handle, message.ticketId(),
                            message.messageId(), message.followUp(), message.reopened(), now),
                    new ExamineEvidence.Pacing(settings.integer("shahid.evidence.examine-attempts"),
                            settings.duration("shahid.evidence.examine-lease"),
                            settings.duration("shahid.evidence.examine-slice"),
                            settings.duration("shahid.evidence.yield-to-intake"),
                            settings.duration("shahid.evidence.message-budget")),
                    clock, activity);
            PrefetchMailAttributes prefetch = new PrefetchMailAttributes(
                    settings.integer("shahid.imap.max-messages-per-poll"));
            IntakeLookahead lookahead = new IntakeLookahead(new IntakeLookahead.Limits(
                    settings.integer("shahid.intake.workers"), settings.integer("shahid.intake.lookahead-mails"),
                    settings.number("shahid.intake.lookahead-bytes")));
            IngestMail ingestMail = new IngestMail(intake, new IntakeAttemptDao(database.jdbi()),
                    new QuarantineMail(database.jdbi(), new QuarantineDao(), processedMails, blobs, clock),
                    settings.number("shahid.limits.message-bytes"), settings.integer("shahid.intake.max-attempts"),
                    settings.text("shahid.intake.quarantine-folder"), clock, prefetch, lookahead, activity);
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
                    java.time.Duration.ofSeconds(10));
            PurgeSealedIdentities retention = new PurgeSealedIdentities(database.jdbi(), blobs, new TicketEventDao(),
                    java.time.Duration.ofDays(settings.integer("shahid.retention.days")), clock);
            return new Beans(intake, ingestMail, sendOutbox, monitors, retention, extractor, prefetch, lookahead,
                    examineEvidence);
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
                    ocrLanguages));
        }
    }
}
