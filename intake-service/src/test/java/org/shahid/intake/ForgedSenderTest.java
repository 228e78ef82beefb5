package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * No address oracle: a forged mail with a reporter's exact address and their ticket's reference is, for anything
 * an insider sees, the same as a forged mail with any other address (it joins nothing, gets a pseudonym of its
 * own, and is acknowledged and notified alike), while the reporter's authenticated follow-up still joins.
 */
class ForgedSenderTest {

    private static final String AUTHSERV_ID = "mx.shahid.test";
    private static final String REPORTER = "layla.hassan@example.org";
    private static final Pattern REFERENCE = Pattern.compile("\\[(SHD-[A-Z0-9-]+)\\]");

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of("shahid.mail.authserv-id", AUTHSERV_ID,
                "shahid.monitors.authserv-id", AUTHSERV_ID));
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    private static String authenticated(String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        return "Authentication-Results: " + AUTHSERV_ID + "; spf=pass smtp.mailfrom=" + address + "; dkim=pass header.d="
                + domain + "; dmarc=pass header.from=" + domain + "\r\n";
    }

    @Test
    void aForgedFromWithTheReportersAddressLooksLikeAnyOtherForgeryAndTheGenuineFollowUpJoins() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.plain("Layla <" + REPORTER + ">", REPORT, "Vote buying at school 12",
                "Men paid voters at school 12.", authenticated(REPORTER)));
        MimeMessage acknowledgement = shahid.awaitReceived(REPORTER, 1).get(0);
        String reference = reference(acknowledgement.getSubject());

        // An insider guesses the reporter's address, and one who guesses wrong; both copy the reference.
        shahid.deliverRaw(REPORT, TestMails.plain("Layla <" + REPORTER + ">", REPORT, "Re: [" + reference + "] more",
                "Is this you?"));
        shahid.deliverRaw(REPORT, TestMails.plain("Someone <someone.else@example.net>", REPORT,
                "Re: [" + reference + "] more", "Is this you?"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", 3);
        // The genuine follow-up: authenticated by the receiving server, keeping the reference.
        shahid.deliverRaw(REPORT, TestMails.plain("Layla <" + REPORTER + ">", REPORT, "Re: [" + reference + "] photo",
                "Another photo from the same school.", authenticated(REPORTER)));
        // Acknowledgements and monitors' notifications are queued in the transaction that records the message.
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_message", 4);

        long original = shahid.count("SELECT id FROM ticket WHERE reference = '" + reference + "'");
        long guessedRight = shahid.count("SELECT MIN(id) FROM ticket WHERE id <> " + original);
        long guessedWrong = shahid.count("SELECT MAX(id) FROM ticket WHERE id <> " + original);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_message WHERE ticket_id = " + original))
                .as("the original ticket holds the report and the genuine follow-up").isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(DISTINCT reporter_pseudonym) FROM ticket"))
                .as("three tickets, three pseudonyms").isEqualTo(3);
        assertThat(shahid.whatAnInsiderSees(guessedRight)).isEqualTo(shahid.whatAnInsiderSees(guessedWrong));
        assertThat(shahid.text("SELECT GROUP_CONCAT(kind ORDER BY id) FROM ticket_event WHERE ticket_id = " + original))
                .contains("FOLLOW_UP_RECEIVED");
    }

    private static String reference(String subject) {
        Matcher matcher = REFERENCE.matcher(subject);
        assertThat(matcher.find()).as("reference in " + subject).isTrue();
        return matcher.group(1);
    }
}
