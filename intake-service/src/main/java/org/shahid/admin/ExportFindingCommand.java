package org.shahid.admin;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shahid.kernel.Settings;
import org.shahid.evidence.ScrubbedCopyStore;
import org.shahid.findings.EvidencePackage;
import org.shahid.findings.MonitoringData;
import org.shahid.tickets.TicketReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code findings export REF --out FILE.zip}: the evidence package of a ticket's finding (see {@link EvidencePackage}).
 * Reads {@code shahid.db.*}, {@code shahid.data-dir} (the scrubbed copies) and the monitoring files.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a finding's evidence package: scrubbed copies, manifest.json, summary.html, SHA256SUMS.")
public final class ExportFindingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    FindingsCommand findings;

    @Parameters(index = "0", paramLabel = "REF", description = "The ticket reference of the finding, SHD-….")
    String reference;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "The zip file to write.")
    Path out;

    @Override
    public Integer call() {
        Settings settings = findings.shahid().settings();
        TicketReference ticket = new TicketReference(reference.strip().toUpperCase(java.util.Locale.ROOT));
        MonitoringData monitoring = MonitoringData.load(settings);
        try (AdminContext context = AdminContext.open(settings)) {
            int files = context.database().jdbi().withHandle(handle -> new EvidencePackage(monitoring,
                    new ScrubbedCopyStore(settings.path("shahid.data-dir"))).write(handle, ticket, out));
            spec.commandLine().getOut().println(out + ": " + files + " files; check with: unzip -d DIR " + out
                    + " && cd DIR && sha256sum -c SHA256SUMS");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
