package org.shahid.admin;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.shahid.config.ShahidCommand;
import org.shahid.sealing.UnsealAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code audit [--ticket REF]}: the append-only trail of unsealing, oldest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "List the audit trail of unsealing: who, when, which ticket, why, what.")
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Option(names = "--ticket", description = "Only this ticket reference.")
    String reference;

    @Override
    public Integer call() {
        try (AdminContext context = AdminContext.open(shahid.settings())) {
            context.database().jdbi().useHandle(handle -> {
                Optional<Long> ticketId = Optional.empty();
                if (reference != null) {
                    ticketId = Optional.of(handle.createQuery("SELECT id FROM ticket WHERE reference = :reference")
                            .bind("reference", reference.strip())
                            .mapTo(Long.class).findOne()
                            .orElseThrow(() -> new IllegalArgumentException("no ticket " + reference)));
                }
                out().printf("%-6s %-24s %-16s %-9s %-20s %-7s %s%n", "ID", "WHEN", "WHO", "WHAT", "TICKET",
                        "REQUEST", "WHY / DETAIL");
                for (UnsealAudit.Entry entry : new UnsealAudit().list(handle, ticketId)) {
                    String why = entry.reason() == null ? "" : entry.reason();
                    String detail = entry.detail() == null ? "" : entry.detail();
                    out().printf("%-6d %-24s %-16s %-9s %-20s %-7s %s%n", entry.id(), entry.occurredAt(),
                            entry.actor(), entry.action(), entry.ticketReference() == null ? "-" : entry.ticketReference(),
                            entry.requestId() == null ? "-" : entry.requestId(),
                            why + (why.isEmpty() || detail.isEmpty() ? "" : " / ") + detail);
                }
            });
            return 0;
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
