package org.shahid.intake;

/**
 * Intake's question to the outbox before a mail becomes a report: is this a delivery report about a mail Shahid
 * sent? Intake defines the question and the outbox answers it, so intake needs nothing of the outbox. Implementations
 * are thread-safe (intake asks from its worker threads).
 */
public interface DeliveryReportDiversion {

    /** True when the mail was taken out of intake (and handled elsewhere); false when intake should take it. */
    boolean divert(String mailboxName, byte[] raw);
}
