package org.shahid.intake;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the mailboxes are busy right now, so that background work (examining evidence) can give them the CPU
 * first: on two cores, Tika and Tesseract running beside a burst of mail slowed intake down by a third. Intake marks
 * each mail it starts and ends; the examiner waits for a quiet moment, but never longer than it is told, so under
 * steady load (where intake idles between polls) it is not held back at all. Thread-safe.
 */
public final class IntakeActivity {

    private final AtomicInteger inProgress = new AtomicInteger();
    private final java.util.List<Runnable> afterEachMail = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong lastEndedNanos = new AtomicLong(System.nanoTime() - Duration.ofHours(1).toNanos());

    /** Called when intake starts on a mail; pair with {@link #ended()}. */
    public void started() {
        inProgress.incrementAndGet();
    }

    public void ended() {
        lastEndedNanos.set(System.nanoTime());
        inProgress.decrementAndGet();
        afterEachMail.forEach(Runnable::run);
    }

    /** Runs {@code listener} on intake's thread after each mail (e.g. to wake the outbox); it must return fast. */
    public void afterEachMail(Runnable listener) {
        afterEachMail.add(listener);
    }

    /** True while a mail is in intake, or one ended less than {@code quiet} ago. */
    public boolean busy(Duration quiet) {
        return inProgress.get() > 0 || System.nanoTime() - lastEndedNanos.get() < quiet.toNanos();
    }

    /** Waits until intake has been quiet for {@code quiet}, or {@code atMost} has passed. */
    public void awaitQuiet(Duration quiet, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (busy(quiet) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
