package org.shahid.monitors;

import org.shahid.findings.MonitoringFile;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shahid.kernel.ConfigurationException;

/**
 * The violation categories and actor types with their keywords in Arabic, Sorani and English, read once at
 * start from the rule file admins edit ({@code shahid.monitors.categories-file}, by default
 * {@code monitoring/categories.yaml}). Suggests the category (and actor) whose keywords a text mentions most; a
 * monitor confirms with {@code #category}. Immutable and thread-safe.
 */
public final class Categories {

    // Compiled once: every new report's text is matched against the rules inside its intake transaction.
    private static final Pattern DIACRITICS_AND_TATWEEL = Pattern.compile("[\\u064B-\\u065F\\u0670\\u0640]");
    private static final Pattern ALEF_VARIANTS = Pattern.compile("[\\u0622\\u0623\\u0625]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    // Swapped by adopt; the two are read independently, so a reader seeing one old and one new is harmless.
    private volatile Map<String, List<String>> categories;
    private volatile Map<String, List<String>> actors;

    Categories(Map<String, List<String>> categories, Map<String, List<String>> actors) {
        this.categories = categories;
        this.actors = actors;
    }

    /** Serves {@code newer}'s rules from now on (they were loaded and checked in full). */
    public void adopt(Categories newer) {
        this.categories = newer.categories;
        this.actors = newer.actors;
    }

    public static Categories load(Path file) {
        Map<?, ?> document = MonitoringFile.readMap(file);
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> categories = section(document, "categories", problems);
        Map<String, List<String>> actors = section(document, "actors", problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("category rules " + file + " have problems:\n" + String.join("\n", problems));
        }
        return new Categories(categories, actors);
    }

    private static Map<String, List<String>> section(Map<?, ?> document, String name, List<String> problems) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        if (!(document.get(name) instanceof Map<?, ?> section) || section.isEmpty()) {
            problems.add(name + ": expected a mapping of names to keyword lists");
            return rules;
        }
        section.forEach((key, value) -> {
            String id = MonitoringFile.text(key);
            if (!id.matches("[a-z0-9-]+")) {
                problems.add(name + "." + id + ": names are lower-case letters, digits and '-'");
            }
            List<String> keywords = new ArrayList<>();
            // Keywords may be grouped by language (en: [...], ar: [...]) or given as one list.
            if (value instanceof Map<?, ?> byLanguage) {
                byLanguage.values().forEach(list -> MonitoringFile.list(list)
                        .forEach(k -> keywords.add(normalise(MonitoringFile.text(k)))));
            } else {
                MonitoringFile.list(value).forEach(k -> keywords.add(normalise(MonitoringFile.text(k))));
            }
            rules.put(id, List.copyOf(keywords));
        });
        return rules;
    }

    public boolean isCategory(String name) {
        return categories.containsKey(name);
    }

    public List<String> categoryNames() {
        return List.copyOf(categories.keySet());
    }

    public Optional<String> suggestCategory(String text) {
        return bestMatch(categories, text);
    }

    public Optional<String> suggestActor(String text) {
        return bestMatch(actors, text);
    }

    private static Optional<String> bestMatch(Map<String, List<String>> rules, String text) {
        String haystack = normalise(text);
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, List<String>> rule : rules.entrySet()) {
            int hits = 0;
            for (String keyword : rule.getValue()) {
                if (!keyword.isEmpty() && haystack.contains(keyword)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = rule.getKey();
                bestHits = hits;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Lower case, compatibility-normalised, Arabic diacritics and tatweel removed, alef and yeh variants folded,
     * so "الحسابات الوهمية" matches however it was typed.
     */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = DIACRITICS_AND_TATWEEL.matcher(folded).replaceAll("");
        folded = ALEF_VARIANTS.matcher(folded).replaceAll("\u0627").replace('\u0649', '\u064A');
        folded = folded.replace('\u06CC', '\u064A').replace('\u06A9', '\u0643');
        return WHITESPACE.matcher(folded).replaceAll(" ");
    }
}
