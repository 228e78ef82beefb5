package org.shahid.monitors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One command from the first lines of a monitor's reply, as a value that Hibernate Validator checks before
 * anything is applied. Immutable.
 */
public sealed interface MonitorCommand {

    /** How the command was written, for messages back to the monitor. */
    String written();

    record SetStatus(String written,
                     @NotNull(message = "needs a status: triaged, investigating, resolved, rejected or closed")
                     @Pattern(regexp = "triaged|investigating|resolved|rejected|closed",
                             message = "unknown status; use triaged, investigating, resolved, rejected or closed")
                     String status) implements MonitorCommand {
    }

    record Assign(String written,
                  @NotNull(message = "needs 'me' or a roster address")
                  @Pattern(regexp = "me|[^@\\s]+@[^@\\s]+", message = "needs 'me' or a roster address") String who)
            implements MonitorCommand {
    }

    record SetCategory(String written,
                       @NotNull(message = "needs a category name")
                       @Pattern(regexp = "[a-z0-9-]+", message = "category names are lower-case words joined by '-'")
                       String name) implements MonitorCommand {
    }

    record SetPriority(String written,
                       @NotNull(message = "needs a priority: low, normal, high or urgent")
                       @Pattern(regexp = "low|normal|high|urgent", message = "unknown priority; use low, normal, high or urgent")
                       String priority) implements MonitorCommand {
    }

    record AddNote(String written,
                   @NotBlank(message = "needs the text of the note") @Size(max = 900, message = "is longer than 900 characters")
                   String text) implements MonitorCommand {
    }

    record Close(String written,
                 @NotNull(message = "needs how it ends: resolved or rejected")
                 @Pattern(regexp = "resolved|rejected", message = "closes as resolved or rejected only") String resolution)
            implements MonitorCommand {
    }

    record Reject(String written,
                  @NotBlank(message = "needs a reason, e.g. #reject duplicate SHD-…")
                  @Size(max = 200, message = "reason is longer than 200 characters") String reason,
                  @Pattern(regexp = "SHD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", message = "is not a ticket reference")
                  String duplicateOf) implements MonitorCommand {
    }

    record Reopen(String written) implements MonitorCommand {
    }

    /** Applies the reply's verdict (and its message) to every ticket linked by shared evidence too. */
    record ApplyToCluster(String written) implements MonitorCommand {
    }
}
