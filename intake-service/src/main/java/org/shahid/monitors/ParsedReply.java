package org.shahid.monitors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monitor's new text read as commands and a message: the leading lines that start with {@code #} are commands,
 * the rest is the message to the reporter. A {@code #note} makes the whole reply internal: its text and the rest
 * of the reply become the note, and nothing is relayed. Immutable.
 *
 * @param problems what is wrong with the commands, for the monitor; empty when all are valid
 */
public record ParsedReply(List<MonitorCommand> commands, List<CommandProblem> problems, String relay) {

    private static final Pattern COMMAND = Pattern.compile("^#([A-Za-z]+(?:-[A-Za-z]+)*)\\b\\s*(.*)$");

    public static ParsedReply of(String newText) {
        List<String> lines = newText.lines().toList();
        List<MonitorCommand> commands = new ArrayList<>();
        List<CommandProblem> problems = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        for (; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = COMMAND.matcher(line);
            if (!line.startsWith("#")) {
                break;
            }
            if (!matcher.matches()) {
                problems.add(CommandProblem.of("not-a-command", line));
                continue;
            }
            Optional<MonitorCommand> parsed = MonitorCommands.parse(line,
                    matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2).strip());
            if (parsed.isEmpty()) {
                problems.add(CommandProblem.of("unknown-command", line, MonitorCommands.known()));
                continue;
            }
            MonitorCommand command = parsed.get();
            // A command's constraint messages are the codes of its problems.
            InputValidator.problems(command).forEach(problem ->
                    problems.add(CommandProblem.of(problem.substring(problem.indexOf(": ") + 2), line)));
            commands.add(command);
        }
        String rest = String.join("\n", lines.subList(Math.min(i, lines.size()), lines.size())).strip();
        boolean internal = commands.stream().anyMatch(AddNote.class::isInstance);
        if (internal && !rest.isEmpty()) {
            List<MonitorCommand> withRest = new ArrayList<>();
            for (MonitorCommand command : commands) {
                withRest.add(command instanceof AddNote note ? note.followedBy(rest) : command);
            }
            commands = withRest;
        }
        return new ParsedReply(List.copyOf(commands), List.copyOf(problems), internal ? "" : rest);
    }

    /**
     * The same reply with only its verdict (status, close, reject), its finding and its message: what a linked
     * ticket gets.
     */
    public ParsedReply verdictOnly() {
        List<MonitorCommand> verdict = commands.stream().filter(MonitorCommand::passesToCluster).toList();
        return new ParsedReply(verdict, problems, relay);
    }

    public boolean appliesToCluster() {
        return commands.stream().anyMatch(ApplyToCluster.class::isInstance);
    }

    public boolean isEmpty() {
        return commands.isEmpty() && relay.isEmpty() && problems.isEmpty();
    }
}
