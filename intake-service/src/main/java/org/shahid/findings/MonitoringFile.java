package org.shahid.findings;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.shahid.kernel.ConfigurationException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a YAML file of {@code monitoring/} that admins edit (roster, category rules, declaration, actors, platforms)
 * into plain maps and lists, and checks the values made of it with Hibernate Validator, worded as
 * "where.field: message". Thread-safe.
 */
public final class MonitoringFile {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private MonitoringFile() {
    }

    public static Map<?, ?> readMap(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(file + " is missing");
        }
        Object document;
        try {
            document = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigurationException(file + " cannot be read: " + e.getClass().getSimpleName());
        } catch (YamlEngineException e) {
            throw new ConfigurationException(file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigurationException(file + ": expected a mapping at the top");
        }
        return map;
    }

    public static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    public static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    public static String text(Object value) {
        return value == null ? null : value.toString().strip();
    }

    static Map<String, String> texts(Object value) {
        Map<String, String> texts = new LinkedHashMap<>();
        map(value).forEach((key, text) -> texts.put(String.valueOf(key), text(text)));
        return texts;
    }

    /** One line per violation of the value's constraints, each prefixed with where the value was found. */
    static List<String> problems(String where, Object value) {
        return VALIDATOR.validate(value).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .map(violation -> where + "." + violation.getPropertyPath() + ": " + violation.getMessage())
                .toList();
    }

    static void failOn(Path file, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(file + " has problems:\n" + String.join("\n", problems));
        }
    }
}
