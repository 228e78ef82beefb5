package org.shahid.outbound;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.shahid.intake.WrongCodeCount;

/**
 * Counts wrong receipt codes in the send limits' hourly rows ({@link SendLimits}): one kind of counter and one way
 * to lock it, for intake's {@link WrongCodeCount}. Thread-safe.
 */
public final class CountWrongReceiptCodes implements WrongCodeCount {

    private static final String LIMIT = "wrong-receipt-code";

    private final SendLimits limits;

    public CountWrongReceiptCodes(SendLimits limits) {
        this.limits = limits;
    }

    @Override
    public int lockedCount(Handle handle, String senderKey, Instant now) {
        return limits.lockedCount(handle, LIMIT, senderKey, now);
    }

    @Override
    public void add(Handle handle, String senderKey, Instant now) {
        // Only counted here; whether the sender may still try is decided on the locked count.
        limits.take(handle, LIMIT, senderKey, Integer.MAX_VALUE, now);
    }
}
