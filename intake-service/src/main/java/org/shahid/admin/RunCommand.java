package org.shahid.admin;

import org.shahid.config.Database;
import org.shahid.config.ShahidService;
import org.shahid.kernel.Settings;
import org.shahid.kernel.ConfigurationException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.shahid.authentication.AuthenticationSettings;
import org.shahid.sealing.CustodianKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

/**
 * {@code run}: production. Real IMAP/SMTP servers and MariaDB from configuration; runs until SIGTERM (or SIGINT),
 * then stops cleanly and exits 0. SIGHUP reloads the route files (docs/operations.md, "Live reload").
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run Shahid against the mail servers and database in the configuration.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    ShahidCommand shahid;

    @Override
    public Integer call() throws InterruptedException {
        StopSignal stop = StopSignal.install();
        Settings settings = shahid.settings();
        // Only `run` insists: the demo and tests opt out on purpose (shahid.monitors.allow-unauthenticated).
        AuthenticationSettings.of(settings).refusalToRun().ifPresent(reason -> {
            throw new ConfigurationException(reason);
        });
        try (Database database = Database.open(settings)) {
            CustodianKeys.refusalToRun(database.jdbi(), settings.flag("shahid.custodians.allow-none"))
                    .ifPresent(reason -> {
                        throw new ConfigurationException(reason);
                    });
        }
        ShahidService service = ShahidService.start(settings, Clock.systemUTC());
        Signal.handle(new Signal("HUP"), signal -> service.reloadRoutesInBackground());
        stop.awaitThenClose(service);
        return 0;
    }
}
