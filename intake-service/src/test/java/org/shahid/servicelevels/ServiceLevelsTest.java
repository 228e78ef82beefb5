package org.shahid.servicelevels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.kernel.ConfigurationException;

class ServiceLevelsTest {

    @TempDir
    Path folder;

    @Test
    void theMostSpecificEntryWins() {
        ServiceLevels levels = ServiceLevels.load(Path.of("monitoring/service-levels.yaml"));
        assertThat(levels.levelOf("report", "hate-speech").firstAction()).isEqualTo(Duration.ofHours(4));
        assertThat(levels.levelOf("report", null).firstAction()).isEqualTo(Duration.ofHours(12));
        assertThat(levels.levelOf("report", "misinformation").resolution()).isEqualTo(Duration.ofDays(5));
        assertThat(levels.levelOf("tips", "hate-speech")).isEqualTo(new ServiceLevels.Level(Duration.ofHours(24),
                Duration.ofDays(7)));
        assertThat(levels.remindBefore()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void refusesAFileWithEveryProblemListed() throws Exception {
        Path file = folder.resolve("service-levels.yaml");
        Files.writeString(file, """
                remind-before: 2h
                default: {first-action: soon, resolution: 7d}
                levels:
                  - {mailbox: report, first-action: 4d, resolution: 1d}
                """);
        assertThatThrownBy(() -> ServiceLevels.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("default.first-action: expected a duration such as 30m, 4h or 3d, not 'soon'")
                .hasMessageContaining("levels[0]: resolution must not be shorter than first-action");
    }
}
