package org.shahid.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.BenchMails;
import org.shahid.testing.FaultRig;

/** The connection to MariaDB cut for 30 seconds during intake, through a proxy the test controls. */
class DatabaseOutageFaultTest {

    private static final int BEFORE = 20;
    private static final int DURING = 20;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps Shahid's logs
    Path state;

    @Test
    void marksNothingProcessedWhileTheDatabaseIsDownAndProcessesEverythingOnceAfterwards() throws Exception {
        try (FaultRig rig = FaultRig.prepare(state, Map.of("SHAHID_DB_POOL_SIZE", "4"))) {
            BenchMails mails = new BenchMails(7, "dbdown");
            rig.startShahid();
            rig.awaitSchema();
            for (int i = 0; i < BEFORE; i++) {
                rig.deliver(mails.mail(i, BenchMails.Kind.TEXT));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") == BEFORE);

            rig.databaseProxy().sever();
            for (int i = BEFORE; i < BEFORE + DURING; i++) {
                rig.deliver(mails.mail(i, BenchMails.Kind.TEXT));
            }
            // 30 s down: every poll fails on the database; the mails must stay unseen, none may be lost, and
            // readiness says why.
            long downUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        String readiness = rig.readiness();
                        return readiness.startsWith("503 ") && readiness.contains("\"database\":\"DOWN\"");
                    });
            await().atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(rig.unseenInInbox()).isEqualTo(DURING);
                return System.nanoTime() >= downUntil;
            });
            assertThat(rig.count("SELECT COUNT(*) FROM processed_mail")).isEqualTo(BEFORE);
            assertThat(rig.isShahidAlive()).isTrue();
            rig.databaseProxy().restore();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(rig.readiness()).startsWith("200 "));

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") == BEFORE + DURING
                            && rig.acknowledgements() >= BEFORE + DURING);
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isEqualTo(BEFORE + DURING);
            assertThat(rig.count("SELECT COUNT(*) FROM quarantine")).isZero();
            assertThat(rig.unseenInInbox()).isZero();
            assertThat(rig.acknowledgementsByRecipient()).hasSize(BEFORE + DURING)
                    .allSatisfy((to, n) -> assertThat(n).isOne());
            System.out.printf("fault-result | database cut 30 s | %d | %d | %d | 0 | 0%n", BEFORE + DURING,
                    rig.count("SELECT COUNT(*) FROM ticket"), rig.acknowledgements());
        }
    }
}
