package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.shahid.findings.Actor;
import org.shahid.findings.ActorGroup;
import org.shahid.findings.MonitoringData;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * {@code #actor sample-unity-party}: names the finding's actor from the register; an actor not (yet) in the
 * register is named with its group, {@code #actor new-page-id media}.
 */
public record SetActor(String written,
                       @NotNull(message = "actor-missing")
                       @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "actor-invalid")
                       String id,
                       @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "actor-group-invalid")
                       String group) implements MonitorCommand {

    static SetActor parse(String written, String argument) {
        String[] words = argument.isEmpty() ? new String[0] : argument.toLowerCase(java.util.Locale.ROOT).split("\\s+");
        return new SetActor(written, words.length > 0 ? words[0] : null, words.length > 1 ? words[1] : null);
    }

    /** The actor's group: the register's, else the one written. */
    Optional<ActorGroup> groupIn(MonitoringData monitoring) {
        String groupId = monitoring.actors().find(id).map(Actor::group).orElse(group);
        return groupId == null ? Optional.empty() : monitoring.declaration().group(groupId);
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        MonitoringData monitoring = scope.parts().monitoring();
        Optional<Actor> registered = monitoring.actors().find(id);
        String groups = String.join(", ", monitoring.declaration().groups().stream().map(ActorGroup::id).toList());
        if (registered.isPresent() && group != null && !group.equals(registered.get().group())) {
            problems.add(CommandProblem.of("actor-in-other-group", written, id, registered.get().group()));
        } else if (registered.isEmpty() && group == null) {
            problems.add(CommandProblem.of("actor-not-registered", written, id, groups));
        } else if (registered.isEmpty() && monitoring.declaration().group(group).isEmpty()) {
            problems.add(CommandProblem.of("actor-unknown-group", written, group, groups));
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        String groupId = groupIn(scope.parts().monitoring()).orElseThrow().id();
        scope.parts().findings().set(scope.handle(), scope.ticket().id(), scope.now(), "actor_id", id,
                "actor_group", groupId);
        scope.record(TicketEventKind.ACTOR_SET, id + " (" + groupId + ")");
        return status;
    }

    @Override
    public boolean passesToCluster() {
        return true;
    }
}
