package org.shahid.monitors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monitor's new text read as commands and a message: the leading lines that start with {@code #} are commands,
 * the rest is the message to the reporter. A {@code #note} makes the whole reply internal: its text and the rest
 * of the reply become the note, and nothing is relayed. Immutable.
 *
 * @param problems what is wrong with the commands, worded for the monitor; empty when all are valid
 */
public record ParsedReply(List<MonitorCommand> commands, List<String> problems, String relay) {

    private static final Pattern COMMAND = Pattern.compile("^#([A-Za-z]+)\\b\\s*(.*)$");
    private static final Pattern REFERENCE = Pattern.compile("\\[?(SHD-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4})\\]?");

    public static ParsedReply of(String newText) {
        List<String> lines = newText.lines().toList();
        List<MonitorCommand> commands = new ArrayList<>();
        List<String> problems = new ArrayList<>();
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
                problems.add(line + ": not a command; commands look like #status investigating");
                continue;
            }
            MonitorCommand command = parse(line, matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2).strip());
            if (command == null) {
                problems.add(line + ": unknown command; known: #status, #assign, #category, #priority, #note, #close,"
                        + " #reject, #reopen, #cluster");
                continue;
            }
            InputValidator.problems(command).forEach(problem ->
                    problems.add(line + ": " + problem.substring(problem.indexOf(": ") + 2)));
            commands.add(command);
        }
        String rest = String.join("\n", lines.subList(Math.min(i, lines.size()), lines.size())).strip();
        boolean internal = commands.stream().anyMatch(MonitorCommand.AddNote.class::isInstance);
        if (internal && !rest.isEmpty()) {
            List<MonitorCommand> withRest = new ArrayList<>();
            for (MonitorCommand command : commands) {
                withRest.add(command instanceof MonitorCommand.AddNote note
                        ? new MonitorCommand.AddNote(note.written(), (note.text() + "\n" + rest).strip()) : command);
            }
            commands = withRest;
        }
        return new ParsedReply(List.copyOf(commands), List.copyOf(problems), internal ? "" : rest);
    }

    /** The same reply with only its verdict (status, close, reject) and its message: what a linked ticket gets. */
    public ParsedReply verdictOnly() {
        List<MonitorCommand> verdict = commands.stream().filter(ParsedReply::isVerdict).toList();
        return new ParsedReply(verdict, problems, relay);
    }

    public boolean appliesToCluster() {
        return commands.stream().anyMatch(MonitorCommand.ApplyToCluster.class::isInstance);
    }

    static boolean isVerdict(MonitorCommand command) {
        return command instanceof MonitorCommand.Close || command instanceof MonitorCommand.Reject
                || command instanceof MonitorCommand.SetStatus set && List.of("resolved", "rejected", "closed")
                .contains(set.status());
    }

    private static MonitorCommand parse(String line, String verb, String argument) {
        String word = argument.isEmpty() ? null : argument.split("\\s+")[0].toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "status" -> new MonitorCommand.SetStatus(line, word);
            case "assign" -> new MonitorCommand.Assign(line, word);
            case "category" -> new MonitorCommand.SetCategory(line, word);
            case "priority" -> new MonitorCommand.SetPriority(line, word);
            case "note" -> new MonitorCommand.AddNote(line, argument);
            case "close" -> new MonitorCommand.Close(line, word);
            case "reopen" -> new MonitorCommand.Reopen(line);
            case "cluster" -> new MonitorCommand.ApplyToCluster(line);
            case "reject" -> {
                Matcher reference = REFERENCE.matcher(argument);
                String duplicateOf = null;
                String reason = argument;
                if (reference.find()) {
                    duplicateOf = reference.group(1).toUpperCase(Locale.ROOT);
                    reason = (argument.substring(0, reference.start()) + argument.substring(reference.end())).strip();
                }
                yield new MonitorCommand.Reject(line, reason, duplicateOf);
            }
            default -> null;
        };
    }

    public boolean isEmpty() {
        return commands.isEmpty() && relay.isEmpty() && problems.isEmpty();
    }
}
