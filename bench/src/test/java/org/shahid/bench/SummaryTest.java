package org.shahid.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary lines come from the table's own rows: Shahid against the mean of the baseline runs around it. */
class SummaryTest {

    @Test
    void takesTheRatioAgainstTheMeanOfTheBaselineRunsBeforeAndAfter() {
        List<Benchmark.PhaseResult> results = List.of(
                phase("baseline, mix (before)", 600, 1.0, -1),
                phase("Shahid, mix (inbox preloaded)", 600, 2.0, -1),
                phase("baseline, mix (after)", 600, 1.5, -1),
                phase("baseline, text (before)", 600, 1.0, -1),
                phase("Shahid, text (inbox preloaded)", 600, 1.25, -1),
                phase("baseline, text (after)", 600, 1.0, -1),
                phase("Shahid, mix at 20 mails/s", 200, 10.0, 840));

        BenchMain.Summary summary = BenchMain.Summary.of(results);

        assertThat(summary.shahidMix()).isCloseTo(300.0, within(1e-9));
        // baselines 600/s and 400/s: mean 500/s
        assertThat(summary.mixRatio()).isCloseTo(0.6, within(1e-9));
        assertThat(summary.shahidText()).isCloseTo(480.0, within(1e-9));
        assertThat(summary.textRatio()).isCloseTo(0.8, within(1e-9));
        assertThat(summary.ackP99At20()).isEqualTo(840);
    }

    private static Benchmark.PhaseResult phase(String name, int mails, double seconds, long ackP99) {
        Percentiles acknowledgements = ackP99 < 0 ? Percentiles.of(List.of())
                : Percentiles.of(List.of(ackP99 / 2, ackP99));
        return new Benchmark.PhaseResult(name, mails, seconds, 2.0, Percentiles.of(List.of()), acknowledgements,
                -1, -1, Double.NaN, null, null);
    }
}
