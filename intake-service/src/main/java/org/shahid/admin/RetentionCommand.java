package org.shahid.admin;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.shahid.config.ShahidConfiguration;
import org.shahid.scheduling.PurgeSealedIdentities;
import org.shahid.scheduling.RetentionStatus;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.SealedBlobStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retention status}: what identity material is held, in counts, and when each part goes. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "What identity material Shahid holds and when each part goes.",
        subcommands = RetentionCommand.Status.class)
public final class RetentionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Counts of identity material held, one kind per line: WHAT<TAB>COUNT<TAB>WHEN IT GOES.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        RetentionCommand retention;

        @Override
        public Integer call() {
            try (AdminContext context = AdminContext.open(retention.shahid.settings())) {
                SealedBlobStore blobs = new SealedBlobStore(context.settings().path("shahid.data-dir"),
                        Keyring.load(context.settings().path("shahid.keys.dir"), false));
                PurgeSealedIdentities.Periods periods = ShahidConfiguration.retentionPeriods(context.settings());
                context.database().jdbi().useHandle(handle -> new RetentionStatus()
                        .status(handle, blobs, periods, Clock.systemUTC().instant())
                        .forEach(line -> retention.spec.commandLine().getOut().println(line.what() + "\t"
                                + line.count() + "\t" + line.goes())));
                return 0;
            }
        }
    }
}
