package org.shahid.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.shahid.kernel.Settings;
import org.shahid.intake.MailKey;
import org.shahid.testing.BenchMails;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shahid-bench} (also started by the product's {@code bench} verb): measures Shahid against the raw limit
 * of the machine, on a private Dovecot and the configured MariaDB (a bench database is created and dropped).
 * Both sides warm, timed alike, interleaved baseline / Shahid / baseline; Shahid runs in a JVM of its own. Prints
 * every run, then {@code shahid-mix-mails-per-s}, {@code shahid-text-mails-per-s}, {@code ack-p99-ms-at-20} and,
 * last, {@code ratio: X.XX} (Shahid's mix over the mean of the two baseline mix runs). {@code --quick} finishes
 * within 3 minutes.
 */
@Command(name = "shahid-bench", mixinStandardHelpOptions = true,
        description = {"Benchmark Shahid against a raw Jakarta Mail + JDBC loop on a private Dovecot.",
            "Needs Dovecot (apt-get install -y dovecot-imapd) and MariaDB (SHAHID_DB_URL, default root@127.0.0.1:3306)."})
public final class BenchMain implements Callable<Integer> {

    private static final double STEADY_RATE = 20;
    /** The goals the ratios are held to: Shahid at this share of the raw baseline's rate, on the same machine. */
    private static final double MIX_GOAL = 0.6;
    private static final double TEXT_GOAL = 0.8;

    /**
     * How many mails each phase of a run takes: Shahid warms with {@code warmUpRounds} rounds of {@code warmUp}
     * mails and the baseline drains as many. The quick run is small because every phase waits until the examiner
     * has gone through its attachments (OCR of each screenshot), which costs more than the intake being measured;
     * its bursts are 600 mails, the burst the acknowledgement goal names. The full run warms longer (2,400 mails):
     * after 600 Shahid's JIT compilers still ran through most of a measured burst, and after 1,800 its CPU per
     * report in the mix was about a third lower; the quick run has no time left for that.
     */
    record PhaseSizes(int warmUp, int warmUpRounds, int mix, int text, int steady, int push, boolean backlog) {

        static PhaseSizes of(boolean quick) {
            return quick ? new PhaseSizes(150, 4, 600, 600, 100, 100, false)
                    : new PhaseSizes(300, 8, 2000, 1000, 600, 600, true);
        }
    }

    @Option(names = "--quick", description = "bursts of 600 mails (100 at a steady rate); finishes within 3 minutes")
    boolean quick;

    @Option(names = "--lookups", paramLabel = "TICKETS",
            description = "only the lookups: bulk-insert TICKETS tickets (the full run uses 1000000) and time lookups")
    Integer lookupsOnly;

    @Option(names = "--large", description = "only the 25 MB attachment, through a Shahid whose JVM has -Xmx256m")
    boolean largeOnly;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Map<String, String> environment = System.getenv();
        Settings settings = Settings.load(environment, Map.of());
        if (largeOnly) {
            out.println("25 MB attachment, Shahid's JVM with -Xmx256m: " + largeCase(environment, settings));
            return 0;
        }
        if (lookupsOnly != null) {
            try (BenchEnvironment bench = BenchEnvironment.open(environment, settings.home())) {
                printLookups(out, bench, lookupsOnly);
            }
            return 0;
        }
        long startedNanos = System.nanoTime();
        PhaseSizes sizes = PhaseSizes.of(quick);
        String run = UUID.randomUUID().toString().substring(0, 6);
        int fetchSize = settings.integer("shahid.imap.fetch-size");
        boolean partialFetch = settings.flag("shahid.imap.partial-fetch");
        out.printf("Shahid bench (%s): %d cores, %s mails of the mix (70%% text, 20%% 200 KB JPEG, 10%% 1 MB PDF)%n",
                quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(), sizes.mix());
        List<Benchmark.PhaseResult> results = new ArrayList<>();
        try (BenchEnvironment bench = BenchEnvironment.open(environment, settings.home());
             Benchmark benchmark = new Benchmark(bench, fetchSize, partialFetch)) {
            List<Benchmark.Delivery> mixMails = Benchmark.mails(run + "m", sizes.mix(), null, 1);
            List<Benchmark.Delivery> textMails = Benchmark.mails(run + "t", sizes.text(), BenchMails.Kind.TEXT, 2);
            // Shahid's JVM gets the options the service runs with (its heap above all), so its memory is the real one.
            benchmark.startShahid(Map.of("shahid.push.port", "0"), JvmOptions.of(settings.home()), "shahid");
            // Not measured: both sides first run the same warm-up, so that the JIT has compiled their paths (a
            // service on election day has long been warm).
            WarmUp warmUp = warmUpShahid(benchmark, run, sizes);
            out.println(warmUp);
            benchmark.baseline("warm-up", BenchEnvironment.BASELINE_WARM_UP,
                    Benchmark.mails(run + "v", warmUp.mails(), null, 7));
            results.add(benchmark.baseline("baseline, mix (before)", BenchEnvironment.BASELINE_MIX_BEFORE, mixMails));
            results.add(benchmark.shahid("Shahid, mix (inbox preloaded)", mixMails, 0, true, sizes.mix() / 4 + 120));
            results.add(benchmark.baseline("baseline, mix (after)", BenchEnvironment.BASELINE_MIX_AFTER, mixMails));
            results.add(benchmark.baseline("baseline, text (before)", BenchEnvironment.BASELINE_TEXT_BEFORE,
                    textMails));
            results.add(benchmark.shahid("Shahid, text (inbox preloaded)", textMails, 0, true, sizes.text() / 4 + 120));
            results.add(benchmark.baseline("baseline, text (after)", BenchEnvironment.BASELINE_TEXT_AFTER, textMails));
            results.add(benchmark.shahid("Shahid, mix at 20 mails/s", Benchmark.mails(run + "s", sizes.steady(), null, 3),
                    STEADY_RATE, true, sizes.steady() / 20 + 120));
            results.add(benchmark.pushed("Shahid, push, mix at 20 mails/s",
                    Benchmark.mails(run + "p", sizes.push(), null, 5), STEADY_RATE, sizes.push() / 20 + 120));
            if (sizes.backlog()) {
                results.add(benchmark.shahid("Shahid, backlog of 10,000 text",
                        Benchmark.mails(run + "b", 10_000, BenchMails.Kind.TEXT, 4), 0, false, 900));
            }
        }
        printTable(out, results);
        printMachine(out, results);
        if (!quick) {
            try (BenchEnvironment bench = BenchEnvironment.open(environment, settings.home())) {
                printLookups(out, bench, 1_000_000);
            }
            out.println("25 MB attachment, Shahid's JVM with -Xmx256m: " + largeCase(environment, settings));
        }
        out.printf(Locale.ROOT, "bench-elapsed-s: %.0f%n", (System.nanoTime() - startedNanos) / 1e9);
        Summary summary = Summary.of(results);
        out.printf(Locale.ROOT, "shahid-mix-mails-per-s: %.1f%n", summary.shahidMix());
        out.printf(Locale.ROOT, "shahid-text-mails-per-s: %.1f%n", summary.shahidText());
        out.printf(Locale.ROOT, "ack-p99-ms-at-20: %d%n", summary.ackP99At20());
        out.printf(Locale.ROOT, "text-ratio: %.2f%n", summary.textRatio());
        out.printf(Locale.ROOT, "ratio: %.2f%n", summary.mixRatio());
        return 0;
    }

    /** How long Shahid's JVM was warmed, and how much its JIT compilers still worked in the last round. */
    record WarmUp(int mails, int rounds, ShahidProcess.Work lastRound) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "warm-up: %d mails of the mix a side (Shahid: %d rounds; in the last"
                    + " its JVM used %.1f s of CPU, its JIT compilers %.1f s)", mails, rounds,
                    lastRound.cpuMillis() / 1e3, lastRound.compileMillis() / 1e3);
        }
    }

    /**
     * Shahid's code path is far larger than the baseline's (Camel, Tika, Tink, the parser), so the few mails that
     * warm the baseline left Shahid's JIT compiling through the measured phases: with 150 mails, half of its JVM's
     * CPU time in the run went to the compilers (async-profiler), and each further 150 mails still made it
     * faster. It gets {@code warmUpRounds} rounds of the mix, in rounds so that no burst of warm-up fills the
     * examiner's queue; the baseline then drains as many.
     */
    private static WarmUp warmUpShahid(Benchmark benchmark, String run, PhaseSizes sizes) throws Exception {
        ShahidProcess.Work last = null;
        for (int round = 1; round <= sizes.warmUpRounds(); round++) {
            last = benchmark.shahid("warm-up", Benchmark.mails(run + "w" + round, sizes.warmUp(), null, 7 + round),
                    0, false, 120).shahidWork();
        }
        return new WarmUp(sizes.warmUpRounds() * sizes.warmUp(), sizes.warmUpRounds(), last);
    }

    private static void printLookups(PrintStream out, BenchEnvironment bench, int tickets) throws Exception {
        try (java.sql.Connection connection = bench.connect()) {
            LookupsAtScale.Result result = LookupsAtScale.run(connection, tickets);
            out.printf(Locale.ROOT, "lookups at %,d tickets (inserted in %.0f s): by reference p50/p95/p99 %s us,"
                            + " index %s; thread by Message-ID hash %s us, index %s%n", result.tickets(),
                    result.insertSeconds(), result.byReference().toString().replace(" ms", ""),
                    result.referenceIndex(), result.byMessageId().toString().replace(" ms", ""),
                    result.messageIdIndex());
        }
    }

    private static void printTable(PrintStream out, List<Benchmark.PhaseResult> results) {
        String format = "%-34s %6s %8s %8s %9s %24s %24s %9s %9s %12s %12s %6s%n";
        out.printf(format, "phase", "mails", "seconds", "mails/s", "IMAP/mail", "delivery->ticket p50/95/99",
                "delivery->ack p50/95/99", "peak heap", "peak RSS", "evidence s", "CPU ms/mail", "JIT s");
        for (Benchmark.PhaseResult result : results) {
            out.printf(Locale.ROOT, format, result.name(), result.mails(), String.format(Locale.ROOT, "%.2f",
                            result.seconds()), String.format(Locale.ROOT, "%.1f", result.perSecond()),
                    String.format(Locale.ROOT, "%.2f", result.rtPerMail()), result.toTicket(),
                    result.toAcknowledgement(), MemoryPeaks.megabytes(result.peakHeap()),
                    MemoryPeaks.megabytes(result.peakResident()), Double.isNaN(result.evidenceSeconds()) ? "n/a"
                            : String.format(Locale.ROOT, "%.1f", result.evidenceSeconds()),
                    result.shahidWork() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", result.shahidWork().cpuMillis() / (double) result.mails()),
                    result.shahidWork() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.1f", result.shahidWork().compileMillis() / 1e3));
        }
        out.println("baseline: one IMAP connection, fetch + one INSERT committed per mail + one STORE \\Seen per mail"
                + " (no batching), Shahid's fetch settings, warm; Shahid: the report@ route as shipped, in a JVM of"
                + " its own (memory columns are that JVM's); same Dovecot, same MariaDB.");
        out.println("CPU ms/mail: the CPU time of Shahid's JVM (every thread, its JIT compilers and collector"
                + " included) from the phase's start until its tickets, STOREs and acknowledgements are all done, per"
                + " mail; JIT s: the time its compilers spent meanwhile.");
        out.println("seconds: from the first FETCH to the last STORE \\Seen (and, for Shahid, its last ticket commit);"
                + " log-in and SELECT outside the clock. Push: from the first mail due to the last 250.");
        out.println("evidence s: from the first delivery until every attachment is examined (type, scrubbing, text,"
                + " OCR), which happens after the ticket commits.");
    }

    /**
     * Where the whole machine's CPU went in each phase, and what the goal ratios leave it per mail: the baseline
     * waits on round trips and leaves cores idle, Shahid fills them, so the budget is the figure to compare.
     */
    private static void printMachine(PrintStream out, List<Benchmark.PhaseResult> results) {
        if (results.stream().anyMatch(result -> result.machine() == null)) {
            out.println("machine CPU: not measured (no /proc on this machine)");
            return;
        }
        String format = "%-34s %6s %9s %11s %8s %8s %10s %6s%n";
        out.printf(format, "machine CPU ms/mail (all cores)", "cores", "machine", MachineCpu.SHAHID,
                MachineCpu.MARIADB, MachineCpu.DOVECOT, MachineCpu.BENCH, MachineCpu.REST);
        for (Benchmark.PhaseResult result : results) {
            MachineCpu.Usage machine = result.machine();
            out.printf(Locale.ROOT, format, result.name(), String.format(Locale.ROOT, "%.2f", machine.busyCores()),
                    millis(machine.busyMillisPerMail()), millis(machine.partyMillisPerMail(MachineCpu.SHAHID)),
                    millis(machine.partyMillisPerMail(MachineCpu.MARIADB)),
                    millis(machine.partyMillisPerMail(MachineCpu.DOVECOT)),
                    millis(machine.partyMillisPerMail(MachineCpu.BENCH)),
                    millis(machine.partyMillisPerMail(MachineCpu.REST)));
        }
        out.println("machine CPU: /proc, from the phase's start until its last effect (for Shahid: its tickets,"
                + " STOREs and acknowledgements); cores: how many were busy on average; rest: the kernel's"
                + " interrupts and every other process. At a steady rate the window's background work (polls, the"
                + " examiner) is shared by few mails.");
        int cores = Runtime.getRuntime().availableProcessors();
        MachineBudget.of(results, "mix", MIX_GOAL, cores).ifPresent(budget -> out.println("budget: " + budget));
        MachineBudget.of(results, "text", TEXT_GOAL, cores).ifPresent(budget -> out.println("budget: " + budget));
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The 25 MB case: one mail through a Shahid whose JVM has the service's options but a 256 MB heap. */
    private static String largeCase(Map<String, String> environment, Settings settings) throws Exception {
        try (BenchEnvironment bench = BenchEnvironment.open(environment, settings.home());
             Benchmark benchmark = new Benchmark(bench, settings.integer("shahid.imap.fetch-size"),
                     settings.flag("shahid.imap.partial-fetch"))) {
            byte[] raw = new BenchMails(5, "large").largeMail(0, 25_000_000);
            List<Benchmark.Delivery> one = List.of(new Benchmark.Delivery(raw, MailKey.of(raw).value(),
                    "large0.large@example.org"));
            benchmark.startShahid(Map.of(), JvmOptions.withHeap(JvmOptions.of(settings.home()), "256m"),
                    "shahid-256m");
            Benchmark.PhaseResult result = benchmark.shahid("25 MB", one, 0, true, 120);
            return String.format(Locale.ROOT, "passed: %.1f s to ticket, peak heap %s, peak RSS %s", result.seconds(),
                    MemoryPeaks.megabytes(result.peakHeap()), MemoryPeaks.megabytes(result.peakResident()));
        } catch (RuntimeException e) {
            return "failed: " + e.getMessage();
        }
    }

    /** The machine-readable figures, from the table's rows by name. */
    record Summary(double shahidMix, double shahidText, long ackP99At20, double mixRatio, double textRatio) {

        static Summary of(List<Benchmark.PhaseResult> results) {
            double mix = rate(results, "Shahid, mix (inbox preloaded)");
            double text = rate(results, "Shahid, text (inbox preloaded)");
            double baselineMix = (rate(results, "baseline, mix (before)") + rate(results, "baseline, mix (after)")) / 2;
            double baselineText = (rate(results, "baseline, text (before)")
                    + rate(results, "baseline, text (after)")) / 2;
            long ackP99 = Benchmark.PhaseResult.named(results, "Shahid, mix at 20 mails/s").toAcknowledgement().p99();
            return new Summary(mix, text, ackP99, mix / baselineMix, text / baselineText);
        }

        private static double rate(List<Benchmark.PhaseResult> results, String name) {
            return Benchmark.PhaseResult.named(results, name).perSecond();
        }
    }
}
