package org.shahid.config;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shahid.authentication.AuthenticationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code run}: production. Real IMAP/SMTP servers and MariaDB from configuration; runs until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run Shahid against the mail servers and database in the configuration.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    ShahidCommand shahid;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = shahid.settings();
        // Only `run` insists: the demo and tests opt out on purpose (shahid.monitors.allow-unauthenticated).
        AuthenticationSettings.of(settings).refusalToRun().ifPresent(reason -> {
            throw new ConfigurationException(reason);
        });
        ShahidService service = ShahidService.start(settings, Clock.systemUTC());
        awaitShutdown(service);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes {@code resources} in order within the hook. */
    static void awaitShutdown(AutoCloseable... resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("shahid: stopping " + resource.getClass().getSimpleName() + " failed: "
                            + e.getClass().getSimpleName());
                }
            }
            stopped.countDown();
        }, "shahid-shutdown"));
        stopped.await();
    }
}
