package org.shahid.admin;

import org.shahid.config.ShahidService;
import org.shahid.config.DemoMailServer;
import org.shahid.config.EmbeddedMariaDb;
import org.shahid.config.DemoBanner;
import org.shahid.config.DemoCustodians;
import org.shahid.kernel.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shahid.authentication.AuthenticationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;

/**
 * {@code demo}: Shahid with an in-process GreenMail (SMTP 3025, IMAP 3143) and, unless {@code SHAHID_DB_URL}
 * is set, an embedded MariaDB, all state under {@code SHAHID_DATA_DIR} (default {@code ~/.shahid/demo}).
 * Prints how to send a first report and runs until stopped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Zero-setup demo: in-process mail server and embedded database; mail it and watch.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    ShahidCommand shahid;

    @Option(names = "--data-dir", description = "Where the demo keeps its database, keys and files.")
    Path dataDir;

    @Option(names = "--smtp-port", defaultValue = "3025", description = "SMTP port of the demo mail server.")
    int smtpPort;

    @Option(names = "--imap-port", defaultValue = "3143", description = "IMAP port of the demo mail server.")
    int imapPort;

    @Override
    public Integer call() throws InterruptedException {
        StopSignal stop = StopSignal.install();
        Map<String, String> environment = shahid.environment();
        Path home = dataDir != null ? dataDir : Path.of(environment.getOrDefault("SHAHID_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".shahid", "demo").toString()));
        DemoMailServer mail = new DemoMailServer(smtpPort, imapPort);
        mail.start();
        EmbeddedMariaDb embedded = null;
        try {
            Map<String, String> overrides = demoSettings(home, mail);
            // GreenMail writes no Authentication-Results: the demo accepts unauthenticated monitor replies unless
            // the environment decides otherwise, and says so below the banner.
            if (!environment.containsKey("SHAHID_MONITORS_ALLOW_UNAUTHENTICATED")) {
                overrides.put(AuthenticationSettings.ALLOW_UNAUTHENTICATED, "true");
            }
            // Push intake on its fixed demo port (CONTRACT.md), unless the environment names another.
            overrides.put("shahid.push.port", environment.getOrDefault("SHAHID_PUSH_PORT", "2525"));
            DemoBanner banner;
            if (environment.containsKey("SHAHID_DB_URL")) {
                banner = DemoBanner.withExternalDatabase(mail, environment.get("SHAHID_DB_URL"));
            } else {
                embedded = EmbeddedMariaDb.start(home.resolve("mariadb"));
                embedded.ensureDatabase("shahid");
                overrides.put("shahid.db.url", embedded.jdbcUrl("shahid"));
                overrides.put("shahid.db.user", EmbeddedMariaDb.USER);
                overrides.put("shahid.db.password", "");
                banner = DemoBanner.withEmbeddedDatabase(mail, embedded.dataDir());
            }
            Settings settings = Settings.load(environment, overrides);
            Path custodians = DemoCustodians.ensure(settings, home);
            ShahidService service = ShahidService.start(settings, Clock.systemUTC());
            System.out.println(banner.text() + DemoCustodians.bannerText(custodians));
            System.out.println(AuthenticationSettings.of(settings).bannerLine());
            System.out.flush();
            if (embedded != null) {
                stop.awaitThenClose(service, mail, embedded);
            } else {
                stop.awaitThenClose(service, mail);
            }
            return 0;
        } catch (RuntimeException e) {
            mail.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private static Map<String, String> demoSettings(Path home, DemoMailServer mail) {
        Map<String, String> settings = new HashMap<>();
        settings.put("shahid.imap.host", mail.host());
        settings.put("shahid.imap.port", String.valueOf(mail.imapPort()));
        settings.put("shahid.smtp.host", mail.host());
        settings.put("shahid.smtp.port", String.valueOf(mail.smtpPort()));
        // GreenMail's demo accounts log in with the address as password (CONTRACT.md).
        settings.put("shahid.mailbox.report.password", DemoMailServer.REPORT_ADDRESS);
        settings.put("shahid.mailbox.info.password", DemoMailServer.INFO_ADDRESS);
        settings.put("shahid.mailbox.monitors.password", DemoMailServer.MONITORS_ADDRESS);
        settings.put("shahid.mailbox.bounces.password", DemoMailServer.BOUNCES_ADDRESS);
        // GreenMail would give monitors+SHD-…@ a mailbox of its own: the demo's replies use the [key:…] subject token.
        settings.put("shahid.monitors.plus-addressing", "false");
        settings.put("shahid.keys.dir", home.resolve("keys").toString());
        settings.put("shahid.keys.generate-missing", "true");
        settings.put("shahid.data-dir", home.resolve("files").toString());
        // Zero setup: a free port rather than failing when 8080 is taken (the port is logged at start).
        settings.put("shahid.health.port", "0");
        // The demo's database lives in the user's home folder: no fsync tuning to insist on.
        settings.put("shahid.db.require-durable-commits", "false");
        return settings;
    }
}
