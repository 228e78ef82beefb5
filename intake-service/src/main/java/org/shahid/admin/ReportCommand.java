package org.shahid.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shahid.reports.SmallCellSuppression;
import org.shahid.reports.TransparencyReport;
import org.shahid.reports.ReportFormat;
import org.shahid.monitors.Categories;
import org.shahid.tickets.ReportingPeriod;
import org.shahid.tickets.TransparencyFigures;
import org.shahid.tickets.TransparencyFiguresDao;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code report [--from DATE] [--to DATE] [--format text|csv|json] [--min-count N] [--out DIR]}: the transparency
 * report (with {@code --out}, also as HTML with charts and CSV files, as the findings are), the
 * figures a monitoring body publishes about the reports it received, with small counts suppressed. Reads
 * {@code shahid.db.*} and the category names of {@code shahid.monitors.categories-file}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the transparency report: figures about received reports, small counts suppressed.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    // Options are read as text so that a bad value gets the verbs' one-line reason, not picocli's usage dump.
    @Option(names = "--from", paramLabel = "DATE", description = "First day, yyyy-mm-dd (inclusive, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, yyyy-mm-dd (exclusive, UTC).")
    String to;

    @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "5",
            description = "Counts from 1 to N-1 print as <N (default ${DEFAULT-VALUE}).")
    String minCount;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write the report as index.html with SVG charts and a CSV per table to DIR.")
    java.nio.file.Path out;

    @Override
    public Integer call() {
        ReportingPeriod period = new ReportingPeriod(day("--from", from), day("--to", to));
        ReportFormat chosenFormat = ReportFormat.named(format);
        SmallCellSuppression suppression = new SmallCellSuppression(number("--min-count", minCount));
        try (AdminContext context = AdminContext.open(shahid.settings())) {
            TransparencyFigures figures = context.database().jdbi()
                    .withHandle(handle -> new TransparencyFiguresDao().figures(handle, period));
            List<String> categories = Categories.load(context.settings().home()
                    .resolve(context.settings().text("shahid.monitors.categories-file"))).categoryNames();
            TransparencyReport report = TransparencyReport.of(figures, categories, suppression);
            chosenFormat.write(report, spec.commandLine().getOut());
            if (out != null) {
                report.html().writeTo(out);
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static Optional<LocalDate> day(String option, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date; use yyyy-mm-dd");
        }
    }

    private static int number(String option, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a whole number");
        }
    }
}
