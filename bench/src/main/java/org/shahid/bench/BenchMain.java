package org.shahid.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.shahid.config.Settings;
import org.shahid.testing.BenchMails;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measures Shahid against the raw limit of the machine, on a private Dovecot and the configured
 * MariaDB (a bench database is created and dropped), and prints a table ending with {@code ratio: X.XX} (Shahid's
 * mails per second over the raw baseline's, for the mix). {@code --quick} finishes within 3 minutes.
 */
@Command(name = "shahid-bench", mixinStandardHelpOptions = true,
        description = {"Benchmark Shahid against a raw Jakarta Mail + JDBC loop on a private Dovecot.",
            "Needs Dovecot (apt-get install -y dovecot-imapd) and MariaDB (SHAHID_DB_URL, default root@127.0.0.1:3306)."})
public final class BenchMain implements Callable<Integer> {

    private static final String LARGE_PREFIX = "large-result:";

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    private static final int WARM_UP_MAILS = 300;

    @Option(names = "--quick", description = "600 mails per phase (200 at a steady rate); finishes within 3 minutes")
    boolean quick;

    @Option(names = "--lookups", paramLabel = "TICKETS",
            description = "only the lookups: bulk-insert TICKETS tickets (the full run uses 1000000) and time lookups")
    Integer lookupsOnly;

    @Option(names = "--large-only", hidden = true, description = "only the 25 MB case (run in a child JVM)")
    boolean largeOnly;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Map<String, String> environment = System.getenv();
        Settings settings = Settings.load(environment, Map.of());
        if (largeOnly) {
            return largeCase(environment, settings.home(), out);
        }
        if (lookupsOnly != null) {
            try (BenchEnvironment bench = BenchEnvironment.open(environment, settings.home())) {
                printLookups(out, bench, lookupsOnly);
            }
            return 0;
        }
        int mix = quick ? 600 : 2000;
        int text = quick ? 600 : 1000;
        int steady = quick ? 200 : 600;
        String run = UUID.randomUUID().toString().substring(0, 6);
        int fetchSize = settings.integer("shahid.imap.fetch-size");
        out.printf("Shahid bench (%s): %d cores, %s mails of the mix (70%% text, 20%% 200 KB JPEG, 10%% 1 MB PDF)%n",
                quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(), mix);
        List<Benchmark.PhaseResult> results = new ArrayList<>();
        Benchmark.PhaseResult baselineMix;
        Benchmark.PhaseResult shahidMix;
        try (BenchEnvironment bench = BenchEnvironment.open(environment, settings.home())) {
            Benchmark benchmark = new Benchmark(bench, run, fetchSize);
            List<Benchmark.Delivery> mixMails = Benchmark.mails(run + "m", mix, null, 1);
            List<Benchmark.Delivery> textMails = Benchmark.mails(run + "t", text, BenchMails.Kind.TEXT, 2);
            baselineMix = benchmark.baseline("baseline, mix", BenchEnvironment.BASELINE_MIX, mixMails);
            results.add(baselineMix);
            results.add(benchmark.baseline("baseline, text only", BenchEnvironment.BASELINE_TEXT, textMails));
            benchmark.startShahid(Map.of());
            try {
                // Not measured: the JIT compiles intake's paths on the first few hundred mails; a service on
                // election day has long been warm. Its evidence is examined before the first measured phase.
                benchmark.shahid("warm-up", Benchmark.mails(run + "w", WARM_UP_MAILS, null, 7), 0, false, 120);
                shahidMix = benchmark.shahid("Shahid, mix (inbox preloaded)", mixMails, 0, true, quick ? 60 : 300);
                results.add(shahidMix);
                results.add(benchmark.shahid("Shahid, text (inbox preloaded)", textMails, 0, true, quick ? 40 : 200));
                results.add(benchmark.shahid("Shahid, mix at 20 mails/s", Benchmark.mails(run + "s", steady, null, 3),
                        20, true, steady / 20 + 30));
                if (!quick) {
                    results.add(benchmark.shahid("Shahid, backlog of 10,000 text",
                            Benchmark.mails(run + "b", 10_000, BenchMails.Kind.TEXT, 4), 0, false, 900));
                }
            } finally {
                benchmark.stopShahid();
            }
        }
        printTable(out, results);
        if (!quick) {
            try (BenchEnvironment bench = BenchEnvironment.open(environment, settings.home())) {
                printLookups(out, bench, 1_000_000);
            }
            out.println("25 MB attachment, child JVM with -Xmx256m: " + runLargeChild(settings.home()));
        }
        out.printf(Locale.ROOT, "ratio: %.2f%n", shahidMix.perSecond() / baselineMix.perSecond());
        return 0;
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
        String format = "%-32s %6s %8s %8s %9s %24s %24s %9s %9s %12s%n";
        out.printf(format, "phase", "mails", "seconds", "mails/s", "IMAP/mail", "delivery->ticket p50/95/99",
                "delivery->ack p50/95/99", "peak heap", "peak RSS", "evidence s");
        for (Benchmark.PhaseResult result : results) {
            out.printf(Locale.ROOT, format, result.name(), result.mails(), String.format(Locale.ROOT, "%.2f",
                            result.seconds()), String.format(Locale.ROOT, "%.1f", result.perSecond()),
                    String.format(Locale.ROOT, "%.2f", result.rtPerMail()), result.toTicket(),
                    result.toAcknowledgement(), MemoryPeaks.megabytes(result.peakHeap()),
                    MemoryPeaks.megabytes(result.peakResident()), Double.isNaN(result.evidenceSeconds()) ? "n/a"
                            : String.format(Locale.ROOT, "%.1f", result.evidenceSeconds()));
        }
        out.println("baseline: one IMAP connection, fetch + one INSERT committed per mail + one STORE \\Seen per mail"
                + " (no batching); Shahid: the report@ route as shipped; same JVM, same Dovecot, same MariaDB.");
        out.println("evidence s: from the first delivery until every attachment is examined (type, scrubbing, text,"
                + " OCR), which happens after the ticket commits.");
    }

    /** The 25 MB case, inside the child JVM: one mail through Shahid, printed as one result line. */
    private static int largeCase(Map<String, String> environment, Path home, PrintStream out) throws Exception {
        try (BenchEnvironment bench = BenchEnvironment.open(environment, home)) {
            Benchmark benchmark = new Benchmark(bench, "large", 1 << 20);
            byte[] raw = new BenchMails(5, "large").largeMail(0, 25_000_000);
            List<Benchmark.Delivery> one = List.of(new Benchmark.Delivery(raw,
                    org.shahid.intake.MailKey.of(raw).value(), "large0.large@example.org"));
            benchmark.startShahid(Map.of());
            try {
                Benchmark.PhaseResult result = benchmark.shahid("25 MB", one, 0, true, 120);
                out.printf(Locale.ROOT, "%s passed: %.1f s to ticket, peak heap %s of %s max, peak RSS %s%n",
                        LARGE_PREFIX, result.seconds(), MemoryPeaks.megabytes(result.peakHeap()),
                        MemoryPeaks.megabytes(Runtime.getRuntime().maxMemory()),
                        MemoryPeaks.megabytes(result.peakResident()), Double.isNaN(result.evidenceSeconds()) ? "n/a"
                            : String.format(Locale.ROOT, "%.1f", result.evidenceSeconds()));
            } finally {
                benchmark.stopShahid();
            }
        }
        return 0;
    }

    private static String runLargeChild(Path home) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BenchMain.class.getName(), "--large-only")
                .redirectErrorStream(true)
                .start();
        String result = "failed (no result line)";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(LARGE_PREFIX)) {
                    result = line.substring(LARGE_PREFIX.length()).trim();
                } else if (line.contains("OutOfMemoryError")) {
                    result = "failed: OutOfMemoryError";
                }
            }
        }
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            return "failed: timed out";
        }
        return child.exitValue() == 0 ? result : result + " (exit " + child.exitValue() + ")";
    }
}
