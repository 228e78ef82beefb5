package org.shahid.intake;

import jakarta.mail.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a mailbox use more than one core. camel-mail hands its route one mail at a time and flags it seen only when
 * the route returns, on the IMAP session that fetched it; so on its own a mailbox is drained by one thread that
 * spends most of its time waiting for MariaDB. When the route reaches a mail, the next few mails of the same poll
 * are handed to worker threads, which parse, seal and commit them while the route waits for its own mail's result.
 * <p>
 * What stays as before: IMAP is touched only by the consumer thread (the caller reads the raw mails and gives this
 * class ready tasks); a mail is flagged seen only after its own transaction committed; a task that ran but whose
 * mail the route never reached (shutdown, a failed poll) left a committed ticket and an unseen mail, which the next
 * poll recognises by its key, as after a crash. Bounded by a number of mails and of raw bytes in flight.
 * Thread-safe; one instance serves every mailbox route.
 */
public final class IntakeLookahead implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeLookahead.class);

    /** How far ahead to work: worker threads, and mails and raw bytes started but not yet taken by the route. */
    public record Limits(int workers, int mails, long bytes) {
        public Limits {
            if (workers < 0 || mails < 0 || bytes < 0) {
                throw new IllegalArgumentException("lookahead limits must not be negative");
            }
        }

        /** No lookahead: every mail is processed by the route's own thread, one after the other. */
        public static Limits off() {
            return new Limits(0, 0, 0);
        }
    }

    /** Reads one mail of the poll and returns its intake as a task, or empty when the route must handle it. */
    @FunctionalInterface
    public interface TaskFactory {
        Optional<Started> prepare(Message message);
    }

    /** A mail whose raw bytes were read: its intake, and how many bytes it holds until it has run. */
    public record Started(Callable<IngestMail.Disposition> intake, long bytes) {
    }

    private record InFlight(Future<IngestMail.Disposition> result, long bytes) {
    }

    private final Limits limits;
    private final ExecutorService workers;
    // Message objects belong to an open IMAP folder; weak keys let a closed folder's mails go.
    private final Map<Message, InFlight> inFlight = Collections.synchronizedMap(new WeakHashMap<>());

    public IntakeLookahead(Limits limits) {
        this.limits = limits;
        this.workers = limits.workers() == 0 || limits.mails() == 0 ? null
                : Executors.newFixedThreadPool(limits.workers(), new WorkerThreads());
    }

    /**
     * Starts the intake of the mails that follow {@code current} in {@code poll} (the poll's mails in the order
     * the route will see them), as far as the limits allow. Called on the consumer thread, which reads the raw
     * mails through {@code factory}.
     */
    public void startAhead(List<Message> poll, Message current, TaskFactory factory) {
        if (workers == null) {
            return;
        }
        int position = poll.indexOf(current);
        if (position < 0) {
            return;
        }
        for (Message next : poll.subList(position + 1, poll.size())) {
            if (inFlight.containsKey(next)) {
                continue;
            }
            Load load = load();
            if (load.mails() >= limits.mails()) {
                return;
            }
            long declared = declaredSize(next);
            if (load.mails() > 0 && load.bytes() + declared > limits.bytes()) {
                return;
            }
            Optional<Started> started = factory.prepare(next);
            if (started.isEmpty()) {
                continue;
            }
            inFlight.put(next, new InFlight(workers.submit(started.get().intake()), started.get().bytes()));
        }
    }

    /**
     * The result of {@code message}'s intake if it was started ahead, waiting for it; empty when it was not
     * (the route then handles it itself). Rethrows what the intake threw, e.g. {@link IntakeFailure}.
     */
    public Optional<IngestMail.Disposition> await(Message message) throws Exception {
        InFlight started = inFlight.remove(message);
        if (started == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(started.result().get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeFailure("interrupted while waiting for a mail's intake; it stays for the next poll");
        }
    }

    private record Load(int mails, long bytes) {
    }

    /** Mails started and not yet done: a finished task holds no raw bytes any more. */
    private Load load() {
        int mails = 0;
        long bytes = 0;
        synchronized (inFlight) {
            for (InFlight started : inFlight.values()) {
                if (!started.result().isDone()) {
                    mails++;
                    bytes += started.bytes();
                }
            }
        }
        return new Load(mails, bytes);
    }

    private static long declaredSize(Message message) {
        try {
            return Math.max(0, message.getSize());
        } catch (Exception e) {
            return 0;
        }
    }

    /** Lets started intakes finish (their tickets commit; the mails are flagged on the next poll). */
    @Override
    public void close() {
        if (workers == null) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                List<Runnable> dropped = new ArrayList<>(workers.shutdownNow());
                LOG.warn("{} intakes started ahead did not finish in 30 s; their mails stay for the next start",
                        dropped.size());
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "shahid-intake-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
