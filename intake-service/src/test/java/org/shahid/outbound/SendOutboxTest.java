package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shahid.config.Database;
import org.shahid.config.Settings;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.testing.TestDatabase;

/** The outbox sender against a real MariaDB and a GreenMail relay. */
class SendOutboxTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final int BATCH = 50;

    private final OutboxDao outbox = new OutboxDao();
    private TestDatabase testDatabase;
    private Database database;
    private GreenMail relay;

    @BeforeEach
    void start() {
        testDatabase = TestDatabase.create();
        database = Database.open(Settings.load(Map.of(), Map.of(
                "shahid.home", Path.of("").toAbsolutePath().toString(),
                "shahid.db.url", testDatabase.url(),
                "shahid.db.user", testDatabase.user(),
                "shahid.db.password", testDatabase.password())));
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
    }

    @AfterEach
    void stop() {
        relay.stop();
        database.close();
        testDatabase.close();
    }

    @Test
    void drainsThreeFullBatchesInOneRunAndSendsEachMailOnce() throws Exception {
        enqueue(150);

        int sent = sender(Duration.ofMinutes(5)).deliverDue();

        assertThat(sent).isEqualTo(150);
        assertThat(receivedByRecipient()).hasSize(150).allSatisfy((recipient, times) -> assertThat(times).isOne());
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT' AND sent_at IS NOT NULL"
                + " AND attempts = 1 AND claim_token IS NULL")).isEqualTo(150);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE body_text LIKE '%1234-5678-9012-3456%'"
                + " OR body_html LIKE '%1234-5678-9012-3456%'")).isZero();
    }

    @Test
    void stopsAtTheFirstBatchThatIsNotFull() {
        enqueue(BATCH + 7);

        assertThat(sender(Duration.ofMinutes(5)).deliverDue()).isEqualTo(BATCH + 7);
        assertThat(sender(Duration.ofMinutes(5)).deliverDue()).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(BATCH + 7);
    }

    @Test
    void leavesTheRestToTheNextRunOnceItsTimeSliceIsUsedUp() {
        enqueue(150);
        SendOutbox sender = sender(Duration.ZERO);

        assertThat(sender.deliverDue()).isEqualTo(BATCH);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'")).isEqualTo(100);
        assertThat(sender.deliverDue()).isEqualTo(BATCH);
        assertThat(sender.deliverDue()).isEqualTo(BATCH);
        assertThat(sender.deliverDue()).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'")).isEqualTo(150);
    }

    @Test
    void handsEveryClaimBackUntriedWhenTheRelayIsDown() {
        enqueue(120);
        SendOutbox sender = sender(Duration.ofMinutes(5));
        relay.stop();

        assertThat(sender.deliverDue()).isZero();

        // Only the first batch was claimed: the run stops when the relay does not answer.
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND attempts = 0")).isEqualTo(120);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE last_error IS NOT NULL")).isEqualTo(BATCH);
    }

    private SendOutbox sender(Duration timeSlice) {
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", relay.getSmtp().getPort(), "", "", false, false, 5000, 10000);
        SendOutbox.Pacing pacing = new SendOutbox.Pacing(BATCH, 15, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(5), "Shahid", timeSlice);
        // Every mail here goes to a plain address, so no sealed identity is ever opened.
        return new SendOutbox(database.jdbi(), outbox, new SealedIdentityDao(null), smtp, pacing,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void enqueue(int mails) {
        database.jdbi().useTransaction(handle -> {
            for (int i = 0; i < mails; i++) {
                outbox.enqueue(handle, new OutboxDao.NewMail(null, "NOTIFICATION", null,
                        "monitor" + i + "@example.org", "report@shahid.test", "m" + i + ".outbox@shahid.test",
                        new RenderedMail("Mail " + i, "Your receipt code: 1234-5678-9012-3456",
                                "<p>Your receipt code: 1234-5678-9012-3456</p>"), "en"),
                        NOW);
            }
        });
    }

    private Map<String, Long> receivedByRecipient() throws Exception {
        MimeMessage[] received = relay.getReceivedMessages();
        String[] recipients = new String[received.length];
        for (int i = 0; i < received.length; i++) {
            recipients[i] = received[i].getAllRecipients()[0].toString();
        }
        return Arrays.stream(recipients).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private int count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }
}
