package org.shahid.admin;

import java.util.concurrent.Callable;
import org.shahid.findings.ActorGroup;
import org.shahid.findings.Commitment;
import org.shahid.findings.MonitoringData;
import org.shahid.language.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code commitments}: prints the declaration's commitments ({@code shahid.monitoring.declaration-file}, checked
 * as at start), one per line as {@code id<TAB>group<TAB>text}, in English unless {@code --lang} says otherwise.
 */
@Command(name = "commitments", mixinStandardHelpOptions = true,
        description = "Print the declaration's commitments: id, actor group and text, tab-separated.")
public final class CommitmentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Option(names = "--lang", description = "The language of the text, by its code (default: en).")
    String language = "en";

    @Override
    public Integer call() {
        Language chosen = Language.fromCode(language).orElseThrow(() ->
                new IllegalArgumentException("unknown language '" + language + "'; use " + Language.listed()));
        for (ActorGroup group : MonitoringData.load(shahid.settings()).declaration().groups()) {
            for (Commitment commitment : group.commitments()) {
                spec.commandLine().getOut().println(commitment.id() + "\t" + group.id() + "\t"
                        + commitment.text().in(chosen).replaceAll("\\s+", " "));
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
