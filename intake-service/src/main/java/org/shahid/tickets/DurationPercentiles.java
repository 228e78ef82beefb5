package org.shahid.tickets;

import java.time.Duration;
import java.util.Collection;

/** Median and 90th percentile (nearest rank) of some durations, and how many there were. Immutable. */
public record DurationPercentiles(int count, Duration median, Duration p90) {

    public static DurationPercentiles of(Collection<Duration> durations) {
        Duration[] sorted = durations.stream().sorted().toArray(Duration[]::new);
        if (sorted.length == 0) {
            return new DurationPercentiles(0, Duration.ZERO, Duration.ZERO);
        }
        return new DurationPercentiles(sorted.length, rank(sorted, 50), rank(sorted, 90));
    }

    private static Duration rank(Duration[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
