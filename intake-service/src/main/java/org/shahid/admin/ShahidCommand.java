package org.shahid.admin;

import org.shahid.kernel.Settings;
import org.shahid.kernel.ConfigurationException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's entry point: {@code demo}, {@code run} and the admin verbs of CONTRACT.md. Every verb exits 0 on
 * success and non-zero with a one-line reason on stderr otherwise.
 */
@Command(name = "shahid", mixinStandardHelpOptions = true, versionProvider = ShahidCommand.Version.class,
        description = "Shahid: anonymous, trackable election-violation reports from plain email.",
        subcommands = {DemoCommand.class, RunCommand.class, ValidateCommand.class, PreviewCommand.class,
                TicketsCommand.class, QuarantineCommand.class, OutboxCommand.class, KeysCommand.class,
                MonitorsCommand.class, AuditCommand.class, UnsealCommand.class, CustodiansCommand.class,
                RetentionCommand.class, ReportCommand.class, ActorsCommand.class, CommitmentsCommand.class,
                FindingsCommand.class, BenchCommand.class, ReconcileCommand.class})
public final class ShahidCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    private ShahidCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line reading its configuration from {@code environment} (tests pass their own). */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new ShahidCommand(environment));
        commandLine.setExecutionExceptionHandler(ShahidCommand::oneLineError);
        return commandLine;
    }

    private static int oneLineError(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = error instanceof ConfigurationException || error instanceof IllegalArgumentException
                ? error.getMessage() : error.getClass().getSimpleName() + ": " + error.getMessage();
        err.println("shahid " + commandLine.getCommandName() + ": " + message.lines().findFirst().orElse("failed"));
        message.lines().skip(1).forEach(line -> err.println("  " + line));
        return 1;
    }

    /** The environment the verbs read their settings from. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Settings as every verb sees them: defaults, $SHAHID_HOME/shahid.properties, the environment. */
    public Settings settings() {
        return Settings.load(environment, Map.of());
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ShahidCommand.class.getPackage().getImplementationVersion();
            return new String[] {"shahid " + (version == null ? "development" : version)};
        }
    }
}
