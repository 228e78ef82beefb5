package org.shahid.findings;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What monitors found about one ticket: the actor and its group, the commitment broken, the verdict and its
 * severity, and the escalation to a platform with its outcome. Any part may still be missing. Immutable.
 */
public record Finding(long ticketId, String actorId, String actorGroup, String commitmentId, String verdict,
                      Instant verdictAt, String severity, String platformId, String escalationReference,
                      Instant escalatedAt, String platformAction, Instant platformActionAt) {

    /** Time from the escalation to the platform's recorded action. */
    public Optional<Duration> platformResponseTime() {
        return escalatedAt == null || platformActionAt == null ? Optional.empty()
                : Optional.of(Duration.between(escalatedAt, platformActionAt));
    }
}
