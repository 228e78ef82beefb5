package org.shahid.admin;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT, handled by the verb itself instead of a shutdown hook, which is what makes a clean stop exit
 * 0, not 143. Installed before the service starts: a stop asked for while it is still starting (an orchestrator
 * that saw it ready, a quick Ctrl+C) is kept and carried out once the start has returned, instead of reaching the
 * JVM's default handler. One instance per verb run.
 */
final class StopSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);

    private final CountDownLatch signalled = new CountDownLatch(1);

    private StopSignal() {
    }

    static StopSignal install() {
        StopSignal stop = new StopSignal();
        Signal.handle(new Signal("TERM"), signal -> stop.signalled.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.signalled.countDown());
        return stop;
    }

    /** Blocks until a stop is asked for (or was, earlier), then closes {@code resources} in order. */
    void awaitThenClose(AutoCloseable... resources) throws InterruptedException {
        signalled.await();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", resource.getClass().getSimpleName(), e.getClass().getSimpleName());
            }
        }
    }
}
