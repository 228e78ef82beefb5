package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The per-mail time budget of parsing and redaction. */
class IntakeBudgetTest {

    @Test
    void givesUpOnWorkPastTheBudgetAndInterruptsIt() {
        AtomicBoolean interrupted = new AtomicBoolean();
        try (IntakeBudget budget = new IntakeBudget(Duration.ofMillis(200))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> budget.within(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                interrupted.set(true);
                return "never";
            })).isInstanceOf(IntakeBudget.IntakeBudgetExceeded.class).isInstanceOf(QuarantineAtOnce.class)
                    .hasMessageContaining("budget of 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            Awaitility.await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
        }
    }

    @Test
    void returnsResultsAndPassesTheWorksOwnFailuresThrough() throws Exception {
        try (IntakeBudget budget = new IntakeBudget(Duration.ofSeconds(5))) {
            assertThat(budget.within(() -> "parsed")).isEqualTo("parsed");
            assertThatThrownBy(() -> budget.within(() -> {
                throw new org.shahid.parsing.UnparseableMailException("no headers");
            })).isInstanceOf(org.shahid.parsing.UnparseableMailException.class);
        }
    }
}
