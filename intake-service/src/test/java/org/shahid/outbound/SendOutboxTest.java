package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shahid.testing.TcpProxy;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
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
    void aBurstGoesOutThroughOneReusedConnectionToTheRelay() throws Exception {
        enqueue(3 * BATCH + 10);
        try (TcpProxy relayProxy = TcpProxy.start("127.0.0.1", relay.getSmtp().getPort())) {
            SendOutbox sender = new SendOutbox(database.jdbi(), outbox, new SealedIdentityDao(null),
                    new SmtpSettings("127.0.0.1", relayProxy.port(), "", "", false, false, 5000, 10000),
                    pacing(Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC));

            assertThat(sender.deliverDue()).isEqualTo(3 * BATCH + 10);

            assertThat(relayProxy.connections()).as("SMTP connections for four batches").isOne();
            assertThat(relayProxy.linesLedBy("MAIL")).as("mail transactions").isEqualTo(3 * BATCH + 10);
            assertThat(relayProxy.linesLedBy("NOOP")).as("connection checks between mails").isZero();
        }
        assertThat(receivedByRecipient()).hasSize(3 * BATCH + 10);
    }

    @Test
    void aConnectionLostMidBatchRetriesItsMailAndHandsTheRestBackUntried() throws Exception {
        enqueue(20);
        try (TcpProxy relayProxy = TcpProxy.start("127.0.0.1", relay.getSmtp().getPort())) {
            // The fifth mail's DATA arrives, and the connection breaks before the relay's 250.
            java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
            com.icegreen.greenmail.user.UserManager users = relay.getUserManager();
            com.icegreen.greenmail.user.MessageDeliveryHandler delivery = users.getMessageDeliveryHandler();
            users.setMessageDeliveryHandler((message, address) -> {
                if (arrived.incrementAndGet() == 5) {
                    relayProxy.dropConnections();
                    throw new com.icegreen.greenmail.user.UserException("connection lost");
                }
                return delivery.handle(message, address);
            });
            SmtpSettings throughProxy = new SmtpSettings("127.0.0.1", relayProxy.port(), "", "", false, false, 5000,
                    10000);

            assertThat(new SendOutbox(database.jdbi(), outbox, new SealedIdentityDao(null), throughProxy,
                    pacing(Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC)).deliverDue()).isEqualTo(4);

            assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'")).isEqualTo(4);
            assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND attempts = 1"))
                    .as("the mail that was on the wire counts an attempt").isOne();
            assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND attempts = 0"
                    + " AND last_error = 'connection to the relay lost'")).as("the rest, handed back untried")
                    .isEqualTo(15);

            // Once their backoff is over, the next run sends the sixteen, each once.
            assertThat(new SendOutbox(database.jdbi(), outbox, new SealedIdentityDao(null), throughProxy,
                    pacing(Duration.ofMinutes(5)), Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC))
                    .deliverDue()).isEqualTo(16);
        }
        assertThat(receivedByRecipient()).hasSize(20).allSatisfy((recipient, times) -> assertThat(times).isOne());
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'")).isEqualTo(20);
    }

    @Test
    void mailToReportersIsClaimedBeforeOlderMailToMonitors() {
        enqueue(5); // notifications to monitors, queued first (held back while intake was busy)
        database.jdbi().useTransaction(handle -> {
            for (long reporter = 1; reporter <= 3; reporter++) {
                outbox.enqueue(handle, new OutboxDao.NewMail(null, "ACKNOWLEDGEMENT", 100 + reporter, null,
                        "report@shahid.test", "ack" + reporter + ".outbox@shahid.test",
                        new RenderedMail("Received", "Received.", "<p>Received.</p>"), "en"), NOW);
            }
        });

        List<OutboxMail> claimed = database.jdbi().inTransaction(handle -> outbox.claimDue(handle, 4, NOW, false));

        assertThat(claimed).extracting(OutboxMail::recipientSealedId).containsExactly(101L, 102L, 103L, null);
        assertThat(claimed.get(3).recipientAddress()).isEqualTo("monitor0@example.org");
    }

    @Test
    void concurrentClaimersNeverTakeTheSameMail() throws Exception {
        enqueue(200);
        database.jdbi().useTransaction(handle -> {
            for (long reporter = 1; reporter <= 200; reporter++) {
                outbox.enqueue(handle, new OutboxDao.NewMail(null, "ACKNOWLEDGEMENT", 1000 + reporter, null,
                        "report@shahid.test", "ack" + reporter + ".outbox@shahid.test",
                        new RenderedMail("Received", "Received.", "<p>Received.</p>"), "en"), NOW);
            }
        });
        java.util.Set<Long> claimedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger claimedTwice = new AtomicInteger();
        AtomicInteger deadlocks = new AtomicInteger();
        java.util.concurrent.ExecutorService claimers = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
        for (int claimer = 0; claimer < 4; claimer++) {
            runs.add(claimers.submit(() -> {
                while (true) {
                    // as SendOutbox claims: READ COMMITTED, a full claim (reporters first, then the rest)
                    List<OutboxMail> batch;
                    try {
                        batch = database.jdbi().inTransaction(
                                org.jdbi.v3.core.transaction.TransactionIsolationLevel.READ_COMMITTED,
                                handle -> outbox.claimDue(handle, 7, NOW, false));
                    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException deadlock) {
                        deadlocks.incrementAndGet(); // rolled back, claimed nothing: the sender's next run claims
                        continue;
                    }
                    if (batch.isEmpty()) {
                        return null;
                    }
                    batch.forEach(mail -> {
                        if (!claimedOnce.add(mail.id())) {
                            claimedTwice.incrementAndGet();
                        }
                    });
                }
            }));
        }
        for (java.util.concurrent.Future<?> run : runs) {
            run.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        claimers.shutdown();

        assertThat(claimedTwice.get()).isZero();
        assertThat(claimedOnce).hasSize(400);
        // InnoDB may still pick a claim as a deadlock victim now and then (1 in one of several runs here): it is
        // rolled back having taken nothing, and its sender's next run claims again. What must never happen is a
        // mail claimed twice, or a claim stuck. Within one instance the outbox runs one claim at a time.
        assertThat(deadlocks.get()).as("claims rolled back by deadlocks").isLessThan(20);
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
    void whileIntakeIsBusyOnlyMailToReportersIsClaimedAndMonitorsMailWaits() {
        enqueue(3); // to plain addresses, as notifications to monitors are
        database.jdbi().useTransaction(handle -> outbox.enqueue(handle, new OutboxDao.NewMail(null, "ACKNOWLEDGEMENT",
                42L, null, "report@shahid.test", "ack.outbox@shahid.test",
                new RenderedMail("Received", "Received.", "<p>Received.</p>"), "en"), NOW));
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        SendOutbox sender = deferringSender(busy::get, Duration.ofMinutes(5));

        List<OutboxMail> claimed = database.jdbi().inTransaction(handle -> outbox.claimDue(handle, BATCH, NOW, true));
        assertThat(claimed).extracting(OutboxMail::purpose).containsExactly("ACKNOWLEDGEMENT");
        database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE outbox SET status = 'FAILED', claim_token = NULL WHERE purpose = 'ACKNOWLEDGEMENT'"));

        assertThat(sender.deliverDue()).as("monitors' mail waits while intake is busy").isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'")).isEqualTo(3);
        busy.set(false);
        assertThat(sender.deliverDue()).isEqualTo(3);
    }

    @Test
    void monitorsMailWaitsNoLongerThanTheMaximumDeferralWhenIntakeNeverGoesQuiet() {
        enqueue(2);
        SendOutbox sender = deferringSender(() -> true, Duration.ofSeconds(1));

        assertThat(sender.deliverDue()).isZero();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> sender.deliverDue() == 2);
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

    @Test
    void remembersWhatTheRelayAcceptedWhenTheDatabaseFailsMidBatchAndNeverSendsItAgain() throws Exception {
        enqueue(4);
        database.jdbi().useTransaction(handle -> {
            for (int i = 4; i < 10; i++) {
                // A reporter whose sealed identity is gone: opening it needs the database, and then fails for good.
                outbox.enqueue(handle, new OutboxDao.NewMail(null, "ACKNOWLEDGEMENT", 1_000_000L + i, null,
                        "report@shahid.test", "m" + i + ".outbox@shahid.test",
                        new RenderedMail("Mail " + i, "Received.", "<p>Received.</p>"), "en"), NOW);
            }
        });
        URI server = URI.create(testDatabase.url().substring("jdbc:".length()));
        try (TcpProxy databaseProxy = TcpProxy.start(server.getHost(), server.getPort())) {
            Jdbi throughProxy = Jdbi.create("jdbc:mariadb://127.0.0.1:" + databaseProxy.port() + server.getPath(),
                    testDatabase.user(), testDatabase.password());
            AtomicInteger arrived = new AtomicInteger();
            MessageDeliveryHandler delivery = relay.getUserManager().getMessageDeliveryHandler();
            relay.getUserManager().setMessageDeliveryHandler((message, address) -> {
                if (arrived.incrementAndGet() == 4) {
                    databaseProxy.sever();
                }
                return delivery.handle(message, address);
            });
            MovableClock clock = new MovableClock(NOW);
            SendOutbox sender = sender(throughProxy, Duration.ofMinutes(5), clock);

            // The run ends at the first mail it cannot record (remembered) or the first recipient it cannot open.
            catchThrowable(sender::deliverDue);
            databaseProxy.restore();
            clock.now = NOW.plus(Duration.ofMinutes(6)); // every claim of the first run has expired
            sender.deliverDue();
        }

        assertThat(receivedByRecipient()).hasSize(4).allSatisfy((recipient, times) -> assertThat(times).isOne());
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'")).isEqualTo(6);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private SendOutbox sender(Duration timeSlice) {
        return sender(database.jdbi(), timeSlice, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private SendOutbox sender(Jdbi jdbi, Duration timeSlice, Clock clock) {
        // Every mail here goes to a plain address, so no sealed identity is ever opened.
        return new SendOutbox(jdbi, outbox, new SealedIdentityDao(null), smtp(), pacing(timeSlice), clock);
    }

    /** A sender told by {@code intakeBusy} whether to hold monitors' mail back, for at most {@code maxDeferral}. */
    private SendOutbox deferringSender(java.util.function.BooleanSupplier intakeBusy, Duration maxDeferral) {
        return new SendOutbox(database.jdbi(), outbox, new SealedIdentityDao(null), smtp(),
                pacing(Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC), intakeBusy, maxDeferral);
    }

    @Test
    void anAddressTheRelayRefusesAtRcptFailsAtOnceInsteadOfBeingRetriedForHours() {
        // A relay that knows no such user: 550 to RCPT, as a real MTA answers an invented or mistyped address.
        org.subethamail.smtp.server.SMTPServer refusing = org.subethamail.smtp.server.SMTPServer.port(0)
                .bindAddress(java.net.InetAddress.getLoopbackAddress())
                .messageHandlerFactory(context -> new org.subethamail.smtp.MessageHandler() {
                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) throws org.subethamail.smtp.RejectException {
                        throw new org.subethamail.smtp.RejectException(550, "5.1.1 <" + recipient + ">: user unknown");
                    }

                    @Override
                    public String data(java.io.InputStream data) {
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                }).build();
        refusing.start();
        try {
            enqueue(1);
            SmtpSettings relaySettings = new SmtpSettings("127.0.0.1", refusing.getPortAllocated(), "", "", false,
                    false, 5000, 10000);
            // Now, and a day later, when any retry would long be due.
            for (Instant now : List.of(NOW, NOW.plus(Duration.ofDays(1)))) {
                new SendOutbox(database.jdbi(), outbox, new SealedIdentityDao(null), relaySettings,
                        pacing(Duration.ofMinutes(5)), Clock.fixed(now, ZoneOffset.UTC)).deliverDue();
            }

            assertThat(count("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED' AND attempts = 1")).isOne();
            assertThat(count("SELECT COUNT(*) FROM outbox WHERE last_error LIKE '%550%'")).isOne();
            assertThat(count("SELECT COUNT(*) FROM outbox WHERE last_error LIKE '%monitor0%'"))
                    .as("the relay's text quotes the recipient; it is not stored").isZero();
        } finally {
            refusing.stop();
        }
    }

    private SmtpSettings smtp() {
        return new SmtpSettings("127.0.0.1", relay.getSmtp().getPort(), "", "", false, false, 5000, 10000);
    }

    private static SendOutbox.Pacing pacing(Duration timeSlice) {
        return new SendOutbox.Pacing(BATCH, 15, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5),
                "Shahid", timeSlice);
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
