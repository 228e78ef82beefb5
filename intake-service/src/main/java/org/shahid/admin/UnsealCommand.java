package org.shahid.admin;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.shahid.config.ShahidCommand;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.SealedIdentity;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.sealing.Sealer;
import org.shahid.sealing.UnsealAudit;
import org.shahid.sealing.UnsealIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code unseal request|approve|show}: two-person, audited unsealing of the identity behind one ticket (see
 * {@link UnsealIdentity}). Every step, refused ones included, lands in the audit trail that {@code audit} lists.
 */
@Command(name = "unseal", mixinStandardHelpOptions = true,
        description = "Two-person, audited unsealing of the identity behind one ticket.",
        subcommands = {UnsealCommand.Request.class, UnsealCommand.Approve.class, UnsealCommand.Show.class})
public final class UnsealCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    static UnsealIdentity unsealing(AdminContext context, boolean needsKeys) {
        SealedIdentityDao identities = needsKeys
                ? new SealedIdentityDao(new Sealer(Keyring.load(context.settings().path("shahid.keys.dir"), false)))
                : null;
        return new UnsealIdentity(context.database().jdbi(), identities, new UnsealAudit(), Clock.systemUTC());
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Ask to see the identity behind a ticket; a second admin must approve.")
    static final class Request implements Callable<Integer> {
        @ParentCommand
        UnsealCommand unseal;

        @Parameters(index = "0", description = "The ticket reference, e.g. SHD-7K3M-Q9XR-2BTA.")
        String reference;

        @Option(names = "--by", required = true, description = "Your admin name.")
        String admin;

        @Option(names = "--reason", required = true,
                description = "Why (at least " + UnsealIdentity.MIN_REASON_LENGTH + " characters); it is audited.")
        String reason;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(unseal.shahid.settings())) {
                long id = unsealing(context, false).request(reference, admin, reason);
                unseal.out().println("unseal request " + id + " recorded; a second admin approves it with:"
                        + " unseal approve " + id + " --by <name>");
                return 0;
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve another admin's unseal request.")
    static final class Approve implements Callable<Integer> {
        @ParentCommand
        UnsealCommand unseal;

        @Parameters(index = "0", description = "The request id.")
        long requestId;

        @Option(names = "--by", required = true, description = "Your admin name (not the requester's).")
        String admin;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(unseal.shahid.settings())) {
                unsealing(context, false).approve(requestId, admin);
                unseal.out().println("unseal request " + requestId + " approved by " + admin);
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the identity of an approved request (requester only); every showing is audited.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        UnsealCommand unseal;

        @Parameters(index = "0", description = "The request id.")
        long requestId;

        @Option(names = "--by", required = true, description = "Your admin name (the requester's).")
        String admin;

        @Option(names = "--headers", description = "Also print each mail's original header block.")
        boolean headers;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(unseal.shahid.settings())) {
                UnsealIdentity.Revealed revealed = unsealing(context, true).reveal(requestId, admin);
                if (revealed.identities().isEmpty()) {
                    unseal.out().println("nothing to show: the identities of this ticket were purged");
                }
                int index = 1;
                for (SealedIdentity identity : revealed.identities()) {
                    unseal.out().println("mail " + index++ + ": " + identity.displayName() + " <"
                            + identity.replyAddress() + ">");
                    if (headers) {
                        identity.originalHeaders().lines().forEach(line -> unseal.out().println("  " + line));
                    }
                }
                return 0;
            }
        }
    }

    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
