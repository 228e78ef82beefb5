package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.PushClient;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * The acknowledgement leaves when its ticket commits, not at the outbox trigger's next run: with the trigger set
 * to ten minutes (it fires once at start, then not again within the test) the reporter is still answered.
 */
class OutboxWakeUpTest {

    @TempDir
    Path state;

    @Test
    void sendsTheAcknowledgementRightAfterTheCommitWithoutWaitingForTheTrigger() throws Exception {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.push.port", "0",
                "shahid.outbox.interval-ms", "600000"))) {
            shahid.startService();
            int port = shahid.service().push().orElseThrow().port();
            // The trigger fires once at start; the first mail may still be sent by that run.
            push(port, "hawre@example.org", "Fake ballots", "Pre-filled ballots at station 7.");
            await().atMost(Duration.ofSeconds(30)).until(() -> shahid.received("hawre@example.org").size() == 1);

            // The next run of the trigger is ten minutes away: only a wake-up can send this one.
            push(port, "shilan@example.org", "Blocked entrance", "Observers kept out of station 3.");

            await().atMost(Duration.ofSeconds(20)).until(() -> shahid.received("shilan@example.org").size() == 1);
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'"
                    + " AND status = 'SENT'")).isEqualTo(2);
        }
    }

    private static void push(int port, String reporter, String subject, String body) throws Exception {
        try (PushClient client = PushClient.connect(port)) {
            assertThat(client.send(reporter, List.of(RunningShahid.REPORT),
                    TestMails.plain(reporter, RunningShahid.REPORT, subject, body))).isEqualTo(250);
        }
    }
}
