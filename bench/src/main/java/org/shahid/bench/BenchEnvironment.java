package org.shahid.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.shahid.testing.PrivateDovecot;
import org.shahid.testing.TcpProxy;
import org.shahid.kernel.Settings;

/**
 * Everything one benchmark run stands on: a private Dovecot (with a counting proxy in front), a fresh database on
 * the configured MariaDB (dropped at the end), an in-process GreenMail SMTP relay for acknowledgements, and a
 * Shahid home with the repository's templates and every route but the mailboxes other than report@ (they would poll
 * through the counting proxy and blur IMAP commands per mail). Closing it stops and deletes all of it. Not
 * thread-safe.
 */
final class BenchEnvironment implements AutoCloseable {

    static final String REPORT = "report@shahid.test";
    static final String BASELINE_WARM_UP = "baseline-warm@shahid.test";
    static final String BASELINE_MIX_BEFORE = "baseline-mix-1@shahid.test";
    static final String BASELINE_MIX_AFTER = "baseline-mix-2@shahid.test";
    static final String BASELINE_TEXT_BEFORE = "baseline-text-1@shahid.test";
    static final String BASELINE_TEXT_AFTER = "baseline-text-2@shahid.test";
    /** Routes of mailboxes nothing is delivered to in a run; monitors' notifications are still sent. */
    private static final Set<String> UNUSED_MAILBOX_ROUTES = Set.of("info.camel.yaml", "monitors.camel.yaml",
            "bounces.camel.yaml");

    private final Path folder;
    private final PrivateDovecot dovecot;
    private final TcpProxy imapProxy;
    private final GreenMail relay;
    private final RelayArrivals relayArrivals;
    private final String server;
    private final String user;
    private final String password;
    private final String databaseName;
    private final Path home;

    private BenchEnvironment(Path folder, PrivateDovecot dovecot, TcpProxy imapProxy, GreenMail relay, String server,
                             String user, String password, String databaseName, Path home) {
        this.folder = folder;
        this.dovecot = dovecot;
        this.imapProxy = imapProxy;
        this.relay = relay;
        this.relayArrivals = RelayArrivals.listenTo(relay);
        this.server = server;
        this.user = user;
        this.password = password;
        this.databaseName = databaseName;
        this.home = home;
    }

    static BenchEnvironment open(Map<String, String> environment, Path shahidHome) throws Exception {
        Path folder = Files.createTempDirectory("shahid-bench-");
        String server = serverOf(environment.getOrDefault("SHAHID_DB_URL", ""));
        String user = nonBlank(environment.get("SHAHID_DB_USER"), "root");
        String password = nonBlank(environment.get("SHAHID_DB_PASSWORD"), "");
        String databaseName = "shahid_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        PrivateDovecot dovecot = null;
        GreenMail relay = null;
        try {
            execute(server, user, password, "CREATE DATABASE " + databaseName
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            dovecot = PrivateDovecot.start(folder, List.of(REPORT, BASELINE_WARM_UP, BASELINE_MIX_BEFORE,
                    BASELINE_MIX_AFTER, BASELINE_TEXT_BEFORE, BASELINE_TEXT_AFTER));
            relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            relay.start();
            Path home = prepareHome(shahidHome, folder.resolve("home"));
            BenchEnvironment bench = new BenchEnvironment(folder, dovecot, TcpProxy.start("127.0.0.1",
                    dovecot.port()), relay, server, user, password, databaseName, home);
            // Migrate now, so the baseline's own table does not make Flyway see a foreign schema later.
            org.shahid.config.Database.open(bench.shahidSettings(Map.of())).close();
            return bench;
        } catch (Exception e) {
            if (relay != null) {
                relay.stop();
            }
            if (dovecot != null) {
                dovecot.close();
            }
            execute(server, user, password, "DROP DATABASE IF EXISTS " + databaseName);
            throw e;
        }
    }

    /**
     * A Shahid home with the repository's templates, monitoring files and routes, without the mailboxes the bench
     * does not mail.
     */
    private static Path prepareHome(Path shahidHome, Path home) throws IOException {
        Files.createDirectories(home.resolve("routes"));
        try (Stream<Path> routes = Files.list(shahidHome.resolve("routes"))) {
            for (Path route : routes.filter(path -> !UNUSED_MAILBOX_ROUTES.contains(path.getFileName().toString()))
                    .toList()) {
                Files.copy(route, home.resolve("routes").resolve(route.getFileName()));
            }
        }
        for (String folder : List.of("templates", "monitoring")) {
            Path target = Files.createDirectories(home.resolve(folder));
            try (Stream<Path> files = Files.list(shahidHome.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        return home;
    }

    /** Settings that point Shahid at this environment; {@code extra} wins. */
    Settings shahidSettings(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(shahidSettingsMap());
        overrides.putAll(extra);
        return Settings.load(Map.of("SHAHID_HOME", home.toString()), overrides);
    }

    /** The settings that point Shahid at this environment, as overrides of its defaults. */
    Map<String, String> shahidSettingsMap() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("shahid.home", home.toString());
        overrides.put("shahid.db.url", databaseUrl());
        overrides.put("shahid.db.user", user);
        overrides.put("shahid.db.password", password);
        overrides.put("shahid.keys.dir", folder.resolve("keys").toString());
        overrides.put("shahid.keys.generate-missing", "true");
        overrides.put("shahid.data-dir", folder.resolve("data").toString());
        overrides.put("shahid.imap.protocol", "imap");
        overrides.put("shahid.imap.host", "127.0.0.1");
        overrides.put("shahid.imap.port", String.valueOf(imapProxy.port()));
        overrides.put("shahid.mailbox.report.username", REPORT);
        overrides.put("shahid.mailbox.report.password", REPORT);
        overrides.put("shahid.smtp.host", "127.0.0.1");
        overrides.put("shahid.smtp.port", String.valueOf(relay.getSmtp().getPort()));
        overrides.put("shahid.language.fallback", "en");
        // The bench measures acknowledgement latency over thousands of mails within the hour: no global cap.
        overrides.put("shahid.ack.global-per-hour", String.valueOf(Integer.MAX_VALUE));
        // Nothing else on the bench machine may answer for Shahid: its health port is any free one.
        overrides.put("shahid.health.port", "0");
        return overrides;
    }

    Path folder() {
        return folder;
    }

    String databaseUrl() {
        return server + databaseName;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl() + "?useServerPrepStmts=true", user, password);
    }

    PrivateDovecot dovecot() {
        return dovecot;
    }

    TcpProxy imapProxy() {
        return imapProxy;
    }

    RelayArrivals relayArrivals() {
        return relayArrivals;
    }

    private static String serverOf(String url) {
        if (url.isBlank()) {
            return "jdbc:mariadb://127.0.0.1:3306/";
        }
        int hostStart = url.indexOf("//");
        int path = hostStart < 0 ? -1 : url.indexOf('/', hostStart + 2);
        return path < 0 ? url + "/" : url.substring(0, path + 1);
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void execute(String server, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            imapProxy.close();
            relay.stop();
            dovecot.close();
        } finally {
            try {
                execute(server, user, password, "DROP DATABASE IF EXISTS " + databaseName);
            } finally {
                deleteFolder();
            }
        }
    }

    private void deleteFolder() {
        if (System.getenv("SHAHID_BENCH_KEEP") != null) {
            System.err.println("shahid bench: kept " + folder);
            return;
        }
        {
            {
                try (Stream<Path> paths = Files.walk(folder)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (UncheckedIOException | IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }
}
