package org.shahid.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every bean the repository's route files name is bound when validate loads them. */
class ValidateRoutesTest {

    @TempDir
    Path keys;

    @Test
    void findsEveryBeanTheRepositoryRoutesName() {
        Map<String, String> environment = Map.of("SHAHID_HOME", Path.of("").toAbsolutePath().toString(),
                "SHAHID_KEYS_DIR", keys.toString());
        assertThat(ShahidCommand.commandLine(environment).execute("keys", "generate")).isZero();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine validate = ShahidCommand.commandLine(environment);
        validate.setOut(new PrintWriter(out, true));
        validate.setErr(new PrintWriter(err, true));

        assertThat(validate.execute("validate", "--offline")).as(err::toString).isZero();
        assertThat(out.toString()).contains("ok: routes");
    }
}
