package org.shahid.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.Settings;
import org.shahid.admin.ShahidCommand;
import picocli.CommandLine;

/** The sender-authentication settings, `run`'s refusal and what `validate` and the demo say about them. */
class AuthenticationSettingsTest {

    @TempDir
    Path state;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = ShahidCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static AuthenticationSettings of(Map<String, String> environment) {
        return AuthenticationSettings.of(Settings.load(environment, Map.of()));
    }

    @Test
    void readsOneAuthservIdForReportersAndMonitorsWithItsOlderAlias() {
        assertThat(of(Map.of()).authservId()).isEmpty();
        assertThat(of(Map.of("SHAHID_MAIL_AUTHSERV_ID", "mx.example.org")).authservId()).isEqualTo("mx.example.org");
        assertThat(of(Map.of("SHAHID_MONITORS_AUTHSERV_ID", "old.example.org")).authservId())
                .isEqualTo("old.example.org");
        assertThat(of(Map.of("SHAHID_MAIL_AUTHSERV_ID", "mx.example.org", "SHAHID_MONITORS_AUTHSERV_ID",
                "old.example.org")).authservId()).isEqualTo("mx.example.org");
        assertThat(of(Map.of()).replyKeyTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(of(Map.of()).allowUnauthenticatedMonitors()).isFalse();
        assertThatThrownBy(() -> of(Map.of("SHAHID_MAIL_AUTHSERV_ID", "mx.example.org; dkim=pass")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("one token");
        assertThatThrownBy(() -> of(Map.of("SHAHID_MONITORS_REPLY_KEY_TTL", "2h")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least one day");
    }

    @Test
    void runRefusesToStartWithoutAuthenticationUnlessOptedOut() {
        Map<String, String> environment = Map.of("SHAHID_KEYS_DIR", state.resolve("keys").toString());
        assertThat(run(environment, "run")).isNotZero();
        assertThat(err.toString()).contains("SHAHID_MAIL_AUTHSERV_ID").contains("shahid.monitors.allow-unauthenticated");
        assertThat(of(Map.of("SHAHID_MONITORS_ALLOW_UNAUTHENTICATED", "true")).refusalToRun()).isEmpty();
        assertThat(of(Map.of("SHAHID_MAIL_AUTHSERV_ID", "mx.example.org")).refusalToRun()).isEmpty();
    }

    @Test
    void validateSaysPlainlyWhatTheOptOutExposes() {
        Map<String, String> environment = Map.of("SHAHID_KEYS_DIR", state.resolve("keys").toString(),
                "SHAHID_MONITORS_ALLOW_UNAUTHENTICATED", "true");
        assertThat(run(environment, "keys", "generate")).isZero();
        assertThat(run(environment, "validate", "--offline")).as(err::toString).isZero();
        assertThat(out.toString()).contains("ok: sender authentication")
                .contains("warning: shahid.monitors.allow-unauthenticated=true and no shahid.mail.authserv-id")
                .contains("can change that ticket and write to its reporter");
    }

    @Test
    void theDemoBannerLineSaysWhatTheMonitorsMailboxAccepts() {
        assertThat(of(Map.of("SHAHID_MONITORS_ALLOW_UNAUTHENTICATED", "true")).bannerLine())
                .contains("NOT authenticated").contains("SHAHID_MONITORS_ALLOW_UNAUTHENTICATED=true");
        assertThat(of(Map.of("SHAHID_MAIL_AUTHSERV_ID", "mx.example.org")).bannerLine()).contains("mx.example.org");
        assertThat(of(Map.of()).bannerLine()).contains("all refused");
    }
}
