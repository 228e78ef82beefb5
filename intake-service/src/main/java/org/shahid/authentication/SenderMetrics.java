package org.shahid.authentication;

import io.micrometer.core.instrument.Metrics;

/**
 * Counters of what sender checks decided, on Micrometer's global registry (so they appear under {@code /metrics}).
 * Tags are fixed words, never an address or a reference. Thread-safe.
 */
public final class SenderMetrics {

    private SenderMetrics() {
    }

    /** An acknowledgement not sent: {@code reason} is AUTOMATED, NO_VALID_ADDRESS, SENDER_LIMIT or GLOBAL_LIMIT. */
    public static void acknowledgementSuppressed(String reason) {
        Metrics.counter("shahid.ack.suppressed", "reason", reason).increment();
    }

    /** A monitors' notification held back for the digest because its sender passed the hourly cap. */
    public static void notificationHeld() {
        Metrics.counter("shahid.monitors.notification.held").increment();
    }

    /** A delivery report about Shahid's own mail: {@code kind} is BOUNCED, DELAYED or UNMATCHED. */
    public static void deliveryReport(String kind) {
        Metrics.counter("shahid.outbox.delivery.report", "kind", kind).increment();
    }
}
