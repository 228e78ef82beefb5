package org.shahid.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.ShahidCommand;

/** {@code validate} loads the repository's routes, including every bean they name (such as the mail UID generator). */
class ValidateRoutesTest {

    @TempDir
    Path keys;

    @Test
    void findsEveryBeanTheRepositoryRoutesName() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ShahidCommand.commandLine(Map.of("SHAHID_HOME", Path.of("").toAbsolutePath().toString(),
                    "SHAHID_KEYS_DIR", keys.toString())).execute("validate", "--offline");
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok: routes");
    }
}
