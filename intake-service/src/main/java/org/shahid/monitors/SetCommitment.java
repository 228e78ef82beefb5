package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.shahid.findings.ActorGroup;
import org.shahid.findings.Commitment;
import org.shahid.findings.Finding;
import org.shahid.findings.MonitoringData;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * {@code #commitment candidates-no-hate-speech}: the commitment of the declaration the finding's actor broke. It
 * must be one of the actor's group, the actor named in the same reply or earlier.
 */
public record SetCommitment(String written,
                            @NotNull(message = "commitment-missing")
                            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                                    message = "commitment-invalid")
                            String id) implements MonitorCommand {

    static SetCommitment parse(String written, String argument) {
        return new SetCommitment(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        MonitoringData monitoring = scope.parts().monitoring();
        Optional<ActorGroup> owner = monitoring.declaration().groupOf(id);
        Optional<ActorGroup> actorGroup = actorGroup(scope);
        if (owner.isEmpty()) {
            problems.add(CommandProblem.of("commitment-unknown", written, id));
        } else if (actorGroup.isEmpty()) {
            problems.add(CommandProblem.of("commitment-actor-first", written));
        } else if (!owner.get().id().equals(actorGroup.get().id())) {
            problems.add(CommandProblem.of("commitment-of-other-group", written, id, owner.get().id(),
                    actorGroup.get().id(), String.join(", ", actorGroup.get().commitments().stream().map(Commitment::id)
                    .toList())));
        }
        return status;
    }

    /** The group of the actor this reply names, else of the one the ticket's finding already has. */
    private static Optional<ActorGroup> actorGroup(CommandScope scope) {
        MonitoringData monitoring = scope.parts().monitoring();
        Optional<ActorGroup> named = scope.reply().commands().stream().filter(SetActor.class::isInstance)
                .map(SetActor.class::cast).reduce((first, second) -> second)
                .flatMap(actor -> actor.groupIn(monitoring));
        if (named.isPresent()) {
            return named;
        }
        return scope.parts().findings().find(scope.handle(), scope.ticket().id()).map(Finding::actorGroup)
                .flatMap(group -> monitoring.declaration().group(group));
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        scope.parts().findings().set(scope.handle(), scope.ticket().id(), scope.now(), "commitment_id", id);
        scope.record(TicketEventKind.COMMITMENT_SET, id);
        return status;
    }

    @Override
    public boolean passesToCluster() {
        return true;
    }
}
