package org.shahid.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "reporter@example.org|reporter@example.org",
        "  reporter@example.org  |reporter@example.org",
        "Ahmed Ali <ahmed.ali@example.org>|ahmed.ali@example.org",
        "\"Ali, Ahmed\" <ahmed@example.org>|ahmed@example.org",
        "=?UTF-8?B?2LnZhNmK?= <ali@example.iq>|ali@example.iq",
        "=?iso-8859-1?Q?B=FCrling?= <hans@example.de>|hans@example.de",
        "John Q. Public <jqp@example.com>|jqp@example.com",
        "علي <ali@example.iq>|ali@example.iq",
        "reporter@example.org (Reporter)|reporter@example.org",
        "(a (nested) comment) <r@example.org> (after)|r@example.org",
        "<victim+tag@Example.ORG>|victim+tag@Example.ORG",
        "\"john doe\"@example.com|\"john doe\"@example.com",
    })
    void returnsTheAddrSpecExactlyAsWritten(String raw, String expected) {
        assertThat(ReplyAddress.strictlyFrom(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Test test@example.com",
        "<power quadrant system@example.com>",
        "power quadrant system@example.com",
        "=?iso-8859-1?Q?B=FCrling, Hans?= <hans@example.de>",
        "=?iso-8859-1?Q?B=FCrling",
        "<name@yahoo.com.>",
        "name@yahoo.com.",
        "a@example.org, b@example.org",
        "undisclosed-recipients:;",
        "team: a@example.org;",
        "<@route.example:a@example.org>",
        "a @ example.org",
        "a(comment)@example.org",
        "a..b@example.org",
        ".a@example.org",
        "a.@example.org",
        "a@example..org",
        "a@[192.0.2.1]",
        "a@-example.org",
        "a@exa_mple.org",
        "a@exam!ple.org",
        "Name <a@example.org",
        "Name a@example.org>",
        "<a@example.org> trailing",
        "<a@example.org> (unclosed comment",
        "(unclosed <a@example.org>",
        "\"unclosed <a@example.org>",
        "\"line\r\nbreak\"@example.org",
        "ali@مثال.iq",
        "عل@example.iq",
        "<>",
        "",
        "   ",
        "@example.org",
        "a@",
    })
    void refusesAnythingThatIsNotExactlyOneValidMailbox(String raw) {
        assertThat(ReplyAddress.strictlyFrom(raw)).isEmpty();
    }

    @Test
    void readsFoldedHeadersAndApostrophes() {
        assertThat(ReplyAddress.strictlyFrom("Someone\r\n <folded@example.com>")).contains("folded@example.com");
        assertThat(ReplyAddress.strictlyFrom("o'brien@xn--mgbh0fb.example")).contains("o'brien@xn--mgbh0fb.example");
    }

    @Test
    void refusesNull() {
        assertThat(ReplyAddress.strictlyFrom(null)).isEmpty();
    }

    @Test
    void refusesAddressesSmtpCannotCarry() {
        String local65 = "a".repeat(65);
        assertThat(ReplyAddress.strictlyFrom(local65 + "@example.org")).isEmpty();
        assertThat(ReplyAddress.strictlyFrom("a".repeat(64) + "@example.org")).contains("a".repeat(64) + "@example.org");
        assertThat(ReplyAddress.strictlyFrom("a@" + "b".repeat(64) + ".org")).isEmpty();
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "org";
        assertThat(ReplyAddress.strictlyFrom("a@" + longDomain)).isEmpty();
    }

    @Test
    void refusesAnOverlongHeaderWithoutParsingIt() {
        String padded = "x".repeat(ReplyAddress.MAX_HEADER_CHARS) + " <a@example.org>";
        assertThat(ReplyAddress.strictlyFrom(padded)).isEmpty();
        String justFits = "x".repeat(ReplyAddress.MAX_HEADER_CHARS - 16) + " <a@example.org>";
        assertThat(ReplyAddress.strictlyFrom(justFits)).contains("a@example.org");
    }

    @Test
    void staysLinearOnDeeplyNestedAndRepeatedInput() {
        String nested = "(".repeat(2000) + ")".repeat(2000) + " <a@example.org>";
        assertThat(ReplyAddress.strictlyFrom(nested)).contains("a@example.org");
        String dots = "a" + ".a".repeat(1500) + "@example.org";
        assertThat(ReplyAddress.strictlyFrom(dots)).isEmpty();
    }
}
