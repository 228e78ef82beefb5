package org.shahid.tickets;

import java.time.Instant;
import java.util.Optional;

/**
 * What the transparency report needs to know of one ticket, and nothing that could name its reporter: no
 * reference, pseudonym, text or monitor. Immutable.
 */
record TicketFacts(TicketKind kind, String status, String language, boolean automated, Instant receivedAt,
                   Optional<String> confirmedCategory, Optional<Instant> firstMonitorActionAt,
                   Optional<Instant> closedAt, boolean hasEvidence, boolean hasHostileEvidence,
                   boolean linkedByEvidence) {
}
