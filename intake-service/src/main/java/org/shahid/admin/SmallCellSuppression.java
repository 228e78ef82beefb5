package org.shahid.admin;

import java.util.Locale;
import org.shahid.tickets.DurationPercentiles;

/**
 * The transparency report's privacy rule: a count from 1 to {@code minCount - 1} prints as {@code <minCount}, a
 * share only when neither of its counts is suppressed, and times only when at least {@code minCount} tickets
 * contribute, so that a rare figure in a small period cannot single out a reporter. Immutable.
 */
final class SmallCellSuppression {

    private final int minCount;

    SmallCellSuppression(int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("--min-count must be at least 1, not " + minCount);
        }
        this.minCount = minCount;
    }

    int minCount() {
        return minCount;
    }

    ReportSection.Cell count(long count) {
        return suppresses(count) ? new ReportSection.Cell("<" + minCount, ReportSection.Cell.Kind.SUPPRESSED)
                : ReportSection.Cell.number(Long.toString(count));
    }

    /** {@code part} as a percentage of {@code whole}, one decimal. */
    ReportSection.Cell share(long part, long whole) {
        if (whole == 0) {
            return ReportSection.Cell.EMPTY;
        }
        if (suppresses(part) || suppresses(whole)) {
            return ReportSection.Cell.WITHHELD;
        }
        return ReportSection.Cell.number(String.format(Locale.ROOT, "%.1f", 100.0 * part / whole));
    }

    ReportSection.Cell medianHours(DurationPercentiles times) {
        return times.count() == 0 ? ReportSection.Cell.EMPTY
                : publishes(times) ? hours(times.median().toMillis()) : ReportSection.Cell.WITHHELD;
    }

    ReportSection.Cell p90Hours(DurationPercentiles times) {
        return times.count() == 0 ? ReportSection.Cell.EMPTY
                : publishes(times) ? hours(times.p90().toMillis()) : ReportSection.Cell.WITHHELD;
    }

    /** The rule in one sentence, for the report itself. */
    String rule() {
        if (minCount == 1) {
            return "Privacy: no count is suppressed (--min-count 1); no reference, pseudonym, address, text or monitor"
                    + " name appears.";
        }
        return "Privacy: counts from 1 to " + (minCount - 1) + " print as <" + minCount + ", and shares and times only"
                + " when at least " + minCount + " tickets contribute, so that no reporter can be singled out; no"
                + " reference, pseudonym, address, text or monitor name appears.";
    }

    private boolean suppresses(long count) {
        return count > 0 && count < minCount;
    }

    private boolean publishes(DurationPercentiles times) {
        return times.count() >= minCount;
    }

    private static ReportSection.Cell hours(long millis) {
        return ReportSection.Cell.number(String.format(Locale.ROOT, "%.1f", millis / 3_600_000.0));
    }
}
