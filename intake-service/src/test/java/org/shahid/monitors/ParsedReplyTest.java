package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;

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
    void explainsUnknownAndInvalidCommands() {
        ParsedReply reply = ParsedReply.of("#status finished\n#priority\n#frobnicate\nhello");
        assertThat(CommandFixture.inEnglish(reply.problems())).containsExactly(
                "#status finished: unknown status; use triaged, investigating, resolved, rejected or closed",
                "#priority: needs a priority: low, normal, high or urgent",
                "#frobnicate: unknown command; known: #status, #assign, #category, #priority, #note, #close, #reject,"
                        + " #reopen, #cluster, #actor, #commitment, #verdict, #severity, #escalate, #platform-action,"
                        + " #evidence");
    }

    @Test
    void suggestsFakeAccountsForAnArabicReport() {
        Categories categories = Categories.load(java.nio.file.Path.of("monitoring/categories.yaml"));
        assertThat(categories.suggestCategory("هناك حسابات وهمية كثيرة تنشر منشورات عن المرشح في البصرة"))
                .contains("fake-accounts");
        assertThat(categories.suggestActor("هناك حسابات وهمية كثيرة تنشر منشورات عن المرشح")).contains("candidate");
        assertThat(Roster.load(java.nio.file.Path.of("monitoring/monitors.yaml")).monitors()).hasSize(2);
    }
}
