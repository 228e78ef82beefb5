package org.shahid.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Shahid's configuration: built-in defaults ({@code shahid-defaults.properties}), then {@code shahid.properties}
 * in {@code SHAHID_HOME} if present, then environment variables ({@code SHAHID_DB_POOL_SIZE} overrides
 * {@code shahid.db.pool-size}; {@code SHAHID_DB_PASSWORD_FILE} names a file whose content is the secret).
 * Immutable and thread-safe; every value is checked when read, so a bad one fails start-up with its name.
 */
public final class Settings {

    private static final String ENV_PREFIX = "SHAHID_";
    private static final String FILE_SUFFIX = "_FILE";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Loads defaults, the home folder's shahid.properties and the process environment. */
    public static Settings load() {
        return load(System.getenv(), Map.of());
    }

    /**
     * Loads defaults, then the home folder's {@code shahid.properties}, then {@code environment}, then
     * {@code overrides} (used by the demo and by tests).
     */
    public static Settings load(Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        values.putAll(readClasspath("shahid-defaults.properties"));
        String home = environment.getOrDefault("SHAHID_HOME", overrides.getOrDefault("shahid.home", "."));
        values.put("shahid.home", home);
        Path localFile = Path.of(home, "shahid.properties");
        if (Files.isRegularFile(localFile)) {
            values.putAll(readFile(localFile));
        }
        Map<String, String> knownKeys = new TreeMap<>();
        values.keySet().forEach(key -> knownKeys.put(environmentNameOf(key), key));
        environment.forEach((name, value) -> applyEnvironmentVariable(values, knownKeys, name, value));
        values.putAll(overrides);
        return new Settings(values);
    }

    /** A copy with some values replaced. */
    public Settings with(Map<String, String> replacements) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(replacements);
        return new Settings(copy);
    }

    private static void applyEnvironmentVariable(Map<String, String> values, Map<String, String> knownKeys,
                                                 String name, String value) {
        if (!name.startsWith(ENV_PREFIX)) {
            return;
        }
        if (name.endsWith(FILE_SUFFIX) && !knownKeys.containsKey(name)) {
            String base = name.substring(0, name.length() - FILE_SUFFIX.length());
            values.put(knownKeys.getOrDefault(base, toKey(base)), readSecretFile(name, Path.of(value)));
        } else {
            values.put(knownKeys.getOrDefault(name, toKey(name)), value);
        }
    }

    /**
     * The environment variable of a key: {@code shahid.db.pool-size} is {@code SHAHID_DB_POOL_SIZE}. A variable
     * that names no known key becomes a dotted key ({@code SHAHID_MAILBOX_TIPS_PASSWORD} is
     * {@code shahid.mailbox.tips.password}), so a new mailbox's secrets need no code.
     */
    static String environmentNameOf(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static String toKey(String environmentName) {
        return environmentName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static String readSecretFile(String variable, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigurationException(variable + " names a file that cannot be read: " + file);
        }
    }

    private static Map<String, String> readClasspath(String resource) {
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigurationException("missing built-in resource " + resource);
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return toMap(properties);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read built-in resource " + resource);
        }
    }

    private static Map<String, String> readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return toMap(properties);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file);
        }
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name).strip()));
        return map;
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("setting " + key + " is required (environment variable "
                    + environmentNameOf(key) + ")");
        }
        return value;
    }

    public String text(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    public boolean has(String key) {
        String value = values.get(key);
        return value != null && !value.isBlank();
    }

    public int integer(String key) {
        String value = text(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("setting " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public long number(String key) {
        String value = text(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("setting " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public boolean flag(String key) {
        String value = text(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new ConfigurationException("setting " + key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    public Duration duration(String key) {
        String value = text(key);
        try {
            return Duration.parse(value.startsWith("P") ? value : "PT" + value.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ConfigurationException("setting " + key + " must be a duration such as 30s, 5m or 2h, not '"
                    + value + "'");
        }
    }

    public List<String> list(String key) {
        return Arrays.stream(text(key, "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Path path(String key) {
        return Path.of(text(key).replace("${user.home}", System.getProperty("user.home")));
    }

    public Path home() {
        return Path.of(text("shahid.home"));
    }

    /** Every setting, for Camel's property placeholders in the admin-edited routes. */
    public Properties asProperties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }
}
