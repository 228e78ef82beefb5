package org.shahid.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.shahid.sealing.CustodianShare;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.SealedIdentity;
import org.shahid.sealing.SealedIdentityDao;
import org.shahid.sealing.Sealer;
import org.shahid.sealing.SealingException;
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

    /** Where a custodian's passphrase comes from when no terminal is asked. */
    public static final String PASSPHRASE_VARIABLE = "SHAHID_CUSTODIAN_PASSPHRASE";

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
                context.settings().duration("shahid.unseal.pending-ttl"), Clock.systemUTC());
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Ask to see the identity behind a ticket; k custodians must approve. Prints the request id"
                    + " as its last line.")
    static final class Request implements Callable<Integer> {
        @ParentCommand
        UnsealCommand unseal;

        @Parameters(index = "0", description = "The ticket reference, e.g. SHD-7K3M-Q9XR-2BTA.")
        String reference;

        @Option(names = "--reason", required = true,
                description = "Why (at least " + UnsealIdentity.MIN_REASON_LENGTH + " characters); it is audited.")
        String reason;

        @Option(names = "--by", description = "Who asks (default: the account running this command); audited.")
        String requester;

        @Override
        public Integer call() {
            String who = requester != null ? requester : "account " + System.getProperty("user.name", "unknown");
            try (AdminContext context = AdminContext.open(unseal.shahid.settings())) {
                long id = unsealing(context).request(reference, who, reason);
                unseal.out().println("unseal request recorded; each custodian approves it with: unseal approve " + id
                        + " --share FILE");
                unseal.out().println(id);
                return 0;
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a request with one custodian's share; the approval that completes the threshold"
                    + " prints the identity.")
    static final class Approve implements Callable<Integer> {
        @ParentCommand
        UnsealCommand unseal;

        @Parameters(index = "0", description = "The request id.")
        long requestId;

        @Option(names = "--share", required = true,
                description = "The custodian's share file, or - to read it from standard input.")
        String shareSource;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(unseal.shahid.settings())) {
                UnsealIdentity unsealing = unsealing(context);
                CustodianShare share;
                char[] passphrase = passphrase(unseal.shahid);
                try {
                    share = CustodianShare.fromPrintable(readShare(shareSource), passphrase);
                } catch (SealingException e) {
                    throw unsealing.refuseUnreadableShare(requestId, e.getMessage());
                } finally {
                    java.util.Arrays.fill(passphrase, '\0');
                }
                String identity = share.identity();
                UnsealIdentity.Approval approval = unsealing.approve(requestId, share);
                if (approval.revealed().isEmpty()) {
                    unseal.out().println("approval by " + identity + " recorded; " + approval.sharesMissing()
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

        private static String readShare(String source) {
            try {
                if ("-".equals(source)) {
                    InputStream in = System.in;
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
                return Files.readString(Path.of(source), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the share " + source + ": "
                        + e.getClass().getSimpleName());
            }
        }
    }

    /** The passphrase from {@value #PASSPHRASE_VARIABLE}, else asked on the terminal without echo. */
    static char[] passphrase(ShahidCommand shahid) {
        String fromEnvironment = shahid.environment().get(PASSPHRASE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask the custodian's passphrase; set "
                    + PASSPHRASE_VARIABLE);
        }
        char[] typed = console.readPassword("Custodian passphrase: ");
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("no passphrase given");
        }
        return typed;
    }

    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
