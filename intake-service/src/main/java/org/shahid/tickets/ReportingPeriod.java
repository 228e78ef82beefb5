package org.shahid.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The days a transparency report covers, in UTC: from the start of {@code from} (inclusive) to the start of
 * {@code to} (exclusive); an absent end is open. Immutable.
 */
public record ReportingPeriod(Optional<LocalDate> from, Optional<LocalDate> to) {

    public ReportingPeriod {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("empty period: " + from.get() + " is not before " + to.get());
        }
    }

    public static ReportingPeriod allTime() {
        return new ReportingPeriod(Optional.empty(), Optional.empty());
    }

    /** A SQL condition on {@code column} that the statement must bind with {@link #bindTo}. */
    String condition(String column) {
        String lower = from.isPresent() ? column + " >= :periodStart" : "TRUE";
        String upper = to.isPresent() ? column + " < :periodEnd" : "TRUE";
        return "(" + lower + " AND " + upper + ")";
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        from.ifPresent(day -> statement.bind("periodStart", startOf(day)));
        to.ifPresent(day -> statement.bind("periodEnd", startOf(day)));
        return statement;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
