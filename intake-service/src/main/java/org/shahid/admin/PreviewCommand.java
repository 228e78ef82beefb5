package org.shahid.admin;

import java.util.Map;
import java.util.concurrent.Callable;
import org.shahid.kernel.Settings;
import org.shahid.config.ShahidConfiguration;
import org.shahid.language.Language;
import org.shahid.outbound.MailTemplates;
import org.shahid.outbound.RenderedMail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preview EVENT LANGUAGE}: renders a template from $SHAHID_HOME/templates with sample values. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Render a mail template with sample values, e.g. `preview report-received ar`.")
public final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Parameters(index = "0", description = "The event, e.g. report-received or comment-received.")
    String event;

    @Parameters(index = "1", description = "The language's code, as in the template file names.")
    String language;

    @Option(names = "--html", description = "Print the HTML part instead of the text part.")
    boolean html;

    @Override
    public Integer call() {
        Settings settings = shahid.settings();
        MailTemplates templates = ShahidConfiguration.loadTemplates(settings.home());
        Language chosen = Language.fromCode(language)
                .orElseThrow(() -> new IllegalArgumentException("unknown language '" + language + "'; use " + Language.listed()));
        if (!templates.events().contains(event)) {
            throw new IllegalArgumentException("unknown event '" + event + "'; known: " + templates.events());
        }
        RenderedMail mail = templates.render(event, chosen, Map.of("reference", "SHD-7K3M-Q9XR-2BTA",
                "receiptCode", "4821-0937-5512", "organisation", settings.text("shahid.organisation"),
                "mailbox", settings.text("shahid.mailbox.report.address")));
        out().println("Subject: " + mail.subject());
        out().println();
        out().println(html ? mail.html() : mail.text());
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
