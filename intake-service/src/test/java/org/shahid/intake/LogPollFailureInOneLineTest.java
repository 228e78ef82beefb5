package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogPollFailureInOneLineTest {

    @Test
    void namesTheMailboxLoginFromCamelsMessage() {
        assertThat(LogPollFailureInOneLine.mailboxOf("Failed polling endpoint: imap://127.0.0.1:993?binding=%23raw"
                + "&username=report%40example.org&unseen=true. Will try again at next poll"))
                .isEqualTo("report@example.org");
    }

    @Test
    void fallsBackToTheServerWhenTheMessageNamesNoLogin() {
        assertThat(LogPollFailureInOneLine.mailboxOf("Failed polling endpoint: imaps://mail.example.org:993?unseen=true"))
                .isEqualTo("imaps://mail.example.org:993");
        assertThat(LogPollFailureInOneLine.mailboxOf(null)).isEqualTo("(unknown)");
    }
}
