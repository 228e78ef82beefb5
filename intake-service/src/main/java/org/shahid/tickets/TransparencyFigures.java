package org.shahid.tickets;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The exact figures of a transparency report for one period, before any small-cell suppression: the admin
 * {@code report} verb suppresses and prints them. Automated tickets (auto-replies, bounces, list mail) count only in
 * {@link #automatedExcluded}; every breakdown after the monthly counts is of reports, not comments. Immutable.
 */
public record TransparencyFigures(
        ReportingPeriod period,
        SortedMap<YearMonth, Long> reportsPerMonth,
        SortedMap<YearMonth, Long> commentsPerMonth,
        Map<String, Long> reportsByStatus,
        Map<String, Long> reportsByConfirmedCategory,
        Map<String, Long> reportsByLanguage,
        long reports,
        long reportsWithEvidence,
        long reportsWithHostileEvidence,
        long reportsLinkedByEvidence,
        DurationPercentiles timeToFirstMonitorAction,
        DurationPercentiles timeToClosing,
        long automatedExcluded,
        long quarantinedMails,
        long unsealRequests,
        long unsealApprovals,
        ServiceLevelBreaches serviceLevelBreaches) {

    /** Reports of the period that missed a service level (monitoring/service-levels.yaml), by measure. */
    public record ServiceLevelBreaches(long firstAction, long resolution) {
    }

    /** What the category breakdown calls a report that no monitor has categorised. */
    public static final String UNCLASSIFIED = "unclassified";

    /** The figures of {@code tickets} (all received in {@code period}) plus the counts kept outside tickets. */
    static TransparencyFigures tally(ReportingPeriod period, List<TicketFacts> tickets, long quarantinedMails,
                                     long unsealRequests, long unsealApprovals, ServiceLevelBreaches breaches) {
        List<TicketFacts> counted = tickets.stream().filter(ticket -> !ticket.automated()).toList();
        List<TicketFacts> reports = only(counted, TicketKind.REPORT);
        return new TransparencyFigures(period,
                perMonth(reports), perMonth(only(counted, TicketKind.COMMENT)),
                countBy(reports, report -> report.status().toLowerCase(Locale.ROOT)),
                countBy(reports, report -> report.confirmedCategory().orElse(UNCLASSIFIED)),
                countBy(reports, TicketFacts::language),
                reports.size(),
                count(reports, TicketFacts::hasEvidence),
                count(reports, TicketFacts::hasHostileEvidence),
                count(reports, TicketFacts::linkedByEvidence),
                DurationPercentiles.of(durations(reports, TicketFacts::firstMonitorActionAt)),
                DurationPercentiles.of(durations(reports, TicketFacts::closedAt)),
                tickets.size() - counted.size(), quarantinedMails, unsealRequests, unsealApprovals, breaches);
    }

    private static List<TicketFacts> only(List<TicketFacts> tickets, TicketKind kind) {
        return tickets.stream().filter(ticket -> ticket.kind() == kind).toList();
    }

    private static SortedMap<YearMonth, Long> perMonth(List<TicketFacts> tickets) {
        TreeMap<YearMonth, Long> counts = tickets.stream().collect(Collectors.groupingBy(
                ticket -> YearMonth.from(ticket.receivedAt().atOffset(ZoneOffset.UTC)), TreeMap::new,
                Collectors.counting()));
        return Collections.unmodifiableSortedMap(counts);
    }

    private static Map<String, Long> countBy(List<TicketFacts> tickets, Function<TicketFacts, String> key) {
        return Collections.unmodifiableMap(tickets.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.counting())));
    }

    private static long count(List<TicketFacts> tickets, Predicate<TicketFacts> condition) {
        return tickets.stream().filter(condition).count();
    }

    private static List<Duration> durations(List<TicketFacts> tickets,
                                            Function<TicketFacts, Optional<Instant>> moment) {
        return tickets.stream()
                .flatMap(ticket -> moment.apply(ticket).stream()
                        .map(at -> Duration.between(ticket.receivedAt(), at)))
                .toList();
    }
}
