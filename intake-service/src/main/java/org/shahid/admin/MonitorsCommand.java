package org.shahid.admin;

import java.util.List;
import java.util.concurrent.Callable;
import org.shahid.kernel.Settings;
import org.shahid.monitors.Monitor;
import org.shahid.monitors.Roster;
import org.shahid.monitors.TriageDao;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

/**
 * {@code monitors}: lists the roster ({@code shahid.monitors.roster-file}, checked as at start) and each
 * monitor's open assigned tickets. The roster is a file admins edit; this verb only reads it.
 */
@Command(name = "monitors", mixinStandardHelpOptions = true,
        description = "List the monitor roster and each monitor's open assigned tickets.")
public final class MonitorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Override
    public Integer call() {
        Settings settings = shahid.settings();
        Roster roster = Roster.load(settings.home().resolve(settings.text("shahid.monitors.roster-file")));
        try (AdminContext context = AdminContext.open(settings)) {
            TriageDao triage = new TriageDao();
            context.database().jdbi().useHandle(handle -> {
                out().printf("%-32s %-20s %-8s %-10s %-5s %s%n", "ADDRESS", "NAME", "ROLE", "LANGUAGES", "OPEN",
                        "ASSIGNED TICKETS");
                for (Monitor monitor : roster.monitors()) {
                    List<TriageDao.OpenTicket> open = triage.openAssignedTo(handle, monitor.address());
                    out().printf("%-32s %-20s %-8s %-10s %-5d %s%n", monitor.address(), monitor.name(),
                            monitor.role().name().toLowerCase(java.util.Locale.ROOT),
                            String.join(",", monitor.languages()), open.size(),
                            String.join(" ", open.stream().map(t -> t.reference() + "(" + t.status() + ")").toList()));
                }
            });
        }
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
