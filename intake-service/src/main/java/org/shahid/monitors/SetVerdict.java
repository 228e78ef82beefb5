package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/** {@code #verdict violation|no-violation|unverifiable}: the finding's verdict; its time gives time to verdict. */
public record SetVerdict(String written,
                         @NotNull(message = "verdict-missing")
                         @Pattern(regexp = "violation|no-violation|unverifiable",
                                 message = "verdict-invalid")
                         String verdict) implements MonitorCommand {

    static SetVerdict parse(String written, String argument) {
        return new SetVerdict(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        String stored = verdict.toUpperCase(Locale.ROOT).replace('-', '_');
        scope.parts().findings().set(scope.handle(), scope.ticket().id(), scope.now(), "verdict", stored,
                "verdict_at", scope.now());
        scope.record(TicketEventKind.VERDICT_SET, verdict);
        return status;
    }

    @Override
    public boolean passesToCluster() {
        return true;
    }
}
