package org.shahid.outbound;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox as soon as intake has committed a mail, instead of leaving its acknowledgement for the outbox
 * route's next trigger (up to {@code shahid.outbox.interval-ms} later). Wake-ups coalesce: while a run is queued,
 * more wake-ups add nothing; one that comes during a run queues exactly one more, so a row committed after a
 * run's last claim is not left behind. The route's trigger still runs (retries and backoff are its job). The
 * rows' claims keep concurrent runs apart. Thread-safe; one daemon thread.
 */
public final class OutboxWakeUp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWakeUp.class);

    private final SendOutbox outbox;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-wake-up");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public OutboxWakeUp(SendOutbox outbox) {
        this.outbox = outbox;
    }

    /** Asks for an outbox run soon; returns at once. */
    public void wake() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            runner.execute(this::run);
        } catch (RejectedExecutionException closing) {
            queued.set(false); // the service is stopping; the trigger's run after a restart sends it
        }
    }

    private void run() {
        queued.set(false);
        try {
            outbox.deliverDue();
        } catch (RuntimeException e) {
            // The outbox logs its own failures safely; the trigger retries. Say only that this run ended early.
            LOG.warn("Outbox run after intake ended early ({}); the outbox route retries",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        runner.shutdown();
        try {
            if (!runner.awaitTermination(10, TimeUnit.SECONDS)) {
                runner.shutdownNow();
            }
        } catch (InterruptedException e) {
            runner.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
