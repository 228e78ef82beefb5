package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.reply;

import org.junit.jupiter.api.Test;

class AddNoteTest {

    @Test
    void keepsTheWholeReplyInternal() {
        ParsedReply parsed = reply("note-with-following-text.txt");
        assertThat(parsed.relay()).isEmpty();
        assertThat(parsed.commands()).containsExactly(
                new AddNote("#note called the source", "called the source\nThe post is gone now."));
    }

    @Test
    void needsText() {
        assertThat(CommandFixture.inEnglish(ParsedReply.of("#note").problems())).containsExactly("#note: needs the text of the note");
    }
}
