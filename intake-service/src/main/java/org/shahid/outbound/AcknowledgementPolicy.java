package org.shahid.outbound;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.authentication.SenderKey;

/**
 * Limits acknowledgements (and other answers to a reporter's mail) per sender and hour
 * ({@code shahid.ack.per-sender-per-hour}, keyed on the canonical address, so plus-tags and Gmail dots share one
 * limit) and in all per hour ({@code shahid.ack.global-per-hour}), so that forged senders or a loop the other guards
 * miss cannot make Shahid flood an inbox or relay. The sender's counter is taken in the caller's transaction
 * ({@link SendLimits}); the cap for all senders from blocks leased outside it ({@link SharedHourlyCap}), so that
 * concurrent intakes do not queue on one row. Both hold under concurrent intake. Thread-safe.
 */
public final class AcknowledgementPolicy {

    public static final String PURPOSE = "ACKNOWLEDGEMENT";

    private final SendLimits limits;
    private final int perSenderPerHour;
    private final SharedHourlyCap global;

    public AcknowledgementPolicy(SendLimits limits, int perSenderPerHour, SharedHourlyCap global) {
        this.limits = limits;
        this.perSenderPerHour = perSenderPerHour;
        this.global = global;
    }

    /** Why this sender may not be answered now, or null when it may; takes one unit of each limit it passes. */
    public String refusalFor(Handle handle, SenderKey sender, Instant now) {
        if (!limits.take(handle, "ack-sender", sender.value(), perSenderPerHour, now)) {
            return "acknowledgement limit per sender and hour reached";
        }
        if (!global.take(now)) {
            return "acknowledgement limit per hour for all senders reached";
        }
        return null;
    }
}
