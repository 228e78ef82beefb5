package org.shahid.testing;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.shahid.admin.ShahidCommand;

/**
 * The stage of a fault test: a private Dovecot holding report@ and info@ (behind a proxy the test can cut), a
 * fresh database (also behind a proxy), a GreenMail SMTP relay on a fixed port the test can stop and start, and
 * Shahid as a separate JVM ({@code ShahidCommand run} on the test classpath) that the test can kill -9.
 */
public final class FaultRig implements AutoCloseable {

    public static final String REPORT = "report@shahid.test";
    private static final String INFO = "info@shahid.test";
    private static final String MONITORS = "monitors@shahid.test";
    private static final String BOUNCES = "bounces@shahid.test";

    private final Path state;
    private final PrivateDovecot dovecot;
    private final TcpProxy imapProxy;
    private final TestDatabase database;
    private final TcpProxy databaseProxy;
    private final int smtpPort;
    private final int healthPort;
    private final Map<String, String> extraEnvironment;
    private GreenMail relay;
    private Process shahid;
    private int starts;

    private FaultRig(Path state, Map<String, String> extraEnvironment) throws Exception {
        // Killing Shahid mid-session makes the relay's handler threads throw "connection reset"; by default
        // Awaitility fails whichever wait is running when any thread throws. Those are the faults under test.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        this.state = state;
        this.extraEnvironment = extraEnvironment;
        // Dovecot's unprivileged login processes must reach its sockets below this folder.
        java.nio.file.Files.setPosixFilePermissions(state,
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        this.dovecot = PrivateDovecot.start(java.nio.file.Files.createDirectories(state.resolve("dovecot")),
                List.of(REPORT, INFO, MONITORS, BOUNCES));
        this.imapProxy = TcpProxy.start("127.0.0.1", dovecot.port());
        this.database = TestDatabase.create();
        URI server = URI.create(database.url().substring("jdbc:".length()));
        this.databaseProxy = TcpProxy.start(server.getHost(), server.getPort());
        this.smtpPort = freePort();
        this.healthPort = freePort();
        startRelay();
    }

    public static FaultRig prepare(Path state, Map<String, String> extraEnvironment) throws Exception {
        return new FaultRig(state, extraEnvironment);
    }

    /** Starts Shahid as a child JVM; its output goes to {@code shahid-N.log} in the state folder. */
    public void startShahid() throws IOException {
        shahid = launch(healthPort, Map.of(), "shahid-" + (++starts) + ".log");
    }

    /**
     * Starts a further instance of Shahid beside the first, on the same database, mail server and keys, with its
     * own health port and {@code environment} on top; the caller stops it. Output goes to {@code <name>.log}.
     */
    public Process startInstance(String name, Map<String, String> environment) throws IOException {
        return launch(freePort(), environment, name + ".log");
    }

    private Process launch(int healthPort, Map<String, String> instanceEnvironment, String logName)
            throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("SHAHID_HOME", Path.of("").toAbsolutePath().toString());
        URI server = URI.create(database.url().substring("jdbc:".length()));
        environment.put("SHAHID_DB_URL", "jdbc:mariadb://127.0.0.1:" + databaseProxy.port() + server.getPath());
        environment.put("SHAHID_DB_USER", database.user());
        environment.put("SHAHID_DB_PASSWORD", database.password());
        environment.put("SHAHID_KEYS_DIR", state.resolve("keys").toString());
        environment.put("SHAHID_KEYS_GENERATE_MISSING", "true");
        environment.put("SHAHID_DATA_DIR", state.resolve("data").toString());
        // `run` refuses to start without sender authentication; the rig's mail servers write no Authentication-Results.
        environment.put("SHAHID_MONITORS_ALLOW_UNAUTHENTICATED", "true");
        // `run` refuses to start without a custodian key; the rig's fault tests are about intake, not custodians.
        environment.put("SHAHID_CUSTODIANS_ALLOW_NONE", "true");
        // A free port of its own: tests run beside other services (and other Shahids) on this machine.
        environment.put("SHAHID_HEALTH_PORT", String.valueOf(healthPort));
        environment.put("SHAHID_IMAP_HOST", "127.0.0.1");
        environment.put("SHAHID_IMAP_PORT", String.valueOf(imapProxy.port()));
        environment.put("SHAHID_IMAP_POLL_CRON", "* * * * * ?");
        environment.put("SHAHID_IMAP_TIMEOUT_MS", "10000");
        environment.put("SHAHID_IMAP_CONNECTION_TIMEOUT_MS", "5000");
        environment.put("SHAHID_MAILBOX_REPORT_PASSWORD", REPORT);
        environment.put("SHAHID_MAILBOX_INFO_PASSWORD", INFO);
        environment.put("SHAHID_MAILBOX_MONITORS_PASSWORD", MONITORS);
        environment.put("SHAHID_MAILBOX_BOUNCES_PASSWORD", BOUNCES);
        environment.put("SHAHID_SMTP_HOST", "127.0.0.1");
        environment.put("SHAHID_SMTP_PORT", String.valueOf(smtpPort));
        environment.put("SHAHID_SMTP_CONNECTION_TIMEOUT_MS", "3000");
        environment.put("SHAHID_SMTP_TIMEOUT_MS", "10000");
        environment.put("SHAHID_OUTBOX_INTERVAL_MS", "250");
        environment.put("SHAHID_OUTBOX_BACKOFF_INITIAL", "1s");
        environment.put("SHAHID_OUTBOX_BACKOFF_MAX", "2s");
        environment.put("SHAHID_OUTBOX_CLAIM_LEASE", "5s");
        environment.put("SHAHID_LANGUAGE_FALLBACK", "en");
        environment.put("SHAHID_ACK_PER_SENDER_PER_HOUR", "1000");
        environment.putAll(extraEnvironment);
        environment.putAll(instanceEnvironment);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ShahidCommand.class.getName(), "run")
                .redirectErrorStream(true)
                .redirectOutput(state.resolve(logName).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SHAHID_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The last {@code lines} lines of the running (or last started) Shahid's log, to explain a failed wait. */
    public String logTail(int lines) {
        try {
            List<String> all = java.nio.file.Files.readAllLines(state.resolve("shahid-" + starts + ".log"),
                    java.nio.charset.StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "no log: " + e.getMessage();
        }
    }

    /** Acknowledgements and other mail the relay received. */
    public int relayed() {
        return relay.getReceivedMessages().length;
    }

    /** kill -9: no shutdown hook, no commit, no goodbye. */
    public void killShahid() throws InterruptedException {
        if (shahid != null) {
            shahid.destroyForcibly();
            shahid.waitFor(10, TimeUnit.SECONDS);
            shahid = null;
        }
    }

    /** {@code GET /health/ready} of the running Shahid: the HTTP status and the body, or why there is none. */
    public String readiness() throws InterruptedException {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + healthPort
                            + "/health/ready")).timeout(Duration.ofSeconds(20)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (java.io.IOException e) {
            return "no answer: " + e;
        }
    }

    public boolean isShahidAlive() {
        return shahid != null && shahid.isAlive();
    }

    public void stopShahid() throws InterruptedException {
        if (shahid != null) {
            shahid.destroy();
            if (!shahid.waitFor(15, TimeUnit.SECONDS)) {
                shahid.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            shahid = null;
        }
    }

    public void startRelay() {
        relay = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
    }

    public void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    public void deliver(byte[] raw) throws IOException {
        dovecot.deliver(REPORT, raw);
    }

    public TcpProxy imapProxy() {
        return imapProxy;
    }

    public TcpProxy databaseProxy() {
        return databaseProxy;
    }

    /** Acknowledgements the relay received, per recipient address. */
    public Map<String, Integer> acknowledgementsByRecipient() {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage message : relay.getReceivedMessages()) {
            try {
                for (Address address : message.getAllRecipients()) {
                    String text = address.toString();
                    int open = text.indexOf('<');
                    String recipient = open >= 0 ? text.substring(open + 1, text.indexOf('>', open)) : text;
                    if (!isMonitor(recipient)) {
                        counts.merge(recipient, 1, Integer::sum);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    /** The distinct Message-IDs of the acknowledgements each recipient received. */
    public Map<String, java.util.Set<String>> messageIdsByRecipient() {
        Map<String, java.util.Set<String>> ids = new TreeMap<>();
        for (MimeMessage message : relay.getReceivedMessages()) {
            try {
                for (Address address : message.getAllRecipients()) {
                    String text = address.toString();
                    int open = text.indexOf('<');
                    String to = open >= 0 ? text.substring(open + 1, text.indexOf('>', open)) : text;
                    if (!isMonitor(to)) {
                        ids.computeIfAbsent(to, key -> new java.util.TreeSet<>()).add(message.getMessageID());
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    public int acknowledgements() {
        return acknowledgementsByRecipient().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Monitors' notifications share the relay with acknowledgements; they go to the roster's own domain. */
    private static boolean isMonitor(String recipient) {
        return recipient.endsWith("@shahid.test");
    }

    /** Mails in report@'s INBOX not yet flagged seen (read directly from Dovecot, not through the proxy). */
    public int unseenInInbox() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(dovecot.port()));
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(REPORT, REPORT);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int unseen = 0;
            for (jakarta.mail.Message message : inbox.getMessages()) {
                if (!message.isSet(Flags.Flag.SEEN) && !message.isSet(Flags.Flag.DELETED)) {
                    unseen++;
                }
            }
            inbox.close(false);
            return unseen;
        }
    }

    public long count(String sql) {
        try (var connection = database.connect(); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of {@code sql}, or null when there is none. */
    public String text(String sql) {
        try (var connection = database.connect(); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until Shahid's schema exists (Flyway ran), so counts can be read. */
    public void awaitSchema() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> count("SELECT COUNT(*) FROM processed_mail") >= 0);
    }

    /** A port free on this machine now (fault tests run beside other services and other Shahids). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        Awaitility.reset();
        try {
            stopShahid();
        } finally {
            stopRelay();
            imapProxy.close();
            databaseProxy.close();
            dovecot.close();
            database.close();
        }
    }
}
