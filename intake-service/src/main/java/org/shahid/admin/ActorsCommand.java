package org.shahid.admin;

import java.util.concurrent.Callable;
import org.shahid.findings.Actor;
import org.shahid.findings.MonitoringData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code actors}: prints the register of key actors ({@code shahid.monitoring.actors-file}, checked as at start),
 * one per line as {@code id<TAB>group<TAB>name}. Reads files only.
 */
@Command(name = "actors", mixinStandardHelpOptions = true,
        description = "Print the register of key actors: id, group and name, tab-separated.")
public final class ActorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Override
    public Integer call() {
        for (Actor actor : MonitoringData.load(shahid.settings()).actors().actors()) {
            spec.commandLine().getOut().println(actor.id() + "\t" + actor.group() + "\t" + actor.name());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
