package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.authentication.SenderKey;
import org.shahid.config.Database;
import org.shahid.intake.ReceiptCodes;
import org.shahid.kernel.Settings;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.sealing.ReceiptCode;
import org.shahid.sealing.SenderKeys;
import org.shahid.testing.TestDatabase;

/**
 * The acknowledgement limits and the limit on wrong receipt codes on the real MariaDB, taken by concurrent workers
 * in their own transactions. One database for the class: each test counts in hours of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcknowledgementLimitsConcurrencyTest {

    private static final int WORKERS = 8;

    @TempDir
    static Path keys;

    private TestDatabase testDatabase;
    private Database database;
    private Pseudonymizer pseudonymizer;

    @BeforeAll
    void start() {
        testDatabase = TestDatabase.create();
        database = Database.open(Settings.load(Map.of(), Map.of(
                "shahid.home", Path.of("").toAbsolutePath().toString(),
                "shahid.db.url", testDatabase.url(),
                "shahid.db.user", testDatabase.user(),
                "shahid.db.password", testDatabase.password(),
                "shahid.db.pool-size", String.valueOf(WORKERS + 2))));
        pseudonymizer = new Pseudonymizer(Keyring.load(keys, true));
    }

    @AfterAll
    void stop() {
        database.close();
        testDatabase.close();
    }

    /** Runs every decision at once, each in its own transaction, and returns how many were allowed. */
    private int allowedAmong(AcknowledgementPolicy policy, List<String> senders, Instant now) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CountDownLatch ready = new CountDownLatch(1);
        try {
            List<Future<Boolean>> decisions = new ArrayList<>();
            for (String sender : senders) {
                SenderKey key = new org.shahid.sealing.SenderKeys(pseudonymizer).rateKeyOf(sender);
                Callable<Boolean> decide = () -> {
                    ready.await();
                    return database.jdbi().inTransaction(handle -> policy.refusalFor(handle, key, now) == null);
                };
                decisions.add(pool.submit(decide));
            }
            ready.countDown();
            int allowed = 0;
            for (Future<Boolean> decision : decisions) {
                allowed += decision.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return allowed;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAddressAndItsVariantsGetNoMoreThanTheLimitUnderConcurrency() throws Exception {
        AcknowledgementPolicy policy = new AcknowledgementPolicy(new SendLimits(pseudonymizer, database.jdbi()), 5,
                new SharedHourlyCap(database.counters(), pseudonymizer, "ack-global", 1000));
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            variants.add(switch (i % 4) {
                case 0 -> "victim@gmail.com";
                case 1 -> "victim+" + i + "@gmail.com";
                case 2 -> "v.ic.tim@gmail.com";
                default -> "Victim@GoogleMail.com";
            });
        }
        Instant now = Instant.parse("2026-12-01T09:10:00Z");
        assertThat(allowedAmong(policy, variants, now)).isEqualTo(5);
        assertThat(allowedAmong(policy, List.of("other@example.org"), now)).isEqualTo(1);
        assertThat(allowedAmong(policy, List.of("victim@gmail.com"), now.plusSeconds(3600))).isEqualTo(1);
        List<String> limitKeys = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT limit_key FROM send_limit_window").mapTo(String.class).list());
        assertThat(limitKeys).isNotEmpty().allMatch(key -> key.matches("[0-9a-f]{64}"));
    }

    @Test
    void theGlobalCapHoldsAcrossManySendersUnderConcurrency() throws Exception {
        AcknowledgementPolicy policy = new AcknowledgementPolicy(new SendLimits(pseudonymizer, database.jdbi()), 5,
                new SharedHourlyCap(database.counters(), pseudonymizer, "ack-global", 12));
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            senders.add("forged" + i + "@example.net");
        }
        assertThat(allowedAmong(policy, senders, Instant.parse("2026-12-02T09:10:00Z"))).isEqualTo(12);
    }

    /**
     * Two instances (two caps over the same row), each leasing blocks of 4 from a cap of 200 per hour while their
     * callers take concurrently: together they hand out exactly the cap, and nothing more in that hour.
     */
    @Test
    void instancesLeasingBlocksTogetherHandOutExactlyTheCap() throws Exception {
        SharedHourlyCap first = new SharedHourlyCap(database.counters(), pseudonymizer, "two-instances", 200);
        SharedHourlyCap second = new SharedHourlyCap(database.counters(), pseudonymizer, "two-instances", 200);
        Instant now = Instant.parse("2026-12-04T09:10:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                SharedHourlyCap instance = i % 2 == 0 ? first : second;
                takes.add(pool.submit(() -> database.jdbi().inTransaction(handle -> instance.take(now))));
            }
            int allowed = 0;
            for (Future<Boolean> take : takes) {
                allowed += take.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.take(now.plusSeconds(60))).isFalse();
        assertThat(second.take(now.plusSeconds(3600))).isTrue();
    }

    /**
     * The cap for all senders must not make intake transactions queue on each other: while one transaction that
     * took a unit stays open, another takes its own unit and commits. (Counted in the callers' transactions, the
     * second waited on the first one's row lock until it committed.)
     */
    @Test
    void anOpenTransactionThatTookAUnitDoesNotHoldUpTheNext() throws Exception {
        AcknowledgementPolicy policy = new AcknowledgementPolicy(new SendLimits(pseudonymizer, database.jdbi()), 5,
                new SharedHourlyCap(database.counters(), pseudonymizer, "ack-global-open", 100));
        Instant now = Instant.parse("2026-12-05T09:10:00Z");
        SenderKeys senderKeys = new SenderKeys(pseudonymizer);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> held = pool.submit(() -> database.jdbi().inTransaction(handle -> {
                boolean allowed = policy.refusalFor(handle, senderKeys.rateKeyOf("first@example.org"), now) == null;
                taken.countDown();
                release.await(60, TimeUnit.SECONDS);
                return allowed;
            }));
            assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> others = pool.submit(() -> database.jdbi().inTransaction(handle -> {
                handle.execute("SET SESSION innodb_lock_wait_timeout = 5");
                boolean allowed = true;
                for (int i = 0; i < 10; i++) {
                    allowed &= policy.refusalFor(handle, senderKeys.rateKeyOf("other" + i + "@example.org"),
                            now.plusSeconds(i)) == null;
                }
                return allowed;
            }));
            assertThat(others.get(30, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void oneSendersConcurrentWrongReceiptCodesStopAtTheLimitAndThenTheRightCodeIsIgnoredToo() throws Exception {
        ReceiptCodes receiptCodes = new ReceiptCodes(pseudonymizer,
                new CountWrongReceiptCodes(new SendLimits(pseudonymizer, database.jdbi())), 5);
        Instant now = Instant.parse("2026-12-04T09:10:00Z");
        ReceiptCode right = database.jdbi().inTransaction(handle -> receiptCodes.issue(handle, handle.createUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, created_at,
                                            updated_at)
                        VALUES ('SHD-TEST-0001', 'REPORT', 'report', 'NEW', 'en', 'R-0000000000', NOW(3), NOW(3))""")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one(), now));
        List<ReceiptCode> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            guesses.add(new ReceiptCode(String.format("%04d-0000-0000-%04d", i, i)));
        }

        List<ReceiptCodes.Check> checks = matchedAtOnce(receiptCodes, "guesser", guesses, now);

        assertThat(checks).filteredOn(ReceiptCodes.Check.WRONG::equals).hasSize(5);
        assertThat(checks).filteredOn(ReceiptCodes.Check.RATE_LIMITED::equals).hasSize(35);
        assertThat(matchedAtOnce(receiptCodes, "guesser", List.of(right), now))
                .containsExactly(ReceiptCodes.Check.RATE_LIMITED);
        assertThat(matchedAtOnce(receiptCodes, "reporter", List.of(right), now))
                .containsExactly(ReceiptCodes.Check.MATCHED);
    }

    /** Matches every code at once, each in its own transaction, as concurrent intake workers would. */
    private List<ReceiptCodes.Check> matchedAtOnce(ReceiptCodes receiptCodes, String senderKey,
                                                   List<ReceiptCode> codes, Instant now) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CountDownLatch ready = new CountDownLatch(1);
        try {
            List<Future<ReceiptCodes.Check>> running = new ArrayList<>();
            for (ReceiptCode code : codes) {
                running.add(pool.submit(() -> {
                    ready.await();
                    return database.jdbi().inTransaction(handle -> receiptCodes.match(handle,
                            java.util.Optional.of(code), senderKey, now).check());
                }));
            }
            ready.countDown();
            List<ReceiptCodes.Check> checks = new ArrayList<>();
            for (Future<ReceiptCodes.Check> check : running) {
                checks.add(check.get(60, TimeUnit.SECONDS));
            }
            return checks;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstTakeOfAnHourDropsTheEarlierHoursOfEveryKey() {
        SendLimits limits = new SendLimits(pseudonymizer, database.jdbi());
        Instant nine = Instant.parse("2026-12-03T09:10:00Z");
        Instant ten = Instant.parse("2026-12-03T10:00:00Z");
        database.jdbi().useTransaction(handle -> {
            limits.take(handle, "sweep", "a", 5, nine);
            limits.take(handle, "sweep", "b", 5, nine);
        });
        assertThat(windowsBefore(ten)).isPositive();

        boolean allowed = database.jdbi().inTransaction(handle -> limits.take(handle, "sweep", "c", 5, ten));

        assertThat(allowed).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> windowsBefore(ten) == 0);
        List<Integer> thisHour = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT used FROM send_limit_window WHERE window_start = :ten").bind("ten", ten)
                .mapTo(Integer.class).list());
        assertThat(thisHour).containsExactly(1);
    }

    private int windowsBefore(Instant hour) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM send_limit_window WHERE window_start < :hour").bind("hour", hour)
                .mapTo(Integer.class).one());
    }
}
