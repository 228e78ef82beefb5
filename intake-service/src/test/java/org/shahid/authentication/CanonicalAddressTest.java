package org.shahid.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalAddressTest {

    @ParameterizedTest
    @CsvSource({
        "victim@example.org, victim@example.org",
        "Victim@Example.ORG, victim@example.org",
        "victim+1@example.org, victim@example.org",
        "victim+a+b@example.org, victim@example.org",
        "v.i.c.t.i.m+x@gmail.com, victim@gmail.com",
        "Vic.Tim@googlemail.com, victim@gmail.com",
        "vic.tim@example.org, vic.tim@example.org",
        "+tag@example.org, +tag@example.org",
        "\"victim+1\"@example.org, victim@example.org",
    })
    void mapsVariantsOfOneInboxToOneForm(String address, String canonical) {
        assertThat(CanonicalAddress.of(address)).isEqualTo(canonical);
    }
}
