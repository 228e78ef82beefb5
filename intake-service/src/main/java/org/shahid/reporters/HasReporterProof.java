package org.shahid.reporters;

import org.jdbi.v3.core.Handle;

/**
 * True when a follow-up proves it comes from the ticket's reporter, which a withdrawal or an erasure needs: it
 * carried the ticket's receipt code, or its In-Reply-To/References name a mail Shahid sent to that ticket's reporter
 * (a Message-ID only the reporter received). A matching From address alone proves nothing: it is trivially forged.
 * Thread-safe.
 */
public final class HasReporterProof {

    public boolean test(Handle handle, ReporterFollowUp followUp) {
        if (followUp.joinedByReceiptCode()) {
            return true;
        }
        if (followUp.referencedMessageIds().isEmpty()) {
            return false;
        }
        return handle.createQuery("""
                        SELECT COUNT(*) FROM outbox
                        WHERE ticket_id = :ticket AND message_id IN (<ids>) AND recipient_sealed_id IS NOT NULL""")
                .bind("ticket", followUp.ticket().id())
                .bindList("ids", followUp.referencedMessageIds().stream().limit(50).toList())
                .mapTo(Long.class)
                .one() > 0;
    }
}
