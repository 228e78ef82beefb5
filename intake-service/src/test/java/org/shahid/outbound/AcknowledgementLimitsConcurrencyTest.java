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
        AcknowledgementPolicy policy = new AcknowledgementPolicy(new SendLimits(pseudonymizer), 5, 1000);
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
        AcknowledgementPolicy policy = new AcknowledgementPolicy(new SendLimits(pseudonymizer), 5, 12);
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            senders.add("forged" + i + "@example.net");
        }
        assertThat(allowedAmong(policy, senders, Instant.parse("2026-12-02T09:10:00Z"))).isEqualTo(12);
    }

    @Test
    void oneSendersConcurrentWrongReceiptCodesStopAtTheLimitAndThenTheRightCodeIsIgnoredToo() throws Exception {
        ReceiptCodes receiptCodes = new ReceiptCodes(pseudonymizer,
                new CountWrongReceiptCodes(new SendLimits(pseudonymizer)), 5);
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
        SendLimits limits = new SendLimits(pseudonymizer);
        Instant nine = Instant.parse("2026-12-03T09:10:00Z");
        Instant ten = Instant.parse("2026-12-03T10:00:00Z");
        database.jdbi().useTransaction(handle -> {
            limits.take(handle, "sweep", "a", 5, nine);
            limits.take(handle, "sweep", "b", 5, nine);
        });
        assertThat(windowsBefore(ten)).isPositive();

        boolean allowed = database.jdbi().inTransaction(handle -> limits.take(handle, "sweep", "c", 5, ten));

        assertThat(allowed).isTrue();
        assertThat(windowsBefore(ten)).isZero();
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
