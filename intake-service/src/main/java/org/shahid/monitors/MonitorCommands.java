package org.shahid.monitors;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The registry of monitor commands by verb: adding a command is one class and one line here. Immutable and
 * thread-safe.
 */
public final class MonitorCommands {

    private static final Map<String, BiFunction<String, String, MonitorCommand>> BY_VERB = new LinkedHashMap<>();

    static {
        BY_VERB.put("status", SetStatus::parse);
        BY_VERB.put("assign", Assign::parse);
        BY_VERB.put("category", SetCategory::parse);
        BY_VERB.put("priority", SetPriority::parse);
        BY_VERB.put("note", AddNote::parse);
        BY_VERB.put("close", Close::parse);
        BY_VERB.put("reject", Reject::parse);
        BY_VERB.put("reopen", Reopen::parse);
        BY_VERB.put("cluster", ApplyToCluster::parse);
        BY_VERB.put("actor", SetActor::parse);
        BY_VERB.put("commitment", SetCommitment::parse);
        BY_VERB.put("verdict", SetVerdict::parse);
        BY_VERB.put("severity", SetSeverity::parse);
        BY_VERB.put("escalate", Escalate::parse);
        BY_VERB.put("platform-action", RecordPlatformAction::parse);
        BY_VERB.put("evidence", SendEvidence::parse);
    }

    private MonitorCommands() {
    }

    /** The command a line names by its verb (lower case), given the line and the text after the verb. */
    static Optional<MonitorCommand> parse(String written, String verb, String argument) {
        return Optional.ofNullable(BY_VERB.get(verb)).map(parser -> parser.apply(written, argument));
    }

    /** The verbs as a monitor writes them: {@code #status, #assign, …}. */
    static String known() {
        return BY_VERB.keySet().stream().map(verb -> "#" + verb).collect(Collectors.joining(", "));
    }

    /** The first word of a command's argument, lower case; null when there is none. */
    static String firstWord(String argument) {
        return argument.isEmpty() ? null : argument.split("\\s+")[0].toLowerCase(Locale.ROOT);
    }
}
