package org.shahid.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import org.shahid.authentication.AuthenticationSettings;
import org.shahid.evidence.DecoderIsolation;
import org.shahid.evidence.ExiftoolAvailability;
import org.shahid.evidence.OcrAvailability;
import org.shahid.evidence.PixelReencodingAvailability;
import org.shahid.findings.MonitoringData;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.config.ShahidConfiguration;
import org.shahid.config.ShahidService;
import org.shahid.sealing.Keyring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;

/**
 * {@code validate}: checks what an admin edits before the service meets a reporter: settings, templates
 * (every event and language renders), route files (they load, with every placeholder resolved), the
 * keysets and, unless {@code --offline}, the database (reachable; Flyway applies pending migrations) and the
 * settings as production needs them (no demo values left, every mailbox password set). It warns of evidence tools
 * the service would lack (ExifTool, Tesseract, the image decoders and the network namespace they run in), as the
 * service logs them at start. {@code --connect} also logs in to the IMAP server with every mailbox and to the SMTP
 * relay.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check settings, templates, routes, keysets and the database; print every problem.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Option(names = "--offline", description = "Do not connect to the database (files only; demo values pass).")
    boolean offline;

    @Option(names = "--connect", description = "Also log in to the IMAP server (every mailbox) and the SMTP relay.")
    boolean connect;

    @Override
    public Integer call() {
        Settings settings = shahid.settings();
        List<String> problems = new ArrayList<>();
        check(problems, "templates", () -> ShahidConfiguration.loadTemplates(settings.home()));
        check(problems, "monitoring files", () -> MonitoringData.load(settings));
        check(problems, "keysets", () -> Keyring.load(settings.path("shahid.keys.dir"), false));
        check(problems, "sender authentication", () -> AuthenticationSettings.of(settings).warnings()
                .forEach(warning -> out().println("warning: " + warning)));
        check(problems, "evidence tools", () -> evidenceToolWarnings(settings)
                .forEach(warning -> out().println("warning: " + warning)));
        check(problems, offline ? "routes" : "database and routes", () -> {
            try (Database database = offline ? Database.unconnected(settings) : Database.open(settings)) {
                ShahidConfiguration.Beans beans = ShahidConfiguration.wire(settings, database,
                        Keyring.load(settings.path("shahid.keys.dir"), false),
                        ShahidConfiguration.loadTemplates(settings.home()), java.time.Clock.systemUTC());
                loadRoutes(settings, beans);
                if (!offline && database.jdbi().withHandle(org.shahid.sealing.CustodianKeys::activeIn).isEmpty()) {
                    out().println("warning: no custodian key: identity records are sealed under the server key, which"
                            + " a seized server opens; run `custodians init` (docs/custodians.md)");
                }
            }
        });
        if (!offline) {
            checkAll(problems, "production settings", () -> CheckProductionSettings.problems(settings));
        }
        if (connect) {
            checkAll(problems, "mail servers", () -> CheckMailServers.problems(settings));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
        return 0;
    }

    /**
     * What the evidence examiner will lack here, as the service logs it at start: missing tools do not stop the
     * service, they cost copies or text (so warnings, not problems).
     */
    private static List<String> evidenceToolWarnings(Settings settings) {
        List<String> warnings = new ArrayList<>();
        if (!ExiftoolAvailability.isAvailable()) {
            warnings.add("no scrubbed copies will be kept: exiftool, which checks them, was not found (Debian:"
                    + " libimage-exiftool-perl)");
        }
        String ocrLanguages = settings.text("shahid.evidence.ocr-languages");
        if (settings.flag("shahid.evidence.ocr") && !OcrAvailability.isAvailable(ocrLanguages)) {
            warnings.add("OCR will be off: tesseract with languages " + ocrLanguages + " not found (Debian:"
                    + " tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng)");
        }
        warnings.addAll(PixelReencodingAvailability.problems(DecoderIsolation.ofSystem()));
        return warnings;
    }

    private void checkAll(List<String> problems, String what, java.util.function.Supplier<List<String>> check) {
        try {
            List<String> found = check.get();
            if (found.isEmpty()) {
                out().println("ok: " + what);
            }
            found.forEach(problem -> problems.add(what + ": " + problem));
        } catch (RuntimeException e) {
            problems.add(what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private void check(List<String> problems, String what, Runnable check) {
        try {
            check.run();
            out().println("ok: " + what);
        } catch (RuntimeException e) {
            problems.add(what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * Loads the route files into a Camel context that never starts a route, so nothing is polled, with the
     * real beans bound (offline, over a pool that never connects).
     */
    private void loadRoutes(Settings settings, ShahidConfiguration.Beans beans) {
        Path routes = settings.home().resolve("routes");
        if (!Files.isDirectory(routes)) {
            throw new IllegalArgumentException("no routes folder at " + routes.toAbsolutePath());
        }
        Main camel = ShahidService.camelFor(settings, routes, beans);
        camel.configure().withAutoStartup(false);
        try {
            camel.start();
            if (camel.getCamelContext().getRoutes().isEmpty()) {
                throw new IllegalArgumentException("no routes found in " + routes);
            }
        } catch (Exception e) {
            throw new IllegalArgumentException(rootMessage(e));
        } finally {
            camel.stop();
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
