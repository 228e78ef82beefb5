package org.shahid.reports;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shahid.findings.Actor;
import org.shahid.findings.ActorGroup;
import org.shahid.findings.Commitment;
import org.shahid.findings.FindingFact;
import org.shahid.findings.MonitoringData;
import org.shahid.findings.Platform;
import org.shahid.language.Language;
import org.shahid.tickets.DurationPercentiles;

/**
 * The findings the monitoring body publishes for a period, as tables whose counts have passed
 * {@link SmallCellSuppression}: confirmed violations by actor (private individuals counted, never named), by group
 * and commitment, by category and platform, per day; time to verdict; platforms' response times. Words come from
 * {@code findings-labels_<lang>.properties}. Immutable.
 */
public record FindingsReport(Language language, LocalDate from, LocalDate to, String title, String period, String rule,
                      List<ReportSection> sections, Map<String, String> rowHeaders) {

    private static final List<String> VERDICTS = List.of("VIOLATION", "NO_VIOLATION", "UNVERIFIABLE");
    private static final List<String> ACTIONS = List.of("REMOVED", "LABELLED", "REFUSED", "NONE");
    private static final int MOST_DAYS = 400;

    public static FindingsReport of(List<FindingFact> facts, MonitoringData monitoring, List<String> categories,
                             LocalDate from, LocalDate to, Optional<LocalDate> electionDay, Language language,
                             SmallCellSuppression suppression) {
        ResourceBundle words = ResourceBundle.getBundle("org.shahid.admin.findings-labels",
                Locale.forLanguageTag(language.code()), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        Labels labels = new Labels(words, language, monitoring);
        List<FindingFact> violations = facts.stream().filter(FindingFact::isViolation).toList();
        List<ReportSection> sections = List.of(
                byActor(violations, labels, suppression),
                byGroupAndCommitment(violations, labels, suppression),
                byCategoryAndPlatform(violations, categories, labels, suppression),
                perDay(violations, from, to, electionDay, labels, suppression),
                timeToVerdict(facts, labels, suppression),
                platformResponses(facts, labels, suppression));
        String rule = suppression.minCount() == 1 ? words.getString("privacy_exact")
                : MessageFormat.format(words.getString("privacy"), suppression.minCount() - 1, suppression.minCount());
        return new FindingsReport(language, from, to, words.getString("title"),
                MessageFormat.format(words.getString("period"), from.toString(), to.toString()), rule, sections,
                Map.of("violations_by_actor", labels.word("actor"),
                        "violations_by_group_and_commitment", labels.word("commitment"),
                        "violations_by_category_and_platform", labels.word("category"),
                        "violations_per_day", labels.word("day"), "time_to_verdict", "",
                        "platform_response_times", labels.word("platform")));
    }

    /** The tables drawn as charts, and the columns drawn (several: stacked). */
    public static final Map<String, List<Integer>> CHARTS = Map.of("violations_by_actor", List.of(1),
            "violations_by_group_and_commitment", List.of(2), "violations_per_day", List.of(0),
            "platform_response_times", List.of(1, 2, 3, 4));

    public HtmlReport html() {
        List<Integer> platforms = new ArrayList<>();
        for (int column = 0; column < sections.get(2).columns().size(); column++) {
            platforms.add(column);
        }
        Map<String, List<Integer>> charts = new LinkedHashMap<>(CHARTS);
        charts.put("violations_by_category_and_platform", platforms);
        return new HtmlReport(language, title, period, List.of(rule), sections, charts,
                Map.of("violations_per_day", false), rowHeaders);
    }

    /** Names, group names and commitment texts in the report's language. */
    private record Labels(ResourceBundle words, Language language, MonitoringData monitoring) {

        String word(String key) {
            return words.getString(key);
        }

        /** The published name of an actor: registered name, or its id; never a private individual's. */
        String actor(String actorId, String groupId) {
            if (!monitoring.declaration().group(groupId).map(ActorGroup::namedInFindings).orElse(false)) {
                return word("private_individuals");
            }
            return monitoring.actors().find(actorId).map(Actor::name).orElse(actorId);
        }

        String group(String groupId) {
            return monitoring.declaration().group(groupId).map(group -> group.name().in(language)).orElse(groupId);
        }

        String commitment(String commitmentId) {
            return monitoring.declaration().groups().stream().flatMap(group -> group.commitments().stream())
                    .filter(commitment -> commitment.id().equals(commitmentId)).findFirst()
                    .map(commitment -> commitment.text().in(language).strip()).orElse(commitmentId);
        }

        String platform(FindingFact fact) {
            if (fact.finding().platformId() != null) {
                return fact.finding().platformId();
            }
            return fact.postUrls().stream().map(url -> monitoring.platforms().hosting(url)).flatMap(Optional::stream)
                    .map(Platform::id).findFirst().orElse("");
        }

        String platformName(String platformId) {
            return platformId.isEmpty() ? word("no_platform")
                    : monitoring.platforms().find(platformId).map(Platform::name).orElse(platformId);
        }
    }

    private static ReportSection byActor(List<FindingFact> violations, Labels labels,
                                         SmallCellSuppression suppression) {
        Map<List<String>, Long> counts = violations.stream().collect(Collectors.groupingBy(fact -> List.of(
                        labels.actor(fact.finding().actorId(), String.valueOf(fact.finding().actorGroup())),
                        labels.group(String.valueOf(fact.finding().actorGroup()))), LinkedHashMap::new,
                Collectors.counting()));
        List<ReportSection.Row> rows = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed())
                .forEach(entry -> rows.add(new ReportSection.Row(entry.getKey().get(0), List.of(
                        ReportSection.Cell.text(entry.getKey().get(1)), suppression.count(entry.getValue())))));
        return new ReportSection("violations_by_actor", labels.word("violations_by_actor"),
                List.of(labels.word("group"), labels.word("violations")), rows);
    }

    private static ReportSection byGroupAndCommitment(List<FindingFact> violations, Labels labels,
                                                      SmallCellSuppression suppression) {
        List<ReportSection.Row> rows = new ArrayList<>();
        for (ActorGroup group : labels.monitoring().declaration().groups()) {
            for (Commitment commitment : group.commitments()) {
                long count = violations.stream().filter(fact -> commitment.id()
                        .equals(fact.finding().commitmentId())).count();
                rows.add(new ReportSection.Row(commitment.id(), List.of(ReportSection.Cell.text(labels.group(group.id())),
                        ReportSection.Cell.text(labels.commitment(commitment.id())), suppression.count(count))));
            }
        }
        return new ReportSection("violations_by_group_and_commitment", labels.word("violations_by_group_and_commitment"),
                List.of(labels.word("group"), labels.word("text"), labels.word("violations")),
                rows);
    }

    private static ReportSection byCategoryAndPlatform(List<FindingFact> violations, List<String> categories,
                                                       Labels labels, SmallCellSuppression suppression) {
        List<String> platforms = new ArrayList<>(labels.monitoring().platforms().platforms().stream()
                .map(Platform::id).toList());
        platforms.add("");
        List<String> rowsOf = new ArrayList<>(categories);
        rowsOf.add("");
        List<String> columns = new ArrayList<>();
        platforms.forEach(platform -> columns.add(labels.platformName(platform)));
        List<ReportSection.Row> rows = new ArrayList<>();
        for (String category : rowsOf) {
            List<ReportSection.Cell> cells = new ArrayList<>();
            for (String platform : platforms) {
                cells.add(suppression.count(violations.stream().filter(fact -> category.equals(
                        fact.category() == null ? "" : fact.category()) && platform.equals(labels.platform(fact)))
                        .count()));
            }
            rows.add(new ReportSection.Row(category.isEmpty() ? labels.word("unclassified") : category, cells));
        }
        return new ReportSection("violations_by_category_and_platform",
                labels.word("violations_by_category_and_platform"), columns, rows);
    }

    private static ReportSection perDay(List<FindingFact> violations, LocalDate from, LocalDate to,
                                        Optional<LocalDate> electionDay, Labels labels,
                                        SmallCellSuppression suppression) {
        Map<LocalDate, Long> counts = violations.stream().collect(Collectors.groupingBy(
                fact -> fact.reportedAt().atZone(ZoneOffset.UTC).toLocalDate(), Collectors.counting()));
        List<ReportSection.Row> rows = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to) && rows.size() < MOST_DAYS; day = day.plusDays(1)) {
            String label = day + (electionDay.filter(day::equals).isPresent()
                    ? " (" + labels.word("election_day") + ")" : "");
            rows.add(new ReportSection.Row(label, List.of(suppression.count(counts.getOrDefault(day, 0L)))));
        }
        return new ReportSection("violations_per_day", labels.word("violations_per_day"),
                List.of(labels.word("violations")), rows);
    }

    private static ReportSection timeToVerdict(List<FindingFact> facts, Labels labels,
                                               SmallCellSuppression suppression) {
        List<ReportSection.Row> rows = new ArrayList<>();
        for (String verdict : VERDICTS) {
            List<Duration> times = facts.stream().filter(fact -> verdict.equals(fact.finding().verdict())
                            && fact.finding().verdictAt() != null)
                    .map(fact -> Duration.between(fact.reportedAt(), fact.finding().verdictAt())).toList();
            DurationPercentiles percentiles = DurationPercentiles.of(times);
            rows.add(new ReportSection.Row(labels.word("verdict_" + verdict.toLowerCase(Locale.ROOT)), List.of(
                    suppression.count(times.size()), suppression.medianHours(percentiles),
                    suppression.p90Hours(percentiles))));
        }
        return new ReportSection("time_to_verdict", labels.word("time_to_verdict"), List.of(
                labels.word("findings"), labels.word("median_hours"), labels.word("p90_hours")), rows);
    }

    private static ReportSection platformResponses(List<FindingFact> facts, Labels labels,
                                                   SmallCellSuppression suppression) {
        List<ReportSection.Row> rows = new ArrayList<>();
        for (Platform platform : labels.monitoring().platforms().platforms()) {
            List<FindingFact> escalated = facts.stream().filter(fact -> platform.id()
                    .equals(fact.finding().platformId()) && fact.finding().escalatedAt() != null).toList();
            List<ReportSection.Cell> cells = new ArrayList<>(List.of(suppression.count(escalated.size())));
            for (String action : ACTIONS) {
                cells.add(suppression.count(escalated.stream().filter(fact -> action
                        .equals(fact.finding().platformAction())).count()));
            }
            DurationPercentiles times = DurationPercentiles.of(escalated.stream().map(fact -> fact.finding()
                    .platformResponseTime()).flatMap(Optional::stream).toList());
            cells.add(suppression.medianHours(times));
            rows.add(new ReportSection.Row(platform.name(), cells));
        }
        Function<String, String> word = labels::word;
        return new ReportSection("platform_response_times", labels.word("platform_response_times"), List.of(
                word.apply("escalations"), word.apply("removed"), word.apply("labelled"),
                word.apply("refused"), word.apply("none"), word.apply("median_hours")), rows);
    }
}
