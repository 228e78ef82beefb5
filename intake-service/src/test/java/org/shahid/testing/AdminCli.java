package org.shahid.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.shahid.admin.ShahidCommand;
import picocli.CommandLine;

/** Runs one of the jar's verbs against a {@link RunningShahid}'s settings, passed as environment variables. */
public final class AdminCli {

    /** Exit code, standard output (verbs print through picocli's writer) and standard error of one run. */
    public record Run(int exit, String out, String err) {
    }

    private AdminCli() {
    }

    public static synchronized Run run(RunningShahid shahid, String... args) {
        return run(shahid, Map.of(), args);
    }

    /** As {@link #run(RunningShahid, String...)}, with more environment variables (a custodian's passphrase). */
    public static synchronized Run run(RunningShahid shahid, Map<String, String> extraEnvironment, String... args) {
        Map<String, String> environment = new HashMap<>();
        shahid.settings().asProperties().forEach((key, value) -> environment.put(
                key.toString().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value.toString()));
        environment.putAll(extraEnvironment);
        CommandLine commandLine = ShahidCommand.commandLine(environment);
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
