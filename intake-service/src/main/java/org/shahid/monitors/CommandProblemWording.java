package org.shahid.monitors;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shahid.kernel.ConfigurationException;
import org.shahid.language.Language;

/**
 * The words of every {@link CommandProblem}, one file per {@link Language}
 * ({@code templates/command-problems.<lang>.properties}, UTF-8, {@code code = text} with {@code {0}, {1}…} for the
 * arguments, and {@code or} for joining alternatives). Adding a language is adding its file. Checked in full when
 * loaded: every language words the same codes as English with the same placeholders. Immutable and thread-safe.
 */
final class CommandProblemWording {

    private static final String OR = "or";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final Map<Language, Map<String, String>> byLanguage;

    private CommandProblemWording(Map<Language, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    static CommandProblemWording load(Path templatesDir) {
        Map<Language, Map<String, String>> byLanguage = new EnumMap<>(Language.class);
        List<String> problems = new ArrayList<>();
        for (Language language : Language.values()) {
            byLanguage.put(language, read(templatesDir.resolve(fileName(language)), problems));
        }
        Map<String, String> english = byLanguage.get(Language.ENGLISH);
        if (!english.containsKey(OR)) {
            problems.add(fileName(Language.ENGLISH) + ": missing " + OR);
        }
        for (Language language : Language.values()) {
            Map<String, String> words = byLanguage.get(language);
            for (String code : new TreeSet<>(english.keySet())) {
                if (!words.containsKey(code)) {
                    problems.add(fileName(language) + ": missing " + code);
                } else if (!placeholders(words.get(code)).equals(placeholders(english.get(code)))) {
                    problems.add(fileName(language) + ": " + code + " must use " + placeholders(english.get(code)));
                }
            }
            new TreeSet<>(words.keySet()).stream().filter(code -> !english.containsKey(code))
                    .forEach(code -> problems.add(fileName(language) + ": " + code + " is not in the English file"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("command problem wording in " + templatesDir + " has problems:\n"
                    + String.join("\n", problems));
        }
        return new CommandProblemWording(byLanguage);
    }

    /** The problem worded in the language; a code no file words stops here, as a fault of the code. */
    String word(CommandProblem problem, Language language) {
        Map<String, String> words = byLanguage.get(language);
        String text = words.get(problem.code());
        if (text == null) {
            throw new IllegalArgumentException("no wording for the command problem " + problem.code());
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder worded = new StringBuilder();
        while (matcher.find()) {
            Object argument = problem.arguments().get(Integer.parseInt(matcher.group(1)));
            String value = argument instanceof List<?> alternatives ? alternatives.stream().map(String::valueOf)
                    .collect(Collectors.joining(" " + words.get(OR) + " ")) : String.valueOf(argument);
            matcher.appendReplacement(worded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(worded);
        return worded.toString();
    }

    List<String> word(List<CommandProblem> problems, Language language) {
        return problems.stream().map(problem -> word(problem, language)).toList();
    }

    private static String fileName(Language language) {
        return "command-problems." + language.code() + ".properties";
    }

    private static Map<String, String> read(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file.getFileName() + ": missing");
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(code -> code, properties::getProperty));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
