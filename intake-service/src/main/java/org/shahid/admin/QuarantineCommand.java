package org.shahid.admin;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.shahid.kernel.Settings;
import org.shahid.reconciliation.FindInQuarantineFolder;
import org.shahid.reconciliation.MailboxAccount;
import org.shahid.reconciliation.ReconcileMailboxes;
import org.shahid.sealing.CustodianKeys;
import org.shahid.sealing.CustodianShare;
import org.shahid.sealing.OpenQuarantinedOriginal;
import org.shahid.sealing.UnsealAudit;
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

/**
 * {@code quarantine [list|release ID|discard ID]}: the mails Shahid could not process, and what to do with them. A
 * release takes the mail from its mailbox's quarantine folder; when it is gone from there and its original is sealed
 * to the custodians, {@code release ID --reason TEXT --share FILE …} opens it with k shares presented together, or
 * {@code unseal request --quarantine ID} lets the custodians approve one at a time.
 */
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

    @Option(names = "--share", description = "With release, when the mail is no longer in its mailbox's quarantine"
            + " folder: a custodian's share file (or -), as many as the threshold, presented together"
            + " (passphrases SHAHID_CUSTODIAN_PASSPHRASE_1, _2, … or the terminal).")
    List<String> shareSources;

    @Option(names = "--reason", description = "With release by custodians: why (audited).")
    String reason;

    @Option(names = "--by", description = "With release by custodians: who asks (default: the account running this"
            + " command); audited.")
    String requester;

    @Override
    public Integer call() {
        try (AdminContext context = AdminContext.open(shahid.settings())) {
            switch (action) {
                case "list" -> list(context);
                case "release" -> {
                    IntakeOutcome outcome = release(context);
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

    private IntakeOutcome release(AdminContext context) {
        long entryId = requireId();
        ReleaseQuarantine releaser = releaser(context);
        if (shareSources == null || shareSources.isEmpty()) {
            return releaser.release(entryId);
        }
        QuarantineDao.Entry held = releaser.held(entryId);
        if (held.custodianKeyId() == null) {
            throw new IllegalArgumentException("quarantine entry " + entryId + " is not sealed to the custodians;"
                    + " release it without --share");
        }
        OpenQuarantinedOriginal custodians = new OpenQuarantinedOriginal(context.database().jdbi(), blobs(context),
                new UnsealAudit(context.settings().path("shahid.data-dir")), Clock.systemUTC());
        String who = requester != null ? requester : "account " + System.getProperty("user.name", "unknown");
        List<CustodianShare> shares = PresentedShares.read(shahid, shareSources, IllegalArgumentException::new);
        try {
            return releaser.release(entryId, entry -> custodians.open(new OpenQuarantinedOriginal.Request(entry.id(),
                    entry.sealedRaw(), entry.custodianKeyId(), who, reason, shares)));
        } finally {
            shares.forEach(CustodianShare::wipe);
        }
    }

    static ReleaseQuarantine releaser(AdminContext context) {
        Settings settings = context.settings();
        return new ReleaseQuarantine(context.database().jdbi(), new QuarantineDao(), blobs(context),
                new FindInQuarantineFolder(MailboxAccount.fromSettings(settings),
                        ReconcileMailboxes.Connection.of(settings)), context.beans().intake());
    }

    static SealedBlobStore blobs(AdminContext context) {
        Keyring keyring = Keyring.load(context.settings().path("shahid.keys.dir"), false);
        return new SealedBlobStore(context.settings().path("shahid.data-dir"), keyring,
                new CustodianKeys(context.database().jdbi(), Clock.systemUTC()));
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
