package org.shahid.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    @Test
    void environmentVariablesOverrideDefaultsByTheirUnderscoredName() {
        Settings settings = Settings.load(Map.of("SHAHID_HOME", home.toString(), "SHAHID_DB_POOL_SIZE", "3",
                "SHAHID_DATA_DIR", "/srv/shahid"), Map.of());

        assertThat(settings.integer("shahid.db.pool-size")).isEqualTo(3);
        assertThat(settings.text("shahid.data-dir")).isEqualTo("/srv/shahid");
    }

    @Test
    void readsSecretsFromTheFileAVariableNames() throws Exception {
        Path secret = Files.writeString(home.resolve("db-password"), "s3cret\n");

        Settings settings = Settings.load(Map.of("SHAHID_HOME", home.toString(),
                "SHAHID_DB_PASSWORD_FILE", secret.toString()), Map.of());

        assertThat(settings.text("shahid.db.password")).isEqualTo("s3cret");
    }

    @Test
    void givesANewMailboxsVariableADottedKey() {
        Settings settings = Settings.load(Map.of("SHAHID_HOME", home.toString(),
                "SHAHID_MAILBOX_TIPS_PASSWORD", "pw"), Map.of());

        assertThat(settings.text("shahid.mailbox.tips.password")).isEqualTo("pw");
    }

    @Test
    void homeFilePropertiesSitBetweenDefaultsAndEnvironment() throws Exception {
        Files.writeString(home.resolve("shahid.properties"), "shahid.imap.port=993\nshahid.imap.host=mail.example.org\n");

        Settings settings = Settings.load(Map.of("SHAHID_HOME", home.toString(), "SHAHID_IMAP_PORT", "1993"), Map.of());

        assertThat(settings.text("shahid.imap.host")).isEqualTo("mail.example.org");
        assertThat(settings.integer("shahid.imap.port")).isEqualTo(1993);
    }

    @Test
    void namesTheVariableOfAMissingRequiredSetting() {
        Settings settings = Settings.load(Map.of("SHAHID_HOME", home.toString()), Map.of());

        assertThatThrownBy(() -> settings.text("shahid.db.url"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SHAHID_DB_URL");
    }

    @Test
    void parsesShortDurationsAndRejectsNonsense() {
        Settings settings = Settings.load(Map.of("SHAHID_HOME", home.toString()),
                Map.of("a", "30s", "b", "2h", "c", "soon"));

        assertThat(settings.duration("a")).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.duration("b")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> settings.duration("c")).hasMessageContaining("c must be a duration");
    }
}
