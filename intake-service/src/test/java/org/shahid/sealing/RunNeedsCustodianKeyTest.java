package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.admin.ShahidCommand;
import org.shahid.testing.TestDatabase;

/** {@code run} refuses to start without a custodian key, with one line naming the ceremony; the setting waives it. */
class RunNeedsCustodianKeyTest {

    @TempDir
    Path state;

    private final TestDatabase database = TestDatabase.create();

    @AfterEach
    void drop() {
        database.close();
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        database.settings().forEach((key, value) -> environment.put(
                key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        environment.put("SHAHID_HOME", Path.of("").toAbsolutePath().toString());
        environment.put("SHAHID_KEYS_DIR", state.resolve("keys").toString());
        environment.put("SHAHID_KEYS_GENERATE_MISSING", "true");
        environment.put("SHAHID_DATA_DIR", state.resolve("data").toString());
        environment.put("SHAHID_MONITORS_ALLOW_UNAUTHENTICATED", "true");
        return environment;
    }

    @Test
    void runRefusesWithoutACustodianKeyAndNamesTheCommand() {
        StringWriter err = new StringWriter();
        var commandLine = ShahidCommand.commandLine(environment());
        commandLine.setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute("run")).isNotZero();

        assertThat(err.toString().strip()).doesNotContain("\n").contains("no custodian key")
                .contains("custodians init --custodians N --threshold K").contains("SHAHID_CUSTODIANS_ALLOW_NONE");
    }

    @Test
    void theRuleHoldsUntilACeremonyOrTheExplicitWaiver() {
        Map<String, String> environment = environment();
        try (Database opened = Database.open(Settings.load(environment, Map.of()))) {
            assertThat(CustodianKeys.refusalToRun(opened.jdbi(), false)).isPresent();
            assertThat(CustodianKeys.refusalToRun(opened.jdbi(), true)).isEmpty();
            opened.jdbi().useTransaction(handle -> new CustodianCeremony().create(handle, 2, 2,
                    java.util.List.of("first-custodian".toCharArray(), "second-custodian".toCharArray()), 1000,
                    java.time.Instant.now()));
            assertThat(CustodianKeys.refusalToRun(opened.jdbi(), false)).isEmpty();
        }
    }
}
