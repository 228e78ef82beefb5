package org.shahid.admin;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.shahid.outbound.OutboxDao;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outbox [list|retry ID]}: mail waiting, sent or failed; recipients and content are never shown. */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "List the outbox (no recipients or content shown), or retry a failed mail.")
public final class OutboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Parameters(index = "0", arity = "0..1", defaultValue = "list", description = "list or retry")
    String action;

    @Parameters(index = "1", arity = "0..1", description = "The outbox id, with retry.")
    Long id;

    @Option(names = "--status", description = "With list: PENDING, SENDING, SENT, FAILED or BOUNCED.")
    String status;

    @Override
    public Integer call() {
        OutboxDao outbox = new OutboxDao();
        try (AdminContext context = AdminContext.open(shahid.settings())) {
            switch (action) {
                case "list" -> {
                    out().printf("%-6s %-20s %-16s %-8s %-8s %-24s %s%n", "ID", "TICKET", "PURPOSE", "STATUS",
                            "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR");
                    context.database().jdbi().withHandle(handle -> outbox.list(handle, status, 200))
                            .forEach(row -> out().printf("%-6d %-20s %-16s %-8s %-8d %-24s %s%n", row.id(),
                                    row.ticketReference(), row.purpose(), row.status(), row.attempts(),
                                    row.nextAttemptAt(), row.lastError() == null ? "" : row.lastError()));
                    out().println(context.database().jdbi().withHandle(new org.shahid.outbound.OutboxTotals()::line));
                }
                case "retry" -> {
                    if (id == null) {
                        throw new IllegalArgumentException("retry needs an outbox id");
                    }
                    boolean queued = context.database().jdbi().withHandle(handle -> outbox.retry(handle, id, Instant.now()));
                    if (!queued) {
                        throw new IllegalArgumentException("outbox mail " + id + " is not FAILED");
                    }
                    out().println("outbox mail " + id + " queued again");
                }
                default -> throw new IllegalArgumentException("unknown action '" + action + "'; use list or retry");
            }
            return 0;
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
