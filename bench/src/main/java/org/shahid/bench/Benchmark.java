package org.shahid.bench;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.shahid.testing.BenchMails;
import org.shahid.testing.PrivateDovecot;
import org.shahid.testing.TcpProxy;
import org.shahid.config.ShahidService;
import org.shahid.intake.MailKey;

/**
 * The phases of one benchmark run on one {@link BenchEnvironment}: the raw baseline draining a preloaded inbox,
 * Shahid draining a burst of the same mails, Shahid at a steady rate, and a backlog. Each phase reports mails per
 * second, IMAP commands per mail (counted by the proxy), latencies and memory peaks. Not thread-safe.
 */
final class Benchmark {

    /** One mail of a phase: its bytes, the key intake gives it, and the reporter who will be acknowledged. */
    record Delivery(byte[] raw, String key, String reporter) {
    }

    /** What a phase measured. */
    record PhaseResult(String name, int mails, double seconds, double rtPerMail, Percentiles toTicket,
                       Percentiles toAcknowledgement, long peakHeap, long peakResident, double evidenceSeconds) {
        double perSecond() {
            return mails / seconds;
        }
    }

    private static final String REPORT_ROUTE = "mailbox-report";

    private final BenchEnvironment environment;
    private final String run;
    private final int fetchSize;
    private ShahidService service;

    Benchmark(BenchEnvironment environment, String run, int fetchSize) {
        this.environment = environment;
        this.run = run;
        this.fetchSize = fetchSize;
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
        MemoryPeaks.reset();
        environment.imapProxy().resetCount();
        try (Connection connection = environment.connect()) {
            long start = System.nanoTime();
            int drained = new RawBaseline("127.0.0.1", environment.imapProxy().port(), fetchSize)
                    .drain(user, connection);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (drained != mails.size()) {
                throw new IllegalStateException("baseline saw " + drained + " mails, expected " + mails.size());
            }
            return new PhaseResult(name, drained, seconds, environment.imapProxy().clientLines() / (double) drained,
                    Percentiles.of(List.of()), Percentiles.of(List.of()), MemoryPeaks.peakHeapBytes(),
                    MemoryPeaks.peakResidentBytes(), Double.NaN);
        }
    }

    void startShahid(Map<String, String> settings) {
        service = ShahidService.start(environment.shahidSettings(settings), Clock.systemUTC());
    }

    void stopShahid() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    /**
     * Delivers {@code mails} to report@ (all at once when {@code perSecond} is 0, else at that rate) and waits
     * until each has a committed ticket and, if {@code acknowledgements}, a delivered acknowledgement.
     */
    PhaseResult shahid(String name, List<Delivery> mails, double perSecond, boolean acknowledgements,
                       long timeoutSeconds) throws Exception {
        MemoryPeaks.reset();
        try (Connection connection = environment.connect()) {
            CommitWatch watch = CommitWatch.from(connection, environment.relayArrivals());
            environment.imapProxy().resetCount();
            Map<String, Long> deliveredByKey = new HashMap<>();
            Map<String, Long> deliveredByReporter = new HashMap<>();
            boolean burst = perSecond <= 0;
            if (burst) {
                // The same starting state as the baseline: the whole burst waits in the inbox before the mailbox
                // route starts, so the clock measures draining, not the route's poll delay.
                service.camelContext().getRouteController().stopRoute(REPORT_ROUTE);
                for (Delivery mail : mails) {
                    environment.dovecot().deliver(BenchEnvironment.REPORT, mail.raw());
                }
                environment.imapProxy().resetCount();
            }
            long start = System.nanoTime();
            if (burst) {
                service.camelContext().getRouteController().startRoute(REPORT_ROUTE);
            }
            for (int i = 0; i < mails.size(); i++) {
                if (perSecond > 0) {
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
                long now = burst ? start : System.nanoTime();
                deliveredByKey.put(mail.key(), now);
                deliveredByReporter.put(mail.reporter(), now);
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!complete(watch, deliveredByKey, deliveredByReporter, acknowledgements)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": after " + timeoutSeconds + " s only "
                            + watch.committedAt().size() + " of " + mails.size() + " tickets and "
                            + watch.acknowledgedAt().size() + " acknowledgements");
                }
                TimeUnit.MILLISECONDS.sleep(10);
                watch.poll();
            }
            long lastCommit = deliveredByKey.keySet().stream().mapToLong(key -> watch.committedAt().get(key))
                    .max().orElse(start);
            // Attachments are examined (type, scrubbing, text, OCR) after the commit: how long until all are.
            while (evidencePending(connection) > 0 && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(600)) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            double evidenceSeconds = (System.nanoTime() - start) / 1e9;
            double rt = environment.imapProxy().clientLines() / (double) mails.size();
            if (System.getenv("SHAHID_BENCH_TRACE") != null) {
                System.err.println(name + ": IMAP commands " + environment.imapProxy().commands());
            }
            return new PhaseResult(name, mails.size(), (lastCommit - start) / 1e9, rt,
                    latencies(deliveredByKey, watch.committedAt()),
                    acknowledgements ? latencies(deliveredByReporter, watch.acknowledgedAt()) : Percentiles.of(List.of()),
                    MemoryPeaks.peakHeapBytes(), MemoryPeaks.peakResidentBytes(), evidenceSeconds);
        }
    }

    private static long evidencePending(Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(
                     "SELECT COUNT(*) FROM evidence_examination WHERE state = 'PENDING'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static boolean complete(CommitWatch watch, Map<String, Long> byKey, Map<String, Long> byReporter,
                                    boolean acknowledgements) {
        return watch.committedAt().keySet().containsAll(byKey.keySet())
                && (!acknowledgements || watch.acknowledgedAt().keySet().containsAll(byReporter.keySet()));
    }

    private static Percentiles latencies(Map<String, Long> delivered, Map<String, Long> seen) {
        List<Long> millis = new ArrayList<>(delivered.size());
        delivered.forEach((id, at) -> millis.add((seen.get(id) - at) / 1_000_000));
        return Percentiles.of(millis);
    }

    String run() {
        return run;
    }
}
