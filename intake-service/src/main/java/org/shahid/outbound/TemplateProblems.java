package org.shahid.outbound;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything wrong with a templates folder, found in one pass so an admin can fix all of it before restarting.
 * Each problem is one line that starts with the template's file name.
 */
public final class TemplateProblems extends Exception {

    private final transient List<String> problems;

    public TemplateProblems(Path templatesDir, List<String> problems) {
        super(describe(templatesDir, problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the file name. */
    public List<String> problems() {
        return problems;
    }

    private static String describe(Path templatesDir, List<String> problems) {
        String heading = "Templates in " + templatesDir + " have " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:");
        return heading + System.lineSeparator() + String.join(System.lineSeparator(), problems);
    }
}
