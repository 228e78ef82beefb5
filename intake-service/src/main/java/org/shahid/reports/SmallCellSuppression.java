package org.shahid.reports;

import java.util.Locale;
import org.shahid.tickets.DurationPercentiles;

/**
 * The transparency report's privacy rule: a count from 1 to {@code minCount - 1} prints as {@code <minCount}, every
 * other count is rounded to the nearest multiple of {@code minCount}, a share is computed from the rounded counts
 * and only when neither is suppressed, and times only when at least {@code minCount} tickets contribute. Rounding
 * is what keeps a suppressed cell suppressed: with exact counts, "5 reports, 71.4%" gives the total (7), and the
 * total minus the published months gives the hidden one. Immutable.
 */
public final class SmallCellSuppression {

    private final int minCount;

    public SmallCellSuppression(int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("--min-count must be at least 1, not " + minCount);
        }
        this.minCount = minCount;
    }

    int minCount() {
        return minCount;
    }

    public ReportSection.Cell count(long count) {
        return suppresses(count) ? new ReportSection.Cell("<" + minCount, ReportSection.Cell.Kind.SUPPRESSED)
                : ReportSection.Cell.number(Long.toString(rounded(count)));
    }

    /** A published count: to the nearest multiple of {@code minCount} (never below it). */
    private long rounded(long count) {
        return minCount == 1 || count == 0 ? count
                : Math.max(minCount, Math.round(count / (double) minCount) * minCount);
    }

    /** {@code part} as a percentage of {@code whole}, one decimal. */
    public ReportSection.Cell share(long part, long whole) {
        if (whole == 0) {
            return ReportSection.Cell.EMPTY;
        }
        if (suppresses(part) || suppresses(whole)) {
            return ReportSection.Cell.WITHHELD;
        }
        long publishedPart = part == 0 ? 0 : rounded(part);
        return ReportSection.Cell.number(String.format(Locale.ROOT, "%.1f", 100.0 * publishedPart / rounded(whole)));
    }

    public ReportSection.Cell medianHours(DurationPercentiles times) {
        return times.count() == 0 ? ReportSection.Cell.EMPTY
                : publishes(times) ? hours(times.median().toMillis()) : ReportSection.Cell.WITHHELD;
    }

    public ReportSection.Cell p90Hours(DurationPercentiles times) {
        return times.count() == 0 ? ReportSection.Cell.EMPTY
                : publishes(times) ? hours(times.p90().toMillis()) : ReportSection.Cell.WITHHELD;
    }

    /** The rule in one sentence, for the report itself. */
    public String rule() {
        if (minCount == 1) {
            return "Privacy: no count is suppressed (--min-count 1); no reference, pseudonym, address, text or monitor"
                    + " name appears.";
        }
        return "Privacy: counts from 1 to " + (minCount - 1) + " print as <" + minCount + ", other counts are rounded to"
                + " the nearest " + minCount + " (shares are of the rounded counts), and times are shown only when at"
                + " least " + minCount + " tickets contribute, so that no reporter can be singled out; no reference,"
                + " pseudonym, address, text or monitor name appears.";
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
