package org.shahid.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.shahid.language.Language;
import org.shahid.tickets.TicketStatus;
import org.shahid.tickets.TransparencyFigures;

/**
 * The transparency report as it may be published: the period, the privacy rule, notes on what is counted, and the
 * figures as tables whose cells have passed {@link SmallCellSuppression}. Every known status, category and
 * language gets a row, zero or not, so that a missing row gives nothing away. Immutable.
 */
public record TransparencyReport(Optional<LocalDate> from, Optional<LocalDate> to, int minCount, String rule,
                          List<String> notes, List<ReportSection> sections) {

    public static final List<String> LANGUAGES = Language.codes().stream().sorted().toList();

    /** The tables drawn as charts in the HTML report, and the columns drawn (several: stacked). */
    private static final java.util.Map<String, List<Integer>> CHARTS = java.util.Map.of(
            "received_per_month", List.of(0, 1), "reports_by_status", List.of(0),
            "reports_by_category", List.of(0), "reports_by_language", List.of(0));

    public static TransparencyReport of(TransparencyFigures figures, List<String> knownCategories,
                                 SmallCellSuppression suppression) {
        List<String> notes = List.of(
                "Times are UTC; the period includes its first day and excludes its last.",
                "Automated mails (auto-replies, bounces, mailing lists) are left out of every figure but their own.",
                "Below the monthly counts, figures are of violation reports, not of comments.");
        List<String> categories = new ArrayList<>(knownCategories);
        categories.add(TransparencyFigures.UNCLASSIFIED);
        return new TransparencyReport(figures.period().from(), figures.period().to(), suppression.minCount(),
                suppression.rule(), notes, List.of(
                perMonth(figures, suppression),
                byKey("reports_by_status", "Reports by status", statuses(), figures.reportsByStatus(), suppression),
                byKey("reports_by_category", "Reports by category (as confirmed by a monitor)", categories,
                        figures.reportsByConfirmedCategory(), suppression),
                byKey("reports_by_language", "Reports by language", LANGUAGES, figures.reportsByLanguage(),
                        suppression),
                evidence(figures, suppression),
                responseTimes(figures, suppression),
                new ReportSection("mail_handling", "Mail handling", List.of("mails"), List.of(
                        row("automated or bounce mails, not counted above", suppression.count(figures.automatedExcluded())),
                        row("mails quarantined (could not be processed)", suppression.count(figures.quarantinedMails())))),
                new ReportSection("service_levels", "Reports that missed a service level", List.of("reports"),
                        List.of(row("first action later than promised",
                                        suppression.count(figures.serviceLevelBreaches().firstAction())),
                                row("resolution later than promised",
                                        suppression.count(figures.serviceLevelBreaches().resolution())))),
                new ReportSection("unsealing", "Unsealing of a reporter's identity", List.of("requests"), List.of(
                        row("requested", suppression.count(figures.unsealRequests())),
                        row("approved", suppression.count(figures.unsealApprovals()))))));
    }

    private static ReportSection perMonth(TransparencyFigures figures, SmallCellSuppression suppression) {
        List<ReportSection.Row> rows = new ArrayList<>();
        for (YearMonth month : months(figures)) {
            rows.add(row(month.toString(), suppression.count(figures.reportsPerMonth().getOrDefault(month, 0L)),
                    suppression.count(figures.commentsPerMonth().getOrDefault(month, 0L))));
        }
        return new ReportSection("received_per_month", "Received per month", List.of("reports", "comments"), rows);
    }

    /** Every month of the period, or from the first to the last month with mail where the period is open. */
    private static List<YearMonth> months(TransparencyFigures figures) {
        List<YearMonth> seen = Stream.of(figures.reportsPerMonth(), figures.commentsPerMonth())
                .map(SortedMap::keySet).flatMap(Set::stream).sorted().toList();
        Optional<YearMonth> first = figures.period().from().map(YearMonth::from)
                .or(() -> seen.stream().findFirst());
        Optional<YearMonth> last = figures.period().to().map(day -> YearMonth.from(day.minusDays(1)))
                .or(() -> seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(seen.size() - 1)));
        if (first.isEmpty() || last.isEmpty()) {
            return List.of();
        }
        return Stream.iterate(first.get(), month -> !month.isAfter(last.get()), month -> month.plusMonths(1))
                .toList();
    }

    private static ReportSection byKey(String key, String title, List<String> known, Map<String, Long> counts,
                                       SmallCellSuppression suppression) {
        Set<String> labels = new LinkedHashSet<>(known);
        labels.addAll(counts.keySet());
        return new ReportSection(key, title, List.of("reports"), labels.stream()
                .map(label -> row(label, suppression.count(counts.getOrDefault(label, 0L)))).toList());
    }

    private static List<String> statuses() {
        return Arrays.stream(TicketStatus.values()).map(status -> status.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static ReportSection evidence(TransparencyFigures figures, SmallCellSuppression suppression) {
        return new ReportSection("evidence", "Evidence", List.of("reports", "percent"), List.of(
                row("with evidence files", suppression.count(figures.reportsWithEvidence()),
                        suppression.share(figures.reportsWithEvidence(), figures.reports())),
                row("with a file flagged hostile (executable, zip bomb)",
                        suppression.count(figures.reportsWithHostileEvidence()),
                        suppression.share(figures.reportsWithHostileEvidence(), figures.reportsWithEvidence())),
                row("linked to others by shared evidence (coordinated campaigns)",
                        suppression.count(figures.reportsLinkedByEvidence()),
                        suppression.share(figures.reportsLinkedByEvidence(), figures.reports()))));
    }

    private static ReportSection responseTimes(TransparencyFigures figures, SmallCellSuppression suppression) {
        return new ReportSection("response_times", "Time from receipt (hours)",
                List.of("reports", "median_hours", "p90_hours"), List.of(
                row("to the first action of a monitor", suppression.count(figures.timeToFirstMonitorAction().count()),
                        suppression.medianHours(figures.timeToFirstMonitorAction()),
                        suppression.p90Hours(figures.timeToFirstMonitorAction())),
                row("to closing", suppression.count(figures.timeToClosing().count()),
                        suppression.medianHours(figures.timeToClosing()),
                        suppression.p90Hours(figures.timeToClosing()))));
    }

    private static ReportSection.Row row(String label, ReportSection.Cell... cells) {
        return new ReportSection.Row(label, List.of(cells));
    }

    /** The report as a printable HTML page with SVG charts and a CSV per table (the {@code report --out} form). */
    public HtmlReport html() {
        String period = "Reports received " + from.map(day -> "from " + day).orElse("since the start")
                + to.map(day -> " to " + day + " (excluded)").orElse("") + ", UTC";
        List<String> all = new ArrayList<>(List.of(rule));
        all.addAll(notes);
        return new HtmlReport(Language.ENGLISH, "Shahid transparency report", period, all, sections, CHARTS,
                java.util.Map.of("received_per_month", false), java.util.Map.of());
    }
}
