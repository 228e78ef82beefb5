package org.shahid.kernel;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Shahid's metrics registry, added once to Micrometer's global registry so that steps count without being
 * handed a registry. Tags are fixed vocabularies (mailbox name, outcome, purpose): never an address, a name,
 * a subject or a reference. Thread-safe.
 */
public final class IntakeMetrics {

    private static final PrometheusMeterRegistry PROMETHEUS = register();

    private IntakeMetrics() {
    }

    private static PrometheusMeterRegistry register() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Metrics.addRegistry(registry);
        return registry;
    }

    public static PrometheusMeterRegistry prometheus() {
        return PROMETHEUS;
    }

    /** Counts one mail's end: {@code outcome} is NEW_TICKET, FOLLOW_UP, DUPLICATE, QUARANTINED or RETRY. */
    public static void mailProcessed(String mailbox, String outcome) {
        Metrics.counter("shahid.mail.processed", "mailbox", mailbox, "outcome", outcome).increment();
    }

    /** Counts one outbox delivery attempt's end: {@code result} is SENT, RETRY or FAILED. */
    public static void mailSent(String purpose, String result) {
        Metrics.counter("shahid.outbox.delivered", "purpose", purpose, "result", result).increment();
    }
}
