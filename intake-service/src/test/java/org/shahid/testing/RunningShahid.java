package org.shahid.testing;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.shahid.kernel.Settings;
import org.shahid.config.ShahidService;

/**
 * Shahid as a test sees it: a GreenMail server on free ports holding the report@ and info@ mailboxes, a
 * fresh database on the real MariaDB, keys in a temporary folder, and the service started from the
 * repository's own routes/ and templates/. The service can be stopped and started again on the same state.
 */
public final class RunningShahid implements AutoCloseable {

    public static final String REPORT = "report@shahid.test";
    public static final String INFO = "info@shahid.test";
    public static final String MONITORS = "monitors@shahid.test";
    public static final String BOUNCES = "bounces@shahid.test";

    private final GreenMail mail;
    private final TestDatabase database;
    private final Path stateDir;
    private final Map<String, String> extraSettings;
    private ShahidService service;

    private RunningShahid(Path stateDir, Map<String, String> extraSettings) {
        this.stateDir = stateDir;
        this.extraSettings = extraSettings;
        this.mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(REPORT, REPORT, REPORT);
        mail.setUser(INFO, INFO, INFO);
        mail.setUser(MONITORS, MONITORS, MONITORS);
        mail.setUser(BOUNCES, BOUNCES, BOUNCES);
        this.database = TestDatabase.create();
    }

    /** Mail server and database up, service not yet started. */
    public static RunningShahid prepare(Path stateDir, Map<String, String> extraSettings) {
        return new RunningShahid(stateDir, extraSettings);
    }

    public static RunningShahid start(Path stateDir) {
        RunningShahid shahid = prepare(stateDir, Map.of());
        shahid.startService();
        return shahid;
    }

    public Settings settings() {
        Map<String, String> overrides = new HashMap<>(database.settings());
        overrides.put("shahid.home", Path.of("").toAbsolutePath().toString());
        overrides.put("shahid.imap.host", "127.0.0.1");
        overrides.put("shahid.imap.port", String.valueOf(mail.getImap().getPort()));
        overrides.put("shahid.imap.poll-cron", "* * * * * ?");
        overrides.put("shahid.smtp.host", "127.0.0.1");
        overrides.put("shahid.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        overrides.put("shahid.mailbox.report.password", REPORT);
        overrides.put("shahid.mailbox.info.password", INFO);
        overrides.put("shahid.mailbox.monitors.password", MONITORS);
        overrides.put("shahid.mailbox.bounces.password", BOUNCES);
        overrides.put("shahid.keys.dir", stateDir.resolve("keys").toString());
        overrides.put("shahid.keys.generate-missing", "true");
        overrides.put("shahid.data-dir", stateDir.resolve("data").toString());
        overrides.put("shahid.outbox.interval-ms", "250");
        overrides.put("shahid.outbox.backoff-initial", "1s");
        overrides.put("shahid.outbox.backoff-max", "2s");
        overrides.put("shahid.language.fallback", "en");
        overrides.put("shahid.health.port", "0");
        // GreenMail writes no Authentication-Results; tests of run's own settings override this.
        overrides.put("shahid.monitors.allow-unauthenticated", "true");
        overrides.putAll(extraSettings);
        return Settings.load(Map.of(), overrides);
    }

    public void startService() {
        service = ShahidService.start(settings(), Clock.systemUTC());
    }

    public void stopService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    public ShahidService service() {
        return service;
    }

    public GreenMail mail() {
        return mail;
    }

    public TestDatabase database() {
        return database;
    }

    /** Puts raw bytes into a mailbox's INBOX over IMAP APPEND, exactly as a delivery would leave them. */
    public void deliverRaw(String mailbox, byte[] raw) {
        try (Store store = imapStore(mailbox)) {
            Folder inbox = store.getFolder("INBOX");
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            inbox.appendMessages(new Message[] {message});
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subjects of the mails in a mailbox folder, with whether each is flagged seen. */
    public List<String> folderState(String mailbox, String folderName) {
        try (Store store = imapStore(mailbox)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<String> state = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                state.add((message.isSet(Flags.Flag.SEEN) ? "seen: " : "unseen: ") + message.getSubject());
            }
            folder.close(false);
            return state;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mails GreenMail received over SMTP for one recipient (what a reporter's mailbox now holds). */
    public List<MimeMessage> received(String recipient) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> {
                    try {
                        jakarta.mail.Address[] recipients = message.getAllRecipients();
                        return recipients != null
                                && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(recipient));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    public List<MimeMessage> awaitReceived(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> received(recipient).size() >= count);
        awaitEvidenceExamined();
        return received(recipient);
    }

    public long count(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value of every row of a table as text (bytes read as UTF-8), for leak checks. */
    public String dump(String table) {
        StringBuilder out = new StringBuilder();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int i = 1; i <= columns; i++) {
                    int type = result.getMetaData().getColumnType(i);
                    boolean binary = type == java.sql.Types.BLOB || type == java.sql.Types.LONGVARBINARY
                            || type == java.sql.Types.VARBINARY || type == java.sql.Types.BINARY;
                    byte[] bytes = binary ? result.getBytes(i) : null;
                    Object value = bytes != null ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            : result.getString(i);
                    out.append(value).append('|');
                }
                out.append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** The names of every table of the service's database, Flyway's and Quartz's included. */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    /**
     * Everything about a ticket that an insider (a monitor, an admin with the database) sees and that does not differ
     * by chance (references, pseudonyms, times): two tickets with equal views cannot be told apart by how they came.
     */
    public String whatAnInsiderSees(long ticketId) {
        return String.join(" | ",
                text("SELECT CONCAT_WS(',', kind, mailbox, status, language, automated) FROM ticket WHERE id = "
                        + ticketId),
                text("SELECT GROUP_CONCAT(CONCAT_WS(':', kind, IFNULL(detail, '-')) ORDER BY id) FROM ticket_event"
                        + " WHERE ticket_id = " + ticketId),
                text("SELECT GROUP_CONCAT(CONCAT_WS(':', purpose, IFNULL(recipient_address, 'reporter'))"
                        + " ORDER BY purpose, recipient_address) FROM outbox WHERE ticket_id = " + ticketId),
                text("SELECT CONCAT_WS(',', subject, body_text) FROM ticket_message WHERE ticket_id = " + ticketId));
    }

    /**
     * Waits until {@code sql} counts {@code expected} and no attachment awaits examination, so that a test
     * reading an attachment's examined fields, or the monitors' notification, sees them settled.
     */
    public void awaitCount(String sql, long expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(sql) == expected);
        awaitEvidenceExamined();
    }

    /** Waits until the examiner has recorded every queued message's evidence. */
    public void awaitEvidenceExamined() {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> count("SELECT COUNT(*) FROM evidence_examination WHERE state = 'PENDING'") == 0);
    }

    private Store imapStore(String user) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(mail.getImap().getPort()));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(user, user);
        return store;
    }

    @Override
    public void close() {
        try {
            stopService();
        } finally {
            mail.stop();
            database.close();
        }
    }
}
