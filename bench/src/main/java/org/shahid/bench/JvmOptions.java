package org.shahid.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the service runs with, from {@code jvm.options} in Shahid's home (the file the documented run
 * command and the Docker image pass as {@code java @jvm.options}): one or more options a line, {@code #} starts a
 * comment. No file means no options.
 */
final class JvmOptions {

    static final String FILE = "jvm.options";

    private JvmOptions() {
    }

    static List<String> of(Path shahidHome) throws IOException {
        Path file = shahidHome.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** {@code options} with the maximum heap set to {@code size} (any {@code -Xmx} among them replaced). */
    static List<String> withHeap(List<String> options, String size) {
        List<String> result = new ArrayList<>();
        for (String option : options) {
            if (!option.startsWith("-Xmx")) {
                result.add(option);
            }
        }
        result.add("-Xmx" + size);
        return List.copyOf(result);
    }

    static List<String> parse(List<String> lines) {
        List<String> options = new ArrayList<>();
        for (String line : lines) {
            int comment = line.indexOf('#');
            String content = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!content.isEmpty()) {
                options.addAll(List.of(content.split("\\s+")));
            }
        }
        return List.copyOf(options);
    }
}
