package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shahid.parsing.MailLimits;
import org.shahid.parsing.MailParser;
import org.shahid.parsing.ParsedMail;

/** One fixture per kind of machine-written mail (Zammad's checklist), and the human mail that must pass. */
class LoopGuardTest {

    private final LoopGuard guard = new LoopGuard(List.of("report@shahid.test", "info@shahid.test"));
    private final MailParser parser = new MailParser(new MailLimits(20, 1_000_000, 8));

    @ParameterizedTest
    @CsvSource({
        "auto-reply-outlook-ooo.eml, marked as automatically submitted",
        "auto-reply-legacy-x-autoreply.eml, marked as automatically submitted",
        "bounce-postfix-dsn.eml, empty return path",
        "mailing-list-digest.eml, 'bulk, junk or list precedence'",
        "own-acknowledgement-looped-back.eml, sent from one of Shahid's own addresses",
        "platform-notification-no-reply.eml, 'sent by a mail system (mailer-daemon, postmaster, no-reply)'"})
    void refusesToAnswerMachineWrittenMail(String fixture, String reason) throws Exception {
        assertThat(guard.reasonNotToAnswer(parse(fixture))).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"reply-from-phone-auto-submitted-no.eml"})
    void answersMailAPersonWrote(String fixture) throws Exception {
        assertThat(guard.reasonNotToAnswer(parse(fixture))).isEmpty();
    }

    private ParsedMail parse(String fixture) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/loop/" + fixture)) {
            return parser.parse(in.readAllBytes());
        }
    }
}
