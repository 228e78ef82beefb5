package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.reply;

import org.junit.jupiter.api.Test;

class SetVerdictTest {

    @Test
    void readsTheVerdict() {
        assertThat(reply("finding-complete.txt").commands()).contains(new SetVerdict("#verdict violation",
                "violation"));
        assertThat(ParsedReply.of("#verdict No-Violation").commands()).containsExactly(
                new SetVerdict("#verdict No-Violation", "no-violation"));
    }

    @Test
    void explainsAnUnknownVerdict() {
        assertThat(CommandFixture.inEnglish(reply("verdict-and-severity-unknown.txt").problems())).contains(
                "#verdict guilty: unknown verdict; use violation, no-violation or unverifiable");
    }
}
