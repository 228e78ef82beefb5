package org.shahid.admin;

import java.util.List;
import java.util.concurrent.Callable;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tickets}: lists the latest tickets, or shows one ({@code tickets SHD-…}) with its messages, evidence
 * and history. Shows only what monitors may see: pseudonyms, never identities.
 */
@Command(name = "tickets", mixinStandardHelpOptions = true, description = "List tickets, or show one by reference.")
public final class TicketsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Parameters(arity = "0..1", description = "A ticket reference to show in full.")
    String reference;

    @Option(names = "--limit", defaultValue = "50", description = "How many tickets to list (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (AdminContext context = AdminContext.open(shahid.settings())) {
            TicketDao tickets = new TicketDao();
            return context.database().jdbi().withHandle(handle -> {
                if (reference == null) {
                    List<Ticket> latest = tickets.latest(handle, limit);
                    out().printf("%-20s %-8s %-13s %-4s %-13s %-9s %s%n", "REFERENCE", "KIND", "STATUS", "LANG",
                            "REPORTER", "AUTOMATED", "OPENED");
                    latest.forEach(ticket -> out().printf("%-20s %-8s %-13s %-4s %-13s %-9s %s%n",
                            ticket.reference(), ticket.kind(), ticket.status(), ticket.language(),
                            ticket.reporterPseudonym(), ticket.automated() ? "yes" : "", ticket.createdAt()));
                    return 0;
                }
                Ticket ticket = tickets.findByReference(handle, new TicketReference(reference.toUpperCase()))
                        .orElseThrow(() -> new IllegalArgumentException("no ticket " + reference));
                out().println(ticket.reference() + "  " + ticket.kind() + "  " + ticket.status() + "  "
                        + ticket.language() + "  reporter " + ticket.reporterPseudonym());
                handle.createQuery("""
                                SELECT CONCAT(created_at, '  ', direction, '  ', subject, '\n', body_text)
                                FROM ticket_message WHERE ticket_id = :id ORDER BY id""")
                        .bind("id", ticket.id()).mapTo(String.class)
                        .forEach(message -> out().println("\n--- " + message));
                out().println("\nEvidence:");
                handle.createQuery("""
                                SELECT CONCAT_WS('  ', file_name, detected_type, size_bytes, IFNULL(sha256, 'not kept'),
                                                 IFNULL(CONCAT('copy ', scrubbed_sha256), 'no scrubbed copy'),
                                                 IFNULL(CONCAT('[', flags, ']'), ''), IFNULL(note, ''))
                                FROM attachment WHERE ticket_id = :id ORDER BY id""")
                        .bind("id", ticket.id()).mapTo(String.class).forEach(line -> out().println("  " + line));
                out().println("\nLinked tickets:");
                handle.createQuery("""
                                SELECT DISTINCT CONCAT_WS('  ', t.reference, l.kind) FROM evidence_link l
                                JOIN ticket t ON t.id = l.linked_ticket_id WHERE l.ticket_id = :id""")
                        .bind("id", ticket.id()).mapTo(String.class).forEach(line -> out().println("  " + line));
                out().println("\nHistory:");
                handle.createQuery("""
                                SELECT CONCAT_WS('  ', occurred_at, actor, kind, IFNULL(detail, ''))
                                FROM ticket_event WHERE ticket_id = :id ORDER BY id""")
                        .bind("id", ticket.id()).mapTo(String.class).forEach(line -> out().println("  " + line));
                return 0;
            });
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
