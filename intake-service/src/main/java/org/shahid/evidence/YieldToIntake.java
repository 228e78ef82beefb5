package org.shahid.evidence;

import java.time.Duration;

/**
 * How the examiner gives the mailboxes the CPU first: it waits until intake has been quiet for a moment, but never
 * longer than {@code atMost}. Intake's activity answers it; the examiner knows nothing else of intake.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface YieldToIntake {

    void awaitQuiet(Duration atMost);
}
