package org.shahid.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.BenchMails;
import org.shahid.testing.FaultRig;

/** Shahid killed with SIGKILL at random points while it works through a full inbox, and restarted each time. */
class KillNineFaultTest {

    private static final int MAILS = 200;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps Shahid's logs
    Path state;

    @Test
    void endsWithOneTicketAndOneAcknowledgementPerMailAfterRepeatedKills() throws Exception {
        Random random = new Random(6);
        // a dead instance's poll trigger is released after 2 x check-in + 7.5 s: 11.5 s here instead of 17.5 s
        try (FaultRig rig = FaultRig.prepare(state, Map.of("SHAHID_CLUSTER_CHECKIN_INTERVAL", "2s"))) {
            BenchMails mails = new BenchMails(6, "kill");
            for (int i = 0; i < MAILS; i++) {
                // text and 200 KB screenshots; the 1 MB PDFs would only slow the test down
                rig.deliver(mails.mail(i, i % 5 == 4 ? BenchMails.Kind.JPEG : BenchMails.Kind.TEXT));
            }
            rig.startShahid();
            rig.awaitSchema();
            int kills = 0;
            while (kills < 5 && rig.count("SELECT COUNT(*) FROM processed_mail") < MAILS) {
                long before = rig.count("SELECT COUNT(*) FROM processed_mail");
                long started = System.nanoTime();
                // kill at a random moment within 0.4 s once the restarted process is working again (intake drains a few
                // hundred mails a second: a later kill would often find nothing left to interrupt)
                // A restart takes its first mail within about 35 s on a 2-core machine at load 25 (JVM start, then the
                // dead instance's poll trigger released, then the misfire scan); 60 s catches a poll left misfired.
                try {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                            .until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") > before
                                    || before >= MAILS);
                } catch (ConditionTimeoutException stalled) {
                    throw new AssertionError("start " + (kills + 1) + " processed nothing after " + before
                            + " mails; its log ends:\n" + rig.logTail(60), stalled);
                }
                System.out.printf("kill-nine | start %d took its first mail %d ms after the test began waiting for it%n",
                        kills + 1, (System.nanoTime() - started) / 1_000_000);
                long target = System.nanoTime() + random.nextInt(400) * 1_000_000L;
                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10))
                        .until(() -> System.nanoTime() >= target);
                rig.killShahid();
                kills++;
                rig.startShahid();
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") == MAILS
                            && rig.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT' AND purpose = 'ACKNOWLEDGEMENT'") == MAILS);
            // give a late duplicate the chance to show up before counting
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

            assertThat(kills).isGreaterThanOrEqualTo(3);
            assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(DISTINCT reporter_pseudonym) FROM ticket")).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(*) FROM quarantine")).isZero();
            assertThat(rig.unseenInInbox()).isZero();
            // Every reporter is answered. SMTP cannot be exactly-once across a crash: a kill after the relay
            // accepted a mail and before Shahid recorded it as sent resends that one mail, with the SAME
            // Message-ID (so mail clients show it once). At most one such mail per kill.
            assertThat(rig.messageIdsByRecipient()).hasSize(MAILS).allSatisfy((to, ids) -> assertThat(ids).hasSize(1));
            int duplicates = rig.acknowledgements() - MAILS;
            assertThat(duplicates).isBetween(0, kills);
            System.out.printf("fault-result | kill -9 x%d | %d | %d | %d | %d | 0%n", kills, MAILS,
                    rig.count("SELECT COUNT(*) FROM ticket"), rig.acknowledgements(), duplicates);
        }
    }
}
