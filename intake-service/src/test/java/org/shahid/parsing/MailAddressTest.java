package org.shahid.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MailAddressTest {

    @Test
    void readsDisplayNameAndLowerCasesOnlyTheDomain() {
        assertThat(MailAddress.parseLenient("\"Ali, Basra\" <Ali.Hassan@Example.ORG>"))
                .contains(new MailAddress("Ali.Hassan@example.org", "Ali, Basra"));
    }

    @Test
    void takesTheFirstOfSeveralAddresses() {
        assertThat(MailAddress.parseLenient("one@example.org, two@example.org"))
                .contains(new MailAddress("one@example.org", ""));
    }

    @Test
    void toleratesObsoleteCommentsAndBlanksInsideTheAddress() {
        assertThat(MailAddress.parseLenient("John Doe <jdoe@machine(comment).  example>"))
                .contains(new MailAddress("jdoe@machine.example", "John Doe"));
    }

    @Test
    void readsRawUtf8AddressesOfRfc6532() {
        assertThat(MailAddress.parseLenient("Jöhn Doe <jdöe@Mächine.example>"))
                .contains(new MailAddress("jdöe@mächine.example", "Jöhn Doe"));
    }

    @Test
    void decodesEncodedWordDisplayNameEvenWithAnUnknownCharset() {
        assertThat(MailAddress.parseLenient("=?x-unknown?Q?Salim?= <salim@example.org>"))
                .contains(new MailAddress("salim@example.org", "Salim"));
    }

    @Test
    void findsAnAddressInAValueThatJakartaRejects() {
        assertThat(MailAddress.parseLenient("\"unterminated <voter@Example.COM>"))
                .map(MailAddress::address).contains("voter@example.com");
    }

    @Test
    void takesTheFirstMemberOfAGroup() {
        assertThat(MailAddress.parseLenient("Observers: first@example.org, second@example.org;"))
                .contains(new MailAddress("first@example.org", ""));
    }

    @Test
    void givesUpQuicklyOnAHugeValueWithoutAnAddress() {
        String hostile = "\"" + "a".repeat(200_000) + " <";

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> MailAddress.parseLenient(hostile))).isEmpty();
    }

    @Test
    void findsNothingInAnEmptyOrAddressFreeValue() {
        assertThat(MailAddress.parseLenient("")).isEmpty();
        assertThat(MailAddress.parseLenient(null)).isEmpty();
        assertThat(MailAddress.parseLenient("MAILER DAEMON <>")).isEmpty();
        assertThat(MailAddress.parseLenient("undisclosed-recipients:;")).isEmpty();
    }
}
