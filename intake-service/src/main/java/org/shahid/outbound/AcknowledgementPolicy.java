package org.shahid.outbound;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Limits acknowledgements per reporter pseudonym and hour ({@code shahid.ack.per-sender-per-hour}), so that a
 * forged sender or a loop the other guards miss cannot make Shahid send a flood. Thread-safe.
 */
public final class AcknowledgementPolicy {

    public static final String PURPOSE = "ACKNOWLEDGEMENT";

    private final OutboxDao outbox;
    private final int perHour;

    public AcknowledgementPolicy(OutboxDao outbox, int perHour) {
        this.outbox = outbox;
        this.perHour = perHour;
    }

    public boolean allows(Handle handle, String pseudonym, Instant now) {
        return outbox.countForPseudonymSince(handle, pseudonym, PURPOSE, now.minus(Duration.ofHours(1))) < perHour;
    }
}
