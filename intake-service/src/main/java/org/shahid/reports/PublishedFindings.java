package org.shahid.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shahid.findings.FindingFact;
import org.shahid.findings.MonitoringData;
import org.shahid.language.Language;

/**
 * The findings report as other parts of Shahid publish it: writes the same folder as the {@code findings} command
 * (index.html, SVG charts, CSV) and hands back its confirmed violations by actor, already past the small-cell rule,
 * for a mail's summary. Used by the weekly findings mail to the leads. Immutable and thread-safe.
 */
public final class PublishedFindings {

    /** One row of "confirmed violations by actor": the actor as published, its group, the printed count. */
    public record ActorLine(String actor, String group, String violations) {
    }

    private final MonitoringData monitoring;
    private final List<String> categories;
    private final Optional<LocalDate> electionDay;
    private final SmallCellSuppression suppression;

    public PublishedFindings(MonitoringData monitoring, List<String> categories, Optional<LocalDate> electionDay,
                             int minCount) {
        this.monitoring = monitoring;
        this.categories = List.copyOf(categories);
        this.electionDay = electionDay;
        this.suppression = new SmallCellSuppression(minCount);
    }

    /** Writes the report of {@code [from, to)} in {@code language} to {@code folder}; returns its rows by actor. */
    public List<ActorLine> write(List<FindingFact> facts, LocalDate from, LocalDate to, Language language,
                                 Path folder) {
        FindingsReport report = FindingsReport.of(facts, monitoring, categories, from, to, electionDay, language,
                suppression);
        report.html().writeTo(folder);
        return report.sections().get(0).rows().stream().map(row -> new ActorLine(row.label(),
                row.cells().get(0).text(), row.cells().get(1).text())).toList();
    }
}
