package org.shahid.intake;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds the time one mail may spend in parsing and redaction ({@code shahid.intake.parse-budget}). Past it the
 * work is interrupted and {@link IntakeBudgetExceeded} tells {@link IngestMail} to quarantine the mail at once:
 * retrying it on every poll would stall its mailbox for good. The rules themselves are linear in time; this is the
 * backstop for what nobody foresaw. Thread-safe.
 */
public final class IntakeBudget implements AutoCloseable {

    private final Duration budget;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "shahid-intake-parse");
        thread.setDaemon(true);
        return thread;
    });

    public IntakeBudget(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("shahid.intake.parse-budget must be positive, was " + budget);
        }
        this.budget = budget;
    }

    /** Runs the work within the budget; its own exceptions come out unchanged. */
    public <T> T within(Callable<T> work) throws Exception {
        Future<T> running = workers.submit(work);
        try {
            return running.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new IntakeBudgetExceeded(budget);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** A mail that used up its parsing budget: quarantined without further attempts. */
    public static final class IntakeBudgetExceeded extends QuarantineAtOnce {
        IntakeBudgetExceeded(Duration budget) {
            super("parsing and redaction took longer than the budget of " + budget.toMillis() + " ms");
        }
    }
}
