package org.shahid.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.AdminCli;
import org.shahid.testing.RunningShahid;

/** {@code validate} as an admin runs it before going live: demo values refused, logins tried with --connect. */
class ValidateForProductionTest {

    @TempDir
    Path state;

    @Test
    void refusesTheDemosValuesAndAMailboxThatCannotLogIn() {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.mailbox.info.password", "wrong"))) {
            assertThat(AdminCli.run(shahid, "keys", "generate").exit()).isZero();
            AdminCli.Run run = AdminCli.run(shahid, "validate", "--connect");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err())
                    .contains("shahid.domain is the demo's shahid.test")
                    .contains("shahid.own-addresses still holds the demo address report@shahid.test")
                    .contains("shahid.mailbox.report.address is the demo's report@shahid.test")
                    .contains("still lists the demo monitor monitor1@shahid.test")
                    .contains("IMAP login of mailbox info (info@shahid.test) failed: AuthenticationFailedException")
                    .doesNotContain("wrong");
            assertThat(run.out()).contains("ok: database and routes").contains("ok: templates");
        }
    }

    @Test
    void passesAProductionConfigurationAndLogsInToEveryMailboxAndTheRelay() throws Exception {
        Path home = Files.createDirectories(state.resolve("home"));
        copy(Path.of("routes"), home.resolve("routes"));
        copy(Path.of("templates"), home.resolve("templates"));
        copy(Path.of("monitoring"), home.resolve("monitoring"));
        Files.writeString(home.resolve("monitoring/monitors.yaml"), Files.readString(home.resolve("monitoring/monitors.yaml"))
                .replace("@shahid.test", "@monitors.example.org"));
        Map<String, String> settings = new HashMap<>(Map.of("shahid.home", home.toString(),
                "shahid.domain", "example.org",
                "shahid.own-addresses", "report@example.org,info@example.org,monitors@example.org"));
        for (String mailbox : List.of("report", "info", "monitors", "bounces")) {
            settings.put("shahid.mailbox." + mailbox + ".address", mailbox + "@example.org");
            settings.put("shahid.mailbox." + mailbox + ".username", mailbox + "@example.org");
            settings.put("shahid.mailbox." + mailbox + ".password", "secret-" + mailbox);
        }
        try (RunningShahid shahid = RunningShahid.prepare(state.resolve("state"), settings)) {
            for (String mailbox : List.of("report", "info", "monitors", "bounces")) {
                shahid.mail().setUser(mailbox + "@example.org", mailbox + "@example.org", "secret-" + mailbox);
            }
            assertThat(AdminCli.run(shahid, "keys", "generate").exit()).isZero();
            AdminCli.Run run = AdminCli.run(shahid, "validate", "--connect");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("ok: production settings").contains("ok: mail servers");
        }
    }

    private static void copy(Path source, Path target) throws Exception {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
    }
}
