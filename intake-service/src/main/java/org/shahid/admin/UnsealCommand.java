package org.shahid.admin;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.shahid.intake.IntakeOutcome;
import org.shahid.sealing.CustodianShare;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.SealedIdentity;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.sealing.Sealer;
import org.shahid.sealing.UnsealAudit;
import org.shahid.sealing.UnsealIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code unseal request|approve}: unsealing the identity behind one ticket with k of n custodian shares (see
 * {@link UnsealIdentity}). Every step, refused ones included, lands in the audit chain that {@code audit} lists and
 * {@code audit verify} checks.
 */
@Command(name = "unseal", mixinStandardHelpOptions = true,
        description = "Unseal the identity behind one ticket: a request, then k custodians' shares.",
        subcommands = {UnsealCommand.Request.class, UnsealCommand.Approve.class})
public final class UnsealCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static UnsealIdentity unsealing(AdminContext context) {
        Sealer sealer = new Sealer(Keyring.load(context.settings().path("shahid.keys.dir"), false));
        return new UnsealIdentity(context.database().jdbi(), new SealedIdentityDao(sealer), sealer,
                new UnsealAudit(context.settings().path("shahid.data-dir")),
                context.settings().duration("shahid.unseal.pending-ttl"), Clock.systemUTC(),
                QuarantineCommand.blobs(context));
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Ask to see the identity behind a ticket; k custodians must approve. Prints the request id"
                    + " as its last line.")
    static final class Request implements Callable<Integer> {
        @ParentCommand
        UnsealCommand unseal;

        @Parameters(index = "0", arity = "0..1", description = "The ticket reference, e.g. SHD-7K3M-Q9XR-2BTA.")
        String reference;

        @Option(names = "--quarantine", description = "Instead of a ticket: a held quarantine entry whose mail is gone"
                + " from its quarantine folder; the approval that completes the threshold releases it into intake.")
        Long quarantineEntry;

        @Option(names = "--reason", required = true,
                description = "Why (at least " + UnsealIdentity.MIN_REASON_LENGTH + " characters); it is audited.")
        String reason;

        @Option(names = "--by", description = "Who asks (default: the account running this command); audited.")
        String requester;

        @Override
        public Integer call() {
            String who = requester != null ? requester : "account " + System.getProperty("user.name", "unknown");
            try (AdminContext context = AdminContext.open(unseal.shahid.settings())) {
                if ((reference == null) == (quarantineEntry == null)) {
                    throw new IllegalArgumentException("name a ticket reference or --quarantine ID, not both");
                }
                long id = quarantineEntry != null ? unsealing(context).requestQuarantined(quarantineEntry, who, reason)
                        : unsealing(context).request(reference, who, reason);
                unseal.out().println("unseal request recorded; each custodian approves it with: unseal approve " + id
                        + " --share FILE");
                unseal.out().println(id);
                return 0;
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a request with custodians' shares; the approval that completes the threshold"
                    + " prints the identity. Several --share together store nothing.")
    static final class Approve implements Callable<Integer> {
        @ParentCommand
        UnsealCommand unseal;

        @Parameters(index = "0", description = "The request id.")
        long requestId;

        @Option(names = "--share", required = true,
                description = "A custodian's share file, or - to read it from standard input. Repeat it for"
                        + " custodians who approve together (passphrases " + PresentedShares.PASSPHRASE_VARIABLE
                        + "_1, _2, … or the terminal); their shares are never stored.")
        List<String> shareSources;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(unseal.shahid.settings())) {
                UnsealIdentity unsealing = unsealing(context);
                List<CustodianShare> shares = PresentedShares.read(unseal.shahid, shareSources,
                        why -> unsealing.refuseUnreadableShare(requestId, why));
                String identities = shares.stream().map(CustodianShare::identity)
                        .collect(java.util.stream.Collectors.joining(", "));
                UnsealIdentity.Approval approval = unsealing.approve(requestId, shares);
                if (approval.original().isPresent()) {
                    UnsealIdentity.QuarantinedOriginal original = approval.original().get();
                    IntakeOutcome outcome = QuarantineCommand.releaser(context).release(original.entryId(),
                            entry -> original.raw());
                    unseal.out().println("released: " + outcome.kind() + " "
                            + outcome.ticket().map(Object::toString).orElse(""));
                    return 0;
                }
                if (approval.revealed().isEmpty()) {
                    unseal.out().println("approval by " + identities + " recorded; " + approval.sharesMissing()
                            + " more share(s) needed");
                    return 0;
                }
                UnsealIdentity.Revealed revealed = approval.revealed().get();
                unseal.out().println("tickets revealed: " + String.join(", ", revealed.ticketsRevealed()));
                int index = 1;
                for (SealedIdentity sealed : revealed.identities()) {
                    unseal.out().println("mail " + index++ + ": " + sealed.displayName() + " <" + sealed.replyAddress()
                            + ">");
                    sealed.originalHeaders().lines().forEach(line -> unseal.out().println("  " + line));
                }
                return 0;
            }
        }
    }

    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
