package org.shahid.admin;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shahid.reconciliation.ReconcileMailboxes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code reconcile [--mailbox NAME]}: the daily reconciliation on demand (see {@code ReconcileMailboxes}): prints
 * per mailbox how many mails it checked, how many had become neither a ticket nor a quarantine entry, how many
 * it ingested, and the keys where the quarantine folder and the quarantine table disagree; exits 0 when it could
 * check every mailbox asked for, 1 otherwise. Safe beside running instances.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compare the mailboxes on the server with Shahid's records; ingest what was missed.")
public final class ReconcileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Option(names = "--mailbox", paramLabel = "NAME", description = "Only this mailbox (e.g. report).")
    String mailbox;

    @Override
    public Integer call() {
        try (AdminContext context = AdminContext.open(shahid.settings())) {
            List<ReconcileMailboxes.MailboxResult> results = context.beans().operations().reconcileMailboxes()
                    .reconcile(Optional.ofNullable(mailbox));
            for (ReconcileMailboxes.MailboxResult result : results) {
                if (result.wasChecked()) {
                    out().printf("%s: checked %d, unprocessed %d, ingested %d, quarantine folder %d, quarantine"
                                    + " records %d, in the folder without a record %d, records without mail %d%n",
                            result.mailbox(), result.checked(), result.unprocessed(), result.ingested(),
                            result.quarantineFolderMails(), result.quarantineRecords(),
                            result.quarantinedWithoutRecord().size(), result.recordsWithoutMail().size());
                    printKeys(result.mailbox() + ": in the quarantine folder without a record:",
                            result.quarantinedWithoutRecord());
                    printKeys(result.mailbox() + ": quarantine records whose mail is not in the folder:",
                            result.recordsWithoutMail());
                } else {
                    out().printf("%s: not checked: %s%n", result.mailbox(), result.problem());
                }
            }
            long failed = results.stream().filter(result -> !result.wasChecked()).count();
            if (failed > 0) {
                spec.commandLine().getErr().println("shahid reconcile: " + failed + " mailbox(es) could not be checked");
                return 1;
            }
            return 0;
        }
    }

    private void printKeys(String heading, List<String> keys) {
        if (!keys.isEmpty()) {
            out().println(heading + " " + String.join(", ", keys));
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
