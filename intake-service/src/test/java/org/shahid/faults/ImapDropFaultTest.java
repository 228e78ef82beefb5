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

/** The IMAP connection reset again and again while mails with attachments are being fetched. */
class ImapDropFaultTest {

    private static final int MAILS = 150;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps Shahid's logs
    Path state;

    @Test
    void reconnectsAndNeitherSkipsNorDoublesAMail() throws Exception {
        try (FaultRig rig = FaultRig.prepare(state, Map.of())) {
            BenchMails mails = new BenchMails(9, "imapdrop");
            for (int i = 0; i < MAILS; i++) {
                rig.deliver(mails.mail(i, i % 2 == 0 ? BenchMails.Kind.JPEG : BenchMails.Kind.TEXT));
            }
            rig.startShahid();
            rig.awaitSchema();
            await().atMost(Duration.ofSeconds(60)).until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") > 0);
            int drops = 0;
            while (drops < 8 && rig.count("SELECT COUNT(*) FROM processed_mail") < MAILS) {
                rig.imapProxy().dropConnections();
                drops++;
                long next = System.nanoTime() + Duration.ofMillis(300).toNanos();
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> System.nanoTime() >= next);
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") == MAILS
                            && rig.acknowledgements() >= MAILS);
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertThat(drops).isGreaterThanOrEqualTo(3);
            assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(*) FROM quarantine")).isZero();
            assertThat(rig.unseenInInbox()).isZero();
            assertThat(rig.acknowledgementsByRecipient()).hasSize(MAILS).allSatisfy((to, n) -> assertThat(n).isOne());
            System.out.printf("fault-result | IMAP connection reset x%d mid-fetch | %d | %d | %d | 0 | 0%n", drops,
                    MAILS, rig.count("SELECT COUNT(*) FROM ticket"), rig.acknowledgements());
        }
    }
}
