package org.shahid.intake;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.shahid.sealing.ReceiptCode;
import org.shahid.sealing.Pseudonymizer;

/**
 * Issues a receipt code per new ticket (kept only as a keyed hash in {@code receipt_code}) and matches the code a
 * follow-up carries, from any address. Wrong codes are counted per sender rate key and clock hour
 * ({@link WrongCodeCount}, read under a lock, so the limit holds under concurrent intake): past
 * {@code shahid.receipt.max-wrong-per-hour}, that sender's codes are ignored, right ones too, so that guessing stops.
 * Called by {@link ResolveThread} and {@link MailIntake} inside the intake transaction. Thread-safe.
 */
public final class ReceiptCodes {

    /** What a follow-up's code did. */
    public enum Check { NONE, MATCHED, WRONG, RATE_LIMITED }

    public record Match(Check check, Optional<Long> ticketId) {
    }

    private static final String PURPOSE = "receipt";

    private final Pseudonymizer pseudonymizer;
    private final WrongCodeCount wrongCodes;
    private final int maxWrongPerHour;

    public ReceiptCodes(Pseudonymizer pseudonymizer, WrongCodeCount wrongCodes, int maxWrongPerHour) {
        this.pseudonymizer = pseudonymizer;
        this.wrongCodes = wrongCodes;
        this.maxWrongPerHour = maxWrongPerHour;
    }

    public ReceiptCode issue(Handle handle, long ticketId, Instant now) {
        ReceiptCode code = ReceiptCode.random();
        handle.createUpdate("INSERT INTO receipt_code (ticket_id, code_hash, created_at) VALUES (:ticket, :hash, :now)")
                .bind("ticket", ticketId)
                .bind("hash", hashOf(code))
                .bind("now", now)
                .execute();
        return code;
    }

    /** @param senderKey the sender's rate key, which wrong codes are counted by */
    public Match match(Handle handle, Optional<ReceiptCode> code, String senderKey, Instant now) {
        if (code.isEmpty()) {
            return new Match(Check.NONE, Optional.empty());
        }
        if (wrongCodes.lockedCount(handle, senderKey, now) >= maxWrongPerHour) {
            return new Match(Check.RATE_LIMITED, Optional.empty());
        }
        Optional<Long> ticket = handle.createQuery("SELECT ticket_id FROM receipt_code WHERE code_hash = :hash")
                .bind("hash", hashOf(code.get()))
                .mapTo(Long.class)
                .findOne();
        if (ticket.isPresent()) {
            return new Match(Check.MATCHED, ticket);
        }
        wrongCodes.add(handle, senderKey, now);
        return new Match(Check.WRONG, Optional.empty());
    }

    private String hashOf(ReceiptCode code) {
        return pseudonymizer.keyedHash(PURPOSE, code.value());
    }
}
