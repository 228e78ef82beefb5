package org.shahid.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.BenchMails;
import org.shahid.testing.FaultRig;

/** SIGTERM in the middle of a full inbox: a clean stop (exit 0), triggers kept, and a restart without duplicates. */
class CleanShutdownTest {

    private static final int MAILS = 150;

    @TempDir
    Path state;

    @Test
    void sigtermFinishesTheMailsInHandExitsZeroAndTheRestartResumesWithoutDuplicates() throws Exception {
        try (FaultRig rig = FaultRig.prepare(state, Map.of())) {
            try {
                stopAndRestart(rig);
            } catch (Throwable failure) {
                for (String log : java.util.List.of("first.log", "second.log")) {
                    if (Files.exists(state.resolve(log))) {
                        java.util.List<String> lines = Files.readAllLines(state.resolve(log));
                        System.out.println("---- " + log + " ----");
                        lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
                    }
                }
                throw failure;
            }
        }
    }

    /**
     * A stop asked for while the verb is still starting (here: during its database migrations) is kept and
     * carried out once the start has returned, and the verb still exits 0. Before, a SIGTERM that came before the
     * service had started reached the JVM's default handler and the process exited 143.
     */
    @Test
    void aStopAskedForWhileStartingIsCarriedOutAndExitsZero() throws Exception {
        try (FaultRig rig = FaultRig.prepare(state, Map.of())) {
            Path log = state.resolve("early.log");
            Process early = rig.startInstance("early", Map.of("SHAHID_HEALTH_PORT", String.valueOf(freePort())));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("Migrating schema"));
            early.destroy();
            assertThat(early.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(early.exitValue()).as("exit code; log:%n%s", Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("Shahid stopped");
        }
    }

    private void stopAndRestart(FaultRig rig) throws Exception {
        {
            BenchMails mails = new BenchMails(21, "term");
            for (int i = 0; i < MAILS; i++) {
                rig.deliver(mails.mail(i, BenchMails.Kind.TEXT));
            }
            int healthPort = freePort();
            Process first = rig.startInstance("first", Map.of("SHAHID_HEALTH_PORT", String.valueOf(healthPort)));
            rig.awaitSchema();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") >= 20);
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness(healthPort) == 200);
            long stopping = System.nanoTime();
            first.destroy();
            // readiness as an orchestrator sees it while the stop is under way: 503 at once, never ready again
            java.util.List<Integer> answers = new java.util.ArrayList<>();
            while (first.isAlive()) {
                int status = readiness(healthPort);
                if (status > 0) {
                    answers.add(status);
                }
            }
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int firstStopping = answers.indexOf(503);
            assertThat(firstStopping).as("readiness answers during the stop: %s", answers).isGreaterThanOrEqualTo(0);
            assertThat(answers.subList(firstStopping, answers.size())).containsOnly(503);
            Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);
            assertThat(first.exitValue()).isZero();
            // documented: within 15 s (Camel's 8 s for the mails in hand, the outbox's send, the scheduler's jobs)
            assertThat(stopTook).isLessThan(Duration.ofSeconds(15));
            String log = Files.readString(state.resolve("first.log"));
            assertThat(log).contains("Shahid stopped").doesNotContain("compact notation");
            // the triggers stay in the database for the restart (and for other instances)
            assertThat(rig.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME IN"
                    + " ('mailbox-report', 'mailbox-info', 'mailbox-monitors', 'monitor-digest', 'retention',"
                    + " 'reconciliation', 'service-levels')")).isEqualTo(7);

            Process second = rig.startInstance("second", Map.of("SHAHID_HEALTH_PORT", String.valueOf(freePort())));
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                        .until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") == MAILS
                                && rig.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'"
                                        + " AND purpose = 'ACKNOWLEDGEMENT'") == MAILS);
                assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isEqualTo(MAILS);
                assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(MAILS);
                // a clean stop resends nothing: exactly one acknowledgement per reporter
                assertThat(rig.acknowledgementsByRecipient()).hasSize(MAILS).allSatisfy((to, count) ->
                        assertThat(count).isEqualTo(1));
                assertThat(rig.unseenInInbox()).isZero();
            } finally {
                // The first instance may have taken every mail already: stop the second once it runs, not while
                // its JVM is still booting (before any handler of ours exists, SIGTERM kills a JVM with 143).
                await().atMost(Duration.ofSeconds(120)).until(() ->
                        Files.readString(state.resolve("second.log")).contains("Shahid started"));
                second.destroy();
                assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(second.exitValue()).isZero();
        }
    }

    /** The HTTP status of /health/ready, 0 when nothing answers. */
    private static int readiness(int port) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
