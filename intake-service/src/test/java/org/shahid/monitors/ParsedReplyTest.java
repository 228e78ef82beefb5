package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedReplyTest {

    @Test
    void readsLeadingCommandsAndRelaysTheRest() {
        ParsedReply reply = ParsedReply.of("#status investigating\n#assign me\n#priority high\n\nWe are on it.");
        assertThat(reply.problems()).isEmpty();
        assertThat(reply.commands()).hasSize(3);
        assertThat(reply.relay()).isEqualTo("We are on it.");
    }

    @Test
    void aNoteKeepsTheWholeReplyInternal() {
        ParsedReply reply = ParsedReply.of("#note called the source\nThe post is gone now.");
        assertThat(reply.relay()).isEmpty();
        assertThat(((MonitorCommand.AddNote) reply.commands().get(0)).text())
                .isEqualTo("called the source\nThe post is gone now.");
    }

    @Test
    void explainsUnknownAndInvalidCommands() {
        ParsedReply reply = ParsedReply.of("#status finished\n#priority\n#frobnicate\nhello");
        assertThat(reply.problems()).containsExactly(
                "#status finished: unknown status; use triaged, investigating, resolved, rejected or closed",
                "#priority: needs a priority: low, normal, high or urgent",
                "#frobnicate: unknown command; known: #status, #assign, #category, #priority, #note, #close, #reject,"
                        + " #reopen, #cluster");
    }

    @Test
    void readsTheDuplicateOfARejection() {
        ParsedReply reply = ParsedReply.of("#reject duplicate [SHD-7K3M-Q9XR-2BTA]");
        assertThat(reply.commands()).containsExactly(
                new MonitorCommand.Reject("#reject duplicate [SHD-7K3M-Q9XR-2BTA]", "duplicate", "SHD-7K3M-Q9XR-2BTA"));
        assertThat(ParsedReply.of("#reject").problems()).hasSize(1);
    }

    @Test
    void suggestsFakeAccountsForAnArabicReport() {
        Categories categories = Categories.load(java.nio.file.Path.of("routes/categories.yaml"));
        assertThat(categories.suggestCategory("هناك حسابات وهمية كثيرة تنشر منشورات عن المرشح في البصرة"))
                .contains("fake-accounts");
        assertThat(categories.suggestActor("هناك حسابات وهمية كثيرة تنشر منشورات عن المرشح")).contains("candidate");
        assertThat(Roster.load(java.nio.file.Path.of("routes/monitors.yaml")).monitors()).hasSize(2);
    }
}
