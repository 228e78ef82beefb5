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

/** The SMTP relay refuses connections for 60 seconds while reports arrive. */
class SmtpOutageFaultTest {

    private static final int MAILS = 30;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps Shahid's logs
    Path state;

    @Test
    void keepsAcknowledgementsInTheOutboxAndSendsEachOnceWhenTheRelayIsBack() throws Exception {
        try (FaultRig rig = FaultRig.prepare(state, Map.of())) {
            rig.stopRelay();
            long relayBackAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            rig.startShahid();
            rig.awaitSchema();
            BenchMails mails = new BenchMails(8, "smtpdown");
            for (int i = 0; i < MAILS; i++) {
                rig.deliver(mails.mail(i, BenchMails.Kind.TEXT));
            }
            await().atMost(Duration.ofSeconds(25)).until(() -> rig.count("SELECT COUNT(*) FROM ticket") == MAILS);
            await().atMost(Duration.ofSeconds(25)).until(() ->
                    rig.count("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND last_error IS NOT NULL"
                            + " AND purpose = 'ACKNOWLEDGEMENT'") == MAILS);
            await().atMost(Duration.ofSeconds(65)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT' AND purpose = 'ACKNOWLEDGEMENT'")).isZero();
                return System.nanoTime() >= relayBackAt;
            });

            rig.startRelay();
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    rig.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT' AND purpose = 'ACKNOWLEDGEMENT'") == MAILS);
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            assertThat(rig.acknowledgementsByRecipient()).hasSize(MAILS).allSatisfy((to, n) -> assertThat(n).isOne());
            assertThat(rig.acknowledgements()).isEqualTo(MAILS);
            System.out.printf("fault-result | SMTP relay down 60 s | %d | %d | %d | 0 | 0%n", MAILS,
                    rig.count("SELECT COUNT(*) FROM ticket"), rig.acknowledgements());
        }
    }
}
