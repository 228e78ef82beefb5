package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/** {@code #category fake-accounts}: confirms or corrects the ticket's category, one of the category rules'. */
public record SetCategory(String written,
                          @NotNull(message = "category-missing")
                          @Pattern(regexp = "[a-z0-9-]+", message = "category-invalid")
                          String name) implements MonitorCommand {

    static SetCategory parse(String written, String argument) {
        return new SetCategory(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        if (!scope.parts().categories().isCategory(name)) {
            problems.add(CommandProblem.of("category-unknown", written,
                    String.join(", ", scope.parts().categories().categoryNames())));
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        scope.parts().triage().set(scope.handle(), scope.ticket().id(), "category", name, scope.now());
        scope.record(TicketEventKind.CATEGORY_SET, name);
        return status;
    }
}
