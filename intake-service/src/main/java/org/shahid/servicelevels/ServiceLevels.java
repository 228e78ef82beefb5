package org.shahid.servicelevels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.shahid.kernel.ConfigurationException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The service levels admins set in {@code monitoring/service-levels.yaml} ({@code shahid.service-levels.file}):
 * per mailbox and category the time to a monitor's first action and to resolution, and how long before a limit
 * the reminder goes out. Checked in full when loaded (every problem listed); a running service adopts a checked
 * newer version. Thread-safe.
 */
public final class ServiceLevels {

    /** The category of a ticket no monitor has classified. */
    public static final String UNCLASSIFIED = "unclassified";

    /** The two limits of one mailbox and category. */
    public record Level(Duration firstAction, Duration resolution) {
    }

    private record Entry(String mailbox, String category, Level level) {
    }

    private record Rules(Duration remindBefore, Level fallback, List<Entry> entries) {
    }

    private volatile Rules rules;

    private ServiceLevels(Rules rules) {
        this.rules = rules;
    }

    /** Serves {@code newer}'s levels from now on (it was loaded and checked in full). */
    public void adopt(ServiceLevels newer) {
        this.rules = newer.rules;
    }

    public Duration remindBefore() {
        return rules.remindBefore();
    }

    /** The most specific level: mailbox and category, then mailbox, then the default. */
    public Level levelOf(String mailbox, String category) {
        String wanted = category == null ? UNCLASSIFIED : category;
        Rules current = rules;
        Level mailboxOnly = null;
        for (Entry entry : current.entries()) {
            if (entry.mailbox().equals(mailbox)) {
                if (wanted.equals(entry.category())) {
                    return entry.level();
                }
                if (entry.category() == null && mailboxOnly == null) {
                    mailboxOnly = entry.level();
                }
            }
        }
        return mailboxOnly != null ? mailboxOnly : current.fallback();
    }

    public static ServiceLevels load(Path file) {
        Map<?, ?> document = read(file);
        List<String> problems = new ArrayList<>();
        Duration remindBefore = duration(document.get("remind-before"), "remind-before", problems);
        Level fallback = level(document.get("default"), "default", problems);
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Object levels = document.get("levels");
        List<?> list = levels instanceof List<?> given ? given : List.of();
        for (int i = 0; i < list.size(); i++) {
            String where = "levels[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                problems.add(where + ": expected mailbox, category, first-action and resolution");
                continue;
            }
            Object mailbox = entry.get("mailbox");
            if (!(mailbox instanceof String name) || !name.matches("[a-z0-9-]{1,64}")) {
                problems.add(where + ": mailbox must be a mailbox name such as report");
                continue;
            }
            String category = entry.get("category") == null ? null : entry.get("category").toString();
            if (!seen.add(name + "/" + category)) {
                problems.add(where + ": " + name + (category == null ? "" : " / " + category) + " is listed twice");
            }
            Level level = level(entry, where, problems);
            if (level != null) {
                entries.add(new Entry(name, category, level));
            }
        }
        if (remindBefore != null && fallback != null && remindBefore.compareTo(fallback.firstAction()) >= 0) {
            problems.add("remind-before must be shorter than the default first-action limit");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("service levels " + file + " have problems:\n" + String.join("\n", problems));
        }
        return new ServiceLevels(new Rules(remindBefore, fallback, List.copyOf(entries)));
    }

    private static Level level(Object value, String where, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(where + ": expected first-action and resolution");
            return null;
        }
        Duration firstAction = duration(map.get("first-action"), where + ".first-action", problems);
        Duration resolution = duration(map.get("resolution"), where + ".resolution", problems);
        if (firstAction == null || resolution == null) {
            return null;
        }
        if (resolution.compareTo(firstAction) < 0) {
            problems.add(where + ": resolution must not be shorter than first-action");
        }
        return new Level(firstAction, resolution);
    }

    static Duration duration(Object value, String where, List<String> problems) {
        String text = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        if (!text.matches("[1-9][0-9]*[mhd]")) {
            problems.add(where + ": expected a duration such as 30m, 4h or 3d, not '" + text + "'");
            return null;
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static Map<?, ?> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(file + " is missing");
        }
        try {
            Object document = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
            if (!(document instanceof Map<?, ?> map)) {
                throw new ConfigurationException(file + ": expected a mapping at the top");
            }
            return map;
        } catch (IOException e) {
            throw new ConfigurationException(file + " cannot be read: " + e.getClass().getSimpleName());
        } catch (YamlEngineException e) {
            throw new ConfigurationException(file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
