package org.shahid.monitors;

import org.shahid.findings.MonitoringFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shahid.kernel.ConfigurationException;

/**
 * The monitors, read once at start from the YAML file admins edit ({@code shahid.monitors.roster-file}, by
 * default {@code monitoring/monitors.yaml}) and checked with Hibernate Validator; a bad entry stops the start with
 * every problem listed. Changes take effect on restart. Immutable and thread-safe.
 */
public final class Roster {

    /** Swapped whole by {@link #adopt}. */
    private volatile List<Monitor> monitors;

    public Roster(List<Monitor> monitors) {
        this.monitors = List.copyOf(monitors);
    }

    /** Serves {@code newer}'s monitors from now on (it was loaded and checked in full). */
    public void adopt(Roster newer) {
        this.monitors = newer.monitors;
    }

    public static Roster load(Path file) {
        Map<?, ?> document = MonitoringFile.readMap(file);
        List<String> problems = new ArrayList<>();
        List<Monitor> monitors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<?> entries = MonitoringFile.list(document.get("monitors"));
        if (entries.isEmpty()) {
            problems.add("no monitors: expected a list under 'monitors:'");
        }
        for (int i = 0; i < entries.size(); i++) {
            String where = "monitors[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(where + ": expected address, name, role and languages");
                continue;
            }
            Monitor.Role role = null;
            String roleText = MonitoringFile.text(entry.get("role"));
            try {
                role = roleText == null ? null : Monitor.Role.valueOf(roleText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".role: must be monitor or lead");
            }
            List<String> languages = MonitoringFile.list(entry.get("languages")).stream().map(MonitoringFile::text).toList();
            Monitor monitor = new Monitor(MonitoringFile.text(entry.get("address")), MonitoringFile.text(entry.get("name")), role,
                    languages);
            InputValidator.problems(monitor).forEach(problem -> problems.add(where + "." + problem));
            if (monitor.address() != null && !seen.add(monitor.address())) {
                problems.add(where + ".address: listed twice");
            }
            monitors.add(monitor);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("roster " + file + " has problems:\n" + String.join("\n", problems));
        }
        return new Roster(monitors);
    }

    public List<Monitor> monitors() {
        return monitors;
    }

    public Optional<Monitor> find(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String wanted = address.strip().toLowerCase(Locale.ROOT);
        return monitors.stream().filter(monitor -> monitor.address().equals(wanted)).findFirst();
    }

    /** Who hears of a ticket: everyone, or (by language) those who read its language, or everyone if none does. */
    public List<Monitor> recipientsFor(String languageCode, boolean byLanguage) {
        if (!byLanguage) {
            return monitors;
        }
        List<Monitor> readers = monitors.stream().filter(monitor -> monitor.reads(languageCode)).toList();
        return readers.isEmpty() ? monitors : readers;
    }
}
