package org.shahid.bench;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.shahid.intake.MailKey;
import org.shahid.testing.BenchMails;
import org.shahid.testing.PushClient;

/**
 * The phases of one benchmark run on one {@link BenchEnvironment}: the raw baseline draining a preloaded inbox,
 * Shahid (in a JVM of its own, {@link ShahidProcess}) draining a burst of the same mails, Shahid at a steady rate
 * over IMAP and over push intake, and a backlog. Both sides are timed alike: from the first FETCH the IMAP proxy
 * sees to the last durable effect (the last STORE \Seen, and for Shahid also the last ticket commit), with log-in
 * and SELECT outside the clock. Each phase reports mails per second, IMAP commands per mail, latencies and, for
 * Shahid, the memory peaks of its JVM. Not thread-safe.
 */
final class Benchmark implements AutoCloseable {

    /** One mail of a phase: its bytes, the key intake gives it, and the reporter who will be acknowledged. */
    record Delivery(byte[] raw, String key, String reporter) {
    }

    /** What a phase measured; memory -1 where not measured (the baseline runs in the bench's own JVM). */
    record PhaseResult(String name, int mails, double seconds, double rtPerMail, Percentiles toTicket,
                       Percentiles toAcknowledgement, long peakHeap, long peakResident, double evidenceSeconds,
                       ShahidProcess.Work shahidWork, MachineCpu.Usage machine) {
        double perSecond() {
            return mails / seconds;
        }

        /** The phase of a run by its name, as the table prints it. */
        static PhaseResult named(List<PhaseResult> results, String name) {
            return results.stream().filter(result -> result.name().equals(name)).findFirst().orElseThrow();
        }

        /** A baseline phase: nothing of Shahid's JVM measured. */
        static PhaseResult ofBaseline(String name, int mails, double seconds, double rtPerMail,
                                      MachineCpu.Usage machine) {
            return new PhaseResult(name, mails, seconds, rtPerMail, Percentiles.of(List.of()),
                    Percentiles.of(List.of()), -1, -1, Double.NaN, null, machine);
        }
    }

    private static final String REPORT_ROUTE = "mailbox-report";
    private static final int PUSH_CONNECTIONS = 4;

    private final BenchEnvironment environment;
    private final int fetchSize;
    private final boolean partialFetch;
    private ShahidProcess shahid;

    Benchmark(BenchEnvironment environment, int fetchSize, boolean partialFetch) {
        this.environment = environment;
        this.fetchSize = fetchSize;
        this.partialFetch = partialFetch;
    }

    static List<Delivery> mails(String tag, int count, BenchMails.Kind onlyKind, long seed) {
        BenchMails generator = new BenchMails(seed, tag);
        List<Delivery> deliveries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] raw = onlyKind == null ? generator.mail(i) : generator.mail(i, onlyKind);
            deliveries.add(new Delivery(raw, MailKey.of(raw).value(), "reporter" + i + "." + tag + "@example.org"));
        }
        return deliveries;
    }

    PhaseResult baseline(String name, String user, List<Delivery> mails) throws Exception {
        for (Delivery mail : mails) {
            environment.dovecot().deliver(user, mail.raw());
        }
        try (Connection connection = environment.connect();
             RawBaseline baseline = RawBaseline.open("127.0.0.1", environment.imapProxy().port(), fetchSize,
                     partialFetch, user, connection)) {
            environment.imapProxy().resetCount();
            Optional<MachineCpu.Snapshot> machineBefore = machine();
            long wallBefore = System.nanoTime();
            int drained = baseline.drain();
            MachineCpu.Usage machine = machineSince(machineBefore, wallBefore, drained);
            if (drained != mails.size()) {
                throw new IllegalStateException("baseline saw " + drained + " mails, expected " + mails.size());
            }
            double seconds = (environment.imapProxy().lastStoreNanos() - environment.imapProxy().firstFetchNanos())
                    / 1e9;
            return PhaseResult.ofBaseline(name, drained, seconds,
                    environment.imapProxy().clientLines() / (double) drained, machine);
        }
    }

    /** Starts Shahid in its own JVM with the bench's settings, {@code extra} winning. */
    void startShahid(Map<String, String> extra, List<String> jvmOptions, String name) throws IOException {
        Map<String, String> settings = new HashMap<>(environment.shahidSettingsMap());
        settings.putAll(extra);
        shahid = ShahidProcess.start(settings, jvmOptions, environment.folder(), name);
    }

    void stopShahid() throws InterruptedException {
        if (shahid != null) {
            shahid.close();
            shahid = null;
        }
    }

    /**
     * Delivers {@code mails} to report@ over IMAP (all before the route starts when {@code perSecond} is 0, else
     * at that rate) and waits until each has a committed ticket, its \Seen STORE and, if {@code acknowledgements},
     * a delivered acknowledgement.
     */
    PhaseResult shahid(String name, List<Delivery> mails, double perSecond, boolean acknowledgements,
                       long timeoutSeconds) throws Exception {
        try (Connection connection = environment.connect()) {
            CommitWatch watch = CommitWatch.from(connection, environment.relayArrivals());
            Map<String, Long> deliveredByKey = new HashMap<>();
            Map<String, Long> deliveredByReporter = new HashMap<>();
            boolean burst = perSecond <= 0;
            if (burst) {
                // The same starting state as the baseline: the whole burst waits in the inbox before the mailbox
                // route starts, and the clock starts at the route's first FETCH.
                shahid.stopRoute(REPORT_ROUTE);
                for (Delivery mail : mails) {
                    environment.dovecot().deliver(BenchEnvironment.REPORT, mail.raw());
                }
            }
            shahid.resetPeaks();
            environment.imapProxy().resetCount();
            ShahidProcess.Work before = shahid.work();
            Optional<MachineCpu.Snapshot> machineBefore = machine();
            long start = System.nanoTime();
            if (burst) {
                shahid.startRoute(REPORT_ROUTE);
            }
            for (int i = 0; i < mails.size(); i++) {
                if (!burst) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    while (System.nanoTime() < due) {
                        watch.poll();
                        TimeUnit.MILLISECONDS.sleep(Math.max(1, Math.min(10, (due - System.nanoTime()) / 1_000_000)));
                    }
                }
                Delivery mail = mails.get(i);
                if (!burst) {
                    environment.dovecot().deliver(BenchEnvironment.REPORT, mail.raw());
                }
                long now = System.nanoTime();
                deliveredByKey.put(mail.key(), now);
                deliveredByReporter.put(mail.reporter(), now);
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            awaitComplete(name, watch, deliveredByKey, deliveredByReporter, acknowledgements, deadline);
            // camel-mail flags each mail seen after its exchange: the phase ends with the last of those STOREs.
            while (environment.imapProxy().stores() < mails.size() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            MachineCpu.Usage machine = machineSince(machineBefore, start, mails.size());
            ShahidProcess.Work work = shahid.work().since(before);
            long firstFetch = environment.imapProxy().firstFetchNanos();
            if (burst) {
                // Every mail of the burst was there when the clock started.
                deliveredByKey.replaceAll((key, at) -> firstFetch);
                deliveredByReporter.replaceAll((key, at) -> firstFetch);
            }
            long clockStart = burst ? firstFetch : start;
            long lastCommit = deliveredByKey.keySet().stream().mapToLong(key -> watch.committedAt().get(key))
                    .max().orElse(clockStart);
            long end = Math.max(lastCommit, environment.imapProxy().lastStoreNanos());
            double rt = environment.imapProxy().clientLines() / (double) mails.size();
            double evidenceSeconds = awaitEvidence(connection, clockStart, deadline);
            ShahidProcess.Peaks peaks = shahid.peaks();
            if (System.getenv("SHAHID_BENCH_TRACE") != null) {
                System.err.println(name + ": IMAP commands " + environment.imapProxy().commands());
            }
            return new PhaseResult(name, mails.size(), (end - clockStart) / 1e9, rt,
                    latencies(deliveredByKey, watch.committedAt()),
                    acknowledgements ? latencies(deliveredByReporter, watch.acknowledgedAt()) : Percentiles.of(List.of()),
                    peaks.heap(), peaks.resident(), evidenceSeconds, work, machine);
        }
    }

    /** The machine now, or nothing where there is no {@code /proc} to read. */
    private Optional<MachineCpu.Snapshot> machine() throws IOException {
        if (!MachineCpu.available()) {
            return Optional.empty();
        }
        return Optional.of(MachineCpu.take(Optional.ofNullable(shahid).map(ShahidProcess::pid),
                Optional.of(environment.dovecot().pid())));
    }

    /** What the machine spent since {@code before}, or null without {@code /proc}. */
    private MachineCpu.Usage machineSince(Optional<MachineCpu.Snapshot> before, long wallBefore, int mails)
            throws IOException {
        Optional<MachineCpu.Snapshot> after = machine();
        if (before.isEmpty() || after.isEmpty()) {
            return null;
        }
        return MachineCpu.Usage.between(before.get(), after.get(), (System.nanoTime() - wallBefore) / 1e9, mails);
    }

    /**
     * Pushes {@code mails} to the SMTP listener at {@code perSecond} over a few connections, as a mail server
     * relays them; delivery → ticket is from the moment a mail was due until its 250 (sent after the commit).
     */
    PhaseResult pushed(String name, List<Delivery> mails, double perSecond, long timeoutSeconds) throws Exception {
        try (Connection connection = environment.connect()) {
            CommitWatch watch = CommitWatch.from(connection, environment.relayArrivals());
            shahid.resetPeaks();
            environment.imapProxy().resetCount();
            ShahidProcess.Work before = shahid.work();
            Optional<MachineCpu.Snapshot> machineBefore = machine();
            Map<String, Long> dueByReporter = new ConcurrentHashMap<>();
            Map<String, Long> acceptedByReporter = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            ExecutorService mailServer = Executors.newFixedThreadPool(PUSH_CONNECTIONS);
            try {
                List<Future<Void>> connections = new ArrayList<>();
                for (int c = 0; c < PUSH_CONNECTIONS; c++) {
                    connections.add(mailServer.submit(() -> {
                        relay(mails, perSecond, start, next, dueByReporter, acceptedByReporter);
                        return null;
                    }));
                }
                for (Future<Void> relay : connections) {
                    relay.get(timeoutSeconds, TimeUnit.SECONDS);
                }
            } finally {
                mailServer.shutdownNow();
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!watch.acknowledgedAt().keySet().containsAll(dueByReporter.keySet())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": after " + timeoutSeconds + " s only "
                            + watch.acknowledgedAt().size() + " acknowledgements");
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
            long lastAccepted = acceptedByReporter.values().stream().mapToLong(Long::longValue).max().orElse(start);
            MachineCpu.Usage machine = machineSince(machineBefore, start, mails.size());
            ShahidProcess.Work work = shahid.work().since(before);
            double evidenceSeconds = awaitEvidence(connection, start, deadline);
            ShahidProcess.Peaks peaks = shahid.peaks();
            return new PhaseResult(name, mails.size(), (lastAccepted - start) / 1e9,
                    environment.imapProxy().clientLines() / (double) mails.size(),
                    latencies(dueByReporter, acceptedByReporter), latencies(dueByReporter, watch.acknowledgedAt()),
                    peaks.heap(), peaks.resident(), evidenceSeconds, work, machine);
        }
    }

    private void relay(List<Delivery> mails, double perSecond, long start, AtomicInteger next,
                       Map<String, Long> dueByReporter, Map<String, Long> acceptedByReporter) throws Exception {
        try (PushClient client = PushClient.connect(shahid.pushPort())) {
            int index;
            while ((index = next.getAndIncrement()) < mails.size()) {
                long due = start + (long) (index * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Delivery mail = mails.get(index);
                dueByReporter.put(mail.reporter(), due);
                int code = client.send("mta@example.net", List.of(BenchEnvironment.REPORT), mail.raw());
                if (code != 250) {
                    throw new IllegalStateException("push listener answered " + code + " to mail " + index);
                }
                acceptedByReporter.put(mail.reporter(), System.nanoTime());
            }
        }
    }

    private static void awaitComplete(String name, CommitWatch watch, Map<String, Long> byKey,
                                      Map<String, Long> byReporter, boolean acknowledgements, long deadline)
            throws Exception {
        while (!(watch.committedAt().keySet().containsAll(byKey.keySet())
                && (!acknowledgements || watch.acknowledgedAt().keySet().containsAll(byReporter.keySet())))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": timed out with only " + watch.committedAt().size() + " of "
                        + byKey.size() + " tickets and " + watch.acknowledgedAt().size() + " acknowledgements");
            }
            TimeUnit.MILLISECONDS.sleep(10);
            watch.poll();
        }
    }

    /** Seconds from {@code start} until every attachment is examined (type, scrubbing, text, OCR). */
    private static double awaitEvidence(Connection connection, long start, long deadline) throws Exception {
        while (evidencePending(connection) > 0 && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(600)) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long evidencePending(Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(
                     "SELECT COUNT(*) FROM evidence_examination WHERE state = 'PENDING'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Percentiles latencies(Map<String, Long> delivered, Map<String, Long> seen) {
        List<Long> millis = new ArrayList<>(delivered.size());
        delivered.forEach((id, at) -> millis.add((seen.get(id) - at) / 1_000_000));
        return Percentiles.of(millis);
    }

    @Override
    public void close() throws InterruptedException {
        stopShahid();
    }
}
