package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.command;

import org.junit.jupiter.api.Test;

class EscalateTest {

    @Test
    void readsThePlatformAndTheAction() {
        assertThat(command("escalate-meta.txt")).isEqualTo(new Escalate("#escalate meta", "meta"));
        assertThat(command("platform-action-removed.txt"))
                .isEqualTo(new RecordPlatformAction("#platform-action removed", "removed"));
    }

    @Test
    void explainsAnUnknownAction() {
        assertThat(CommandFixture.inEnglish(ParsedReply.of("#platform-action deleted").problems())).containsExactly(
                "#platform-action deleted: unknown action; use removed, labelled, refused or none");
        assertThat(CommandFixture.inEnglish(ParsedReply.of("#escalate").problems()))
                .containsExactly("#escalate: needs a platform id from monitoring/platforms.yaml");
    }
}
