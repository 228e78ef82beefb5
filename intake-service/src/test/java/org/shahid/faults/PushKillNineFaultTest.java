package org.shahid.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.BenchMails;
import org.shahid.testing.FaultRig;
import org.shahid.testing.PushClient;

/**
 * Shahid killed with SIGKILL at random points while a mail server pushes 200 mails to its SMTP listener over four
 * connections, and restarted each time (three kills). The mail server's queue is simulated: every mail that did not get a 250
 * (refused, cut off, or never answered) is sent again. None may be lost and none recorded twice.
 */
class PushKillNineFaultTest {

    private static final int MAILS = 200;
    private static final int CONNECTIONS = 4;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps Shahid's logs
    Path state;

    @Test
    void recordsEveryPushedMailOnceAfterRepeatedKills() throws Exception {
        Random random = new Random(15);
        int port = FaultRig.freePort();
        BenchMails mails = new BenchMails(15, "push");
        ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < MAILS; i++) {
            queue.add(mails.mail(i, i % 5 == 4 ? BenchMails.Kind.JPEG : BenchMails.Kind.TEXT));
        }
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        ExecutorService mailServer = Executors.newFixedThreadPool(CONNECTIONS);
        try (FaultRig rig = FaultRig.prepare(state, Map.of("SHAHID_PUSH_PORT", String.valueOf(port)))) {
            rig.startShahid();
            rig.awaitSchema();
            List<Future<?>> senders = new java.util.ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                senders.add(mailServer.submit(() -> relay(port, queue, accepted, resent)));
            }
            int kills = 0;
            while (kills < 3 && accepted.get() < MAILS) {
                int before = accepted.get();
                // kill at a random moment within 0.4 s once the restarted listener is taking mail again
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> accepted.get() > before || accepted.get() >= MAILS);
                long target = System.nanoTime() + random.nextInt(400) * 1_000_000L;
                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10))
                        .until(() -> System.nanoTime() >= target);
                rig.killShahid();
                kills++;
                rig.startShahid();
            }
            for (Future<?> sender : senders) {
                sender.get(180, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> rig.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'"
                            + " AND purpose = 'ACKNOWLEDGEMENT'") == MAILS);

            assertThat(kills).isEqualTo(3);
            assertThat(accepted.get()).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(*) FROM processed_mail WHERE mailbox = 'report'")).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(*) FROM ticket")).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(DISTINCT reporter_pseudonym) FROM ticket")).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(MAILS);
            assertThat(rig.count("SELECT COUNT(*) FROM quarantine")).isZero();
            assertThat(rig.messageIdsByRecipient()).hasSize(MAILS).allSatisfy((to, ids) -> assertThat(ids).hasSize(1));
            System.out.printf("fault-result | push, kill -9 x%d | %d | %d | %d | resent %d | 0%n", kills, MAILS,
                    rig.count("SELECT COUNT(*) FROM ticket"), rig.acknowledgements(), resent.get());
        } finally {
            mailServer.shutdownNow();
        }
    }

    /**
     * One connection of the mail server: sends until the queue is empty, reusing its session; a mail that did not
     * get 250 goes back into the queue, and the connection is opened again once the listener takes connections.
     */
    private static void relay(int port, ConcurrentLinkedQueue<byte[]> queue, AtomicInteger accepted,
                              AtomicInteger resent) {
        PushClient client = null;
        byte[] mail;
        while ((mail = queue.poll()) != null) {
            try {
                if (client == null) {
                    client = connectWhenListening(port);
                }
                if (client.send("mta-queue@example.net", List.of(FaultRig.REPORT), mail) == 250) {
                    accepted.incrementAndGet();
                    continue;
                }
            } catch (IOException cutOff) {
                closeQuietly(client);
                client = null;
            }
            resent.incrementAndGet();
            queue.add(mail);
        }
        closeQuietly(client);
    }

    /** The mail server's retry: waits until the listener takes connections again (it is down while killed). */
    private static PushClient connectWhenListening(int port) {
        PushClient[] connected = new PushClient[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> (connected[0] = PushClient.connect(port)) != null);
        return connected[0];
    }

    private static void closeQuietly(PushClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // the connection is gone already
            }
        }
    }
}
