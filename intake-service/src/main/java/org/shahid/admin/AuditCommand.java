package org.shahid.admin;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.shahid.sealing.AuditChainCheck;
import org.shahid.sealing.UnsealAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code audit [--ticket REF]}: the append-only trail of unsealing, oldest first; {@code audit verify} checks its hash
 * chain and exits non-zero when a row was deleted, truncated, reordered or changed.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "List the audit trail of unsealing: who, when, which ticket, why, what.",
        subcommands = AuditCommand.Verify.class)
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
                UnsealAudit trail = new UnsealAudit(shahid.settings().path("shahid.data-dir"));
                for (UnsealAudit.Entry entry : trail.list(handle, ticketId)) {
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

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit's hash chain, its head outside the database, and the unseal requests.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(audit.shahid.settings())) {
                UnsealAudit trail = new UnsealAudit(context.settings().path("shahid.data-dir"));
                AuditChainCheck.Result result = context.database().jdbi()
                        .withHandle(handle -> new AuditChainCheck().check(handle, trail));
                result.problems().forEach(problem -> audit.spec.commandLine().getErr().println("audit verify: "
                        + problem));
                if (!result.holds()) {
                    throw new IllegalArgumentException("the unseal audit does not hold: " + result.problems().size()
                            + " problem(s), the first: " + result.problems().get(0));
                }
                audit.out().println("audit chain holds: " + result.entries() + " entries"
                        + (result.entriesBeforeChain() > 0 ? " (" + result.entriesBeforeChain()
                        + " from before the chain, listed but not covered)" : ""));
                return 0;
            }
        }
    }
}
