package org.shahid.admin;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shahid.reports.FindingsReport;
import org.shahid.reports.SmallCellSuppression;
import org.shahid.kernel.Settings;
import org.shahid.findings.FindingFact;
import org.shahid.findings.FindingFactsDao;
import org.shahid.findings.MonitoringData;
import org.shahid.language.Language;
import org.shahid.monitors.Categories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code findings --from D --to D --out DIR [--lang ar|ckb|en] [--min-count N]}: writes the monitoring body's
 * findings for reports received in the period to {@code DIR/index.html}, its SVG charts and one CSV per table.
 * Reads {@code shahid.db.*}, the monitoring files and {@code shahid.monitoring.election-day}.
 */
@Command(name = "findings", mixinStandardHelpOptions = true, subcommands = ExportFindingCommand.class,
        description = "Write the findings (HTML, SVG charts, CSV) for a period, or export one finding's evidence.")
public final class FindingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, yyyy-mm-dd (inclusive, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, yyyy-mm-dd (exclusive, UTC).")
    String to;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder to write index.html, charts and CSV to.")
    Path out;

    @Option(names = "--lang", defaultValue = "en", description = "The report's language (default ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "5",
            description = "Counts from 1 to N-1 print as <N (default ${DEFAULT-VALUE}).")
    int minCount;

    ShahidCommand shahid() {
        return shahid;
    }

    @Override
    public Integer call() {
        if (from == null || to == null || out == null) {
            throw new IllegalArgumentException("needs --from, --to and --out (or: findings export REF --out FILE.zip)");
        }
        LocalDate first = day("--from", from);
        LocalDate last = day("--to", to);
        if (!first.isBefore(last)) {
            throw new IllegalArgumentException("--to must be after --from");
        }
        Language chosen = Language.fromCode(language).orElseThrow(() ->
                new IllegalArgumentException("unknown language '" + language + "'; use " + Language.listed()));
        SmallCellSuppression suppression = new SmallCellSuppression(minCount);
        Settings settings = shahid.settings();
        MonitoringData monitoring = MonitoringData.load(settings);
        List<String> categories = Categories.load(settings.home()
                .resolve(settings.text("shahid.monitors.categories-file"))).categoryNames();
        String electionDay = settings.text("shahid.monitoring.election-day", "");
        try (AdminContext context = AdminContext.open(settings)) {
            List<FindingFact> facts = context.database().jdbi().withHandle(handle -> new FindingFactsDao()
                    .between(handle, first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            last.atStartOfDay(ZoneOffset.UTC).toInstant()));
            FindingsReport.of(facts, monitoring, categories, first, last,
                    electionDay.isBlank() ? Optional.empty() : Optional.of(day("shahid.monitoring.election-day",
                            electionDay)), chosen, suppression).html().writeTo(out);
        }
        spec.commandLine().getOut().println(out.resolve("index.html"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static LocalDate day(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date; use yyyy-mm-dd");
        }
    }
}
