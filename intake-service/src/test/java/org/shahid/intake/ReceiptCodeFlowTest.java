package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.testing.MailText;

/** Receipt codes end to end: the acknowledgement carries one, and it joins a follow-up from any address. */
class ReceiptCodeFlowTest {

    private static final Pattern CODE = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{4}");

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.start(state);
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    private String reportAndReadCode(String address) throws Exception {
        shahid.deliverRaw(REPORT, TestMails.plain("Sara <" + address + ">", REPORT, "Vote buying",
                "Men handed out envelopes with money outside the school."));
        Matcher code = CODE.matcher(MailText.of(shahid.awaitReceived(address, 1).get(0)));
        assertThat(code.find()).isTrue();
        return code.group();
    }

    @Test
    void aFollowUpFromANewAddressWithTheRightCodeJoinsTheTicket() throws Exception {
        String code = reportAndReadCode("sara.first@example.org");

        shahid.deliverRaw(REPORT, TestMails.plain("throwaway <x93k@burner.example.net>", REPORT, "Receipt " + code,
                "Here is a second photo of the envelopes."));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_message", 2);

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'FOLLOW_UP_RECEIVED'"
                + " AND detail = 'by receipt code'")).isEqualTo(1);
        assertThat(shahid.dump("ticket_message") + shahid.dump("receipt_code") + shahid.dump("ticket_event")
                + shahid.dump("outbox")).doesNotContain(code).doesNotContain(code.replace("-", ""));
    }

    @Test
    void aWrongCodeOpensANewReportAndRepeatedWrongCodesAreIgnored() throws Exception {
        String code = reportAndReadCode("sara.second@example.org");
        String wrong = code.startsWith("9") ? "1" + code.substring(1) : "9" + code.substring(1);

        for (int attempt = 1; attempt <= 6; attempt++) {
            shahid.deliverRaw(REPORT, TestMails.plain("guesser@example.com", REPORT, "code " + wrong,
                    "attempt " + attempt));
            shahid.awaitCount("SELECT COUNT(*) FROM ticket", 1 + attempt);
        }
        shahid.deliverRaw(REPORT, TestMails.plain("guesser@example.com", REPORT, "code " + code, "right code, too late"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", 8);

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'RECEIPT_CODE_NOT_MATCHED'"))
                .isEqualTo(5);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'RECEIPT_CODE_IGNORED'"))
                .isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_message WHERE ticket_id = 1")).isEqualTo(1);
    }
}
