package org.shahid.bench;

import java.util.Collection;

/** p50/p95/p99 of a set of durations in milliseconds (nearest rank). Immutable. */
record Percentiles(long p50, long p95, long p99, int count) {

    static Percentiles of(Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(-1, -1, -1, 0);
        }
        return new Percentiles(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.length);
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return count == 0 ? "n/a" : p50 + " / " + p95 + " / " + p99 + " ms";
    }


}
