package org.shahid.config;

import org.shahid.kernel.Settings;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.IntakeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.shahid.config.ShahidConfiguration.Beans;
import org.shahid.push.SmtpPushListener;
import org.shahid.outbound.OutboxWakeUp;
import org.shahid.outbound.TemplateCatalog;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.CustodianKeys;
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
                settings.home().resolve("routes"), folder -> camelFor(settings, folder, beans));
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
        TemplateCatalog templates = ShahidConfiguration.loadTemplates(home);
        Keyring keyring = Keyring.load(settings.path("shahid.keys.dir"), settings.flag("shahid.keys.generate-missing"));
        Database database = Database.open(settings);
        org.shahid.cluster.ClusteredScheduler scheduler = null;
        try {
            new org.shahid.cluster.RequireMatchingKeysets(database.jdbi()).check(keyring.keyIds(), clock.instant());
            if (database.jdbi().withHandle(CustodianKeys::activeIn).isEmpty()) {
                LOG.warn("No custodian key: identity records are sealed under the server key, which a seized server"
                        + " opens; run `custodians init` (docs/custodians.md)");
            }
            Beans beans = ShahidConfiguration.wire(settings, database, keyring, templates, clock);
            // Acknowledgements go out right after their ticket commits, not at the outbox trigger's next run.
            OutboxWakeUp outboxWakeUp = new OutboxWakeUp(beans.sendOutbox());
            if (settings.flag("shahid.outbox.wake-after-intake")) {
                beans.activity().afterEachMail(outboxWakeUp::wake);
            }
            Main camel = camelFor(settings, routes, beans);
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

    /** A Camel Main that loads the admin-edited routes with every setting as a placeholder and the beans bound. */
    public static Main camelFor(Settings settings, Path routes, Beans beans) {
        Main camel = new Main();
        camel.configure().addConfiguration(new ShahidConfiguration(beans));
        camel.setInitialProperties(settings.asProperties());
        camel.configure().withName("shahid");
        camel.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath() + "/*.camel.yaml");
        camel.configure().withJmxEnabled(false);
        // No route reads a message body through Camel (intake reads the raw mail); caching one would make Camel
        // fetch a mail's structure from IMAP, which fails for some hostile mails.
        camel.configure().withStreamCachingEnabled(false);
        camel.configure().withShutdownTimeout((int) settings.duration("shahid.shutdown.in-flight-timeout").toSeconds());
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

}
