package org.shahid.monitors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.shahid.kernel.ConfigurationException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads a YAML file that admins edit (the roster, the category rules) into plain maps and lists. */
final class RuleFile {

    private RuleFile() {
    }

    static Map<?, ?> readMap(Path file) {
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
            throw new ConfigurationException(file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigurationException(file + ": expected a mapping at the top");
        }
        return map;
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
