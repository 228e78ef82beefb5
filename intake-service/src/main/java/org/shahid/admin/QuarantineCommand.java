package org.shahid.admin;

import java.util.concurrent.Callable;
import org.shahid.intake.IntakeOutcome;
import org.shahid.intake.QuarantineDao;
import org.shahid.intake.ReleaseQuarantine;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.SealedBlobStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarantine [list|release ID|discard ID]}: the mails Shahid could not process, and what to do with them. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List quarantined mails; release one for another try, or discard it.")
public final class QuarantineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Parameters(index = "0", arity = "0..1", defaultValue = "list", description = "list, release or discard")
    String action;

    @Parameters(index = "1", arity = "0..1", description = "The quarantine entry id.")
    Long id;

    @Option(names = "--status", description = "With list: HELD, RELEASED or DISCARDED.")
    String status;

    @Override
    public Integer call() {
        try (AdminContext context = AdminContext.open(shahid.settings())) {
            switch (action) {
                case "list" -> list(context);
                case "release" -> {
                    IntakeOutcome outcome = releaser(context).release(requireId());
                    out().println("released: " + outcome.kind() + " " + outcome.ticket().map(Object::toString).orElse(""));
                }
                case "discard" -> {
                    releaser(context).discard(requireId());
                    out().println("discarded entry " + id + "; its sealed original is deleted");
                }
                default -> throw new IllegalArgumentException("unknown action '" + action + "'; use list, release or discard");
            }
            return 0;
        }
    }

    private void list(AdminContext context) {
        QuarantineDao quarantine = new QuarantineDao();
        out().printf("%-6s %-9s %-10s %-8s %-10s %s%n", "ID", "STATUS", "MAILBOX", "ATTEMPTS", "BYTES", "REASON");
        context.database().jdbi().withHandle(handle -> quarantine.list(handle, status, 200))
                .forEach(entry -> out().printf("%-6d %-9s %-10s %-8d %-10d %s%n", entry.id(), entry.status(),
                        entry.mailbox().name(), entry.attempts(), entry.rawSize(), entry.reason()));
    }

    private ReleaseQuarantine releaser(AdminContext context) {
        Keyring keyring = Keyring.load(context.settings().path("shahid.keys.dir"), false);
        return new ReleaseQuarantine(context.database().jdbi(), new QuarantineDao(),
                new SealedBlobStore(context.settings().path("shahid.data-dir"), keyring), context.beans().intake());
    }

    private long requireId() {
        if (id == null) {
            throw new IllegalArgumentException(action + " needs a quarantine entry id");
        }
        return id;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
