package org.shahid.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget a goal leaves each mail, from the same phases the ratio is taken from. */
class MachineBudgetTest {

    @Test
    void leavesTheCoresOverTheGoalRateAndSaysWhatShahidSpentOutsideItsJvm() {
        List<Benchmark.PhaseResult> results = List.of(
                phase("baseline, text (before)", 1_000, 2.0, usage(1.0, Map.of(MachineCpu.BENCH, 0.6), 1_000)),
                phase("Shahid, text (inbox preloaded)", 1_000, 5.0, usage(10.0, Map.of(MachineCpu.SHAHID, 6.0,
                        MachineCpu.MARIADB, 2.5), 1_000)),
                phase("baseline, text (after)", 1_000, 3.0, usage(1.4, Map.of(MachineCpu.BENCH, 0.8), 1_000)));

        MachineBudget budget = MachineBudget.of(results, "text", 0.8, 2).orElseThrow();

        // baselines 500/s and 333.3/s: mean 416.7/s; at 0.8 that is 333.3/s on 2 cores, 6 ms a mail
        assertThat(budget.baselinePerSecond()).isCloseTo(416.667, within(1e-3));
        assertThat(budget.allowedMillisPerMail()).isCloseTo(6.0, within(1e-9));
        assertThat(budget.baselineMillisPerMail()).isCloseTo(1.2, within(1e-9));
        assertThat(budget.outsideShahidMillisPerMail()).isCloseTo(4.0, within(1e-9));
        assertThat(budget.toString()).startsWith("text at 0.8 of the baseline (333.3 mails/s): 6.00 ms")
                .contains("Shahid spent 10.00 (its JVM 6.00, MariaDB 2.50").endsWith("4.00 of it outside its JVM");
    }

    @Test
    void isAbsentWhereTheMachineWasNotMeasured() {
        List<Benchmark.PhaseResult> results = List.of(
                phase("baseline, mix (before)", 600, 1.0, null),
                phase("Shahid, mix (inbox preloaded)", 600, 2.0, null),
                phase("baseline, mix (after)", 600, 1.0, null));

        assertThat(MachineBudget.of(results, "mix", 0.6, 2)).isEmpty();
    }

    private static MachineCpu.Usage usage(double busySeconds, Map<String, Double> parties, int mails) {
        return new MachineCpu.Usage(1.0, busySeconds, parties, mails);
    }

    private static Benchmark.PhaseResult phase(String name, int mails, double seconds, MachineCpu.Usage machine) {
        return new Benchmark.PhaseResult(name, mails, seconds, 2.0, Percentiles.of(List.of()),
                Percentiles.of(List.of()), -1, -1, Double.NaN, null, machine);
    }
}
