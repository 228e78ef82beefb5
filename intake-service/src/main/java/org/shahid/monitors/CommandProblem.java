package org.shahid.monitors;

import java.util.List;

/**
 * One thing that keeps a monitor's reply from being applied: a code that names the case and its arguments (the
 * command as written first, where there is one). The words are not here but in
 * {@code templates/command-problems.<lang>.properties}, so a monitor reads them in their own language
 * ({@link CommandProblemWording}). An argument that is a list of strings means alternatives ("a or b"), which
 * each language joins with its own "or". Immutable.
 */
public record CommandProblem(String code, List<Object> arguments) {

    public CommandProblem {
        arguments = List.copyOf(arguments);
    }

    static CommandProblem of(String code, Object... arguments) {
        return new CommandProblem(code, List.of(arguments));
    }
}
