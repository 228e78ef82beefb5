package org.shahid.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.shahid.kernel.Settings;
import org.shahid.config.ShahidService;
import org.shahid.sealing.CustodianCeremony;

/**
 * The main class of the bench's child JVM, which runs Shahid and nothing else, so that its memory figures are
 * Shahid's own. Reads its settings from the properties file named by its argument and takes commands, one per
 * line, on standard input; answers each on standard output with a line starting {@value #ANSWER} (Shahid logs
 * to standard error). Closing standard input stops it. Runs on one thread.
 */
public final class ShahidUnderBench {

    static final String ANSWER = "bench-child: ";

    private ShahidUnderBench() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> overrides = new HashMap<>();
        Properties properties = new Properties();
        try (Reader file = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            properties.load(file);
        }
        properties.stringPropertyNames().forEach(name -> overrides.put(name, properties.getProperty(name)));
        Settings settings = Settings.load(Map.of("SHAHID_HOME", overrides.get("shahid.home")), overrides);
        ShahidService service = ShahidService.start(settings, Clock.systemUTC());
        try {
            createCustodianKey(service);
            answer("ready " + service.push().map(push -> push.port()).orElse(0));
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null && !line.equals("quit")) {
                answer(execute(service, line));
            }
        } catch (Exception e) {
            answer("failed " + e.getClass().getSimpleName());
        } finally {
            service.close();
        }
        System.exit(0);
    }

    /**
     * Gives the service the custodian key {@code run} insists on (unless {@code shahid.custodians.allow-none}), so
     * that original mails and identity records are sealed as in production: to the custodians' HPKE key, not
     * under the server's streaming key. The shares are thrown away; nothing in a bench run is ever unsealed.
     */
    private static void createCustodianKey(ShahidService service) {
        List<char[]> passphrases = List.of("bench custodian one".toCharArray(), "bench custodian two".toCharArray(),
                "bench custodian three".toCharArray());
        service.database().jdbi().useHandle(handle -> new CustodianCeremony().create(handle, passphrases.size(), 2,
                passphrases, SHARE_KDF_ITERATIONS, Instant.now()));
    }

    /** The shares are never opened, so their passphrase KDF need not cost the 600,000 iterations of a real one. */
    private static final int SHARE_KDF_ITERATIONS = 1_000;

    private static String execute(ShahidService service, String line) throws Exception {
        String[] words = line.split(" ");
        switch (words[0]) {
            case "stop-route" -> service.camelContext().getRouteController().stopRoute(words[1]);
            case "start-route" -> service.camelContext().getRouteController().startRoute(words[1]);
            case "reset-peaks" -> MemoryPeaks.reset();
            case "work" -> {
                return "work " + cpuMillis() + " " + ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            }
            case "peaks" -> {
                return "peaks " + MemoryPeaks.peakHeapBytes() + " " + MemoryPeaks.peakResidentBytes() + " "
                        + Runtime.getRuntime().maxMemory();
            }
            default -> {
                return "unknown " + words[0];
            }
        }
        return "ok";
    }

    /** This JVM's CPU time (all its threads, the JIT's and the collector's too), or -1 where it is not measured. */
    private static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    private static void answer(String text) {
        System.out.println(ANSWER + text);
        System.out.flush();
    }
}
