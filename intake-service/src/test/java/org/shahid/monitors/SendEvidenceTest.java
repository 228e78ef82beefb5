package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.command;

import org.junit.jupiter.api.Test;

class SendEvidenceTest {

    @Test
    void readsAllOrAFilesNumber() {
        assertThat(command("evidence-all.txt")).isEqualTo(new SendEvidence("#evidence all", "all"));
        assertThat(command("evidence-third.txt")).isEqualTo(new SendEvidence("#evidence 3", "3"));
    }

    @Test
    void explainsAMissingOrBadlyWrittenFile() {
        assertThat(CommandFixture.inEnglish(ParsedReply.of("#evidence").problems()))
                .containsExactly("#evidence: needs a file's number from the notification's evidence list, or all");
        assertThat(CommandFixture.inEnglish(ParsedReply.of("#evidence first").problems()))
                .containsExactly("#evidence first: names a file by its number in the evidence list, or all");
    }

    @Test
    void readsAnExplicitRequestForAHostileFileAndNothingElseAfterTheNumber() {
        assertThat(ParsedReply.of("#evidence 3 hostile").commands())
                .containsExactly(new SendEvidence("#evidence 3 hostile", "3", "hostile"));
        assertThat(ParsedReply.of("#evidence 3 HOSTILE").commands())
                .containsExactly(new SendEvidence("#evidence 3 HOSTILE", "3", "hostile"));
        assertThat(CommandFixture.inEnglish(ParsedReply.of("#evidence 3 please").problems()))
                .containsExactly("#evidence 3 please: takes only the word hostile after the file's number");
    }
}
