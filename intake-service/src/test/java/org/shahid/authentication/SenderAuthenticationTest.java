package org.shahid.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SenderAuthenticationTest {

    private final SenderAuthentication ours = new SenderAuthentication("mx.shahid.test");

    @ParameterizedTest
    @ValueSource(strings = {
        "mx.shahid.test; dmarc=pass header.from=example.org",
        "mx.shahid.test; dmarc=pass",
        "mx.shahid.test 1; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org",
        "mx.shahid.test; dkim=pass header.i=@example.org",
        "mx.shahid.test; dkim=pass header.i=reporter@example.org header.s=sel",
        "mx.shahid.test; dkim=pass header.d=mail.example.org",
        "MX.Shahid.Test; DKIM=Pass Header.D=Example.ORG",
        "mx.shahid.test (our border); dkim=pass (good signature) header.d=example.org (signer)",
        "mx.shahid.test; dkim=fail header.d=other.example; dkim=pass header.d=example.org",
        "mx.shahid.test; dkim = pass reason=\"signature ok; verified\" header.d = example.org",
        "Authentication-Results: mx.shahid.test; dmarc=pass header.from=example.org",
        "\"mx.shahid.test\"; dmarc=pass header.from=example.org",
        "mx.shahid.test;\r\n\tdkim/1=pass header.d=example.org",
    })
    void authenticatesDmarcPassOrAnAlignedDkimPass(String header) {
        assertThat(ours.authenticates(List.of(header), "reporter@example.org")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mx.shahid.test; spf=pass smtp.mailfrom=reporter@example.org",
        "mx.shahid.test; dkim=pass header.d=evil.example",
        "mx.shahid.test; dkim=pass header.d=notexample.org",
        "mx.shahid.test; dkim=pass header.d=org",
        "mx.shahid.test; dkim=pass header.i=reporter@evil.example",
        "mx.shahid.test; dkim=fail header.d=example.org",
        "mx.shahid.test; dkim=neutral header.d=example.org",
        "mx.shahid.test; dmarc=fail header.from=example.org",
        "mx.shahid.test; dmarc=pass header.from=evil.example",
        "mx.shahid.test; none",
        "mx.shahid.test",
        "mx.shahid.test; dkim=temperror (dkim=pass header.d=example.org) header.d=example.org",
        "mx.shahid.test; dkim=fail reason=\"dkim=pass header.d=example.org\" header.d=example.org",
        "mx.shahid.test; dkim=fail header.d=example.org (; dkim=pass header.d=example.org)",
        "mx.shahid.test.evil; dkim=pass header.d=example.org",
        "evil (mx.shahid.test); dkim=pass header.d=example.org",
        "other.example; dkim=pass header.d=example.org",
    })
    void refusesEverythingElse(String header) {
        assertThat(ours.authenticates(List.of(header), "reporter@example.org")).isFalse();
    }

    @Test
    void onlyTheTopmostHeaderOfOursCounts() {
        String failing = "mx.shahid.test; dkim=fail header.d=example.org";
        String forgedBelow = "mx.shahid.test; dmarc=pass header.from=example.org";
        String foreignAbove = "relay.example; dkim=fail";
        assertThat(ours.authenticates(List.of(failing, forgedBelow), "reporter@example.org")).isFalse();
        assertThat(ours.authenticates(List.of(foreignAbove, forgedBelow), "reporter@example.org")).isTrue();
        assertThat(ours.authenticates(List.of(foreignAbove), "reporter@example.org")).isFalse();
        assertThat(ours.authenticates(List.of(), "reporter@example.org")).isFalse();
    }

    @Test
    void anEmptyAuthservIdAuthenticatesNothing() {
        List<String> headers = List.of("; dmarc=pass", " ; dkim=pass header.d=example.org", "dmarc=pass");
        assertThat(new SenderAuthentication("").authenticates(headers, "reporter@example.org")).isFalse();
        assertThat(new SenderAuthentication(null).authenticates(headers, "reporter@example.org")).isFalse();
        assertThat(new SenderAuthentication("  ").isConfigured()).isFalse();
    }

    @Test
    void alignsRelaxedButNeverAcrossSiblingsOrATopLevelDomain() {
        assertThat(SenderAuthentication.aligned("example.org", "example.org")).isTrue();
        assertThat(SenderAuthentication.aligned("example.org", "mail.example.org")).isTrue();
        assertThat(SenderAuthentication.aligned("mail.example.org", "example.org")).isTrue();
        assertThat(SenderAuthentication.aligned("a.example.org", "b.example.org")).isFalse();
        assertThat(SenderAuthentication.aligned("org", "example.org")).isFalse();
        assertThat(SenderAuthentication.aligned("xample.org", "example.org")).isFalse();
    }

    @Test
    void needsAFromDomain() {
        List<String> headers = List.of("mx.shahid.test; dmarc=pass");
        assertThat(ours.authenticates(headers, "reporter@example.org")).isTrue();
        assertThat(ours.authenticates(headers, "example.org")).isFalse();
        assertThat(ours.authenticates(headers, "reporter@")).isFalse();
        assertThat(ours.authenticates(headers, null)).isFalse();
        assertThat(ours.authenticates(null, "reporter@example.org")).isFalse();
    }

    @Test
    void refusesOurHeaderWhenItIsTooLongToBeOurs() {
        String padded = "mx.shahid.test; dkim=pass header.d=example.org (" + "x".repeat(SenderAuthentication.MAX_HEADER_CHARS)
                + ")";
        assertThat(ours.authenticates(List.of(padded), "reporter@example.org")).isFalse();
    }

    @Test
    void hostileValuesEndQuickly() {
        String comments = "mx.shahid.test; " + "(".repeat(4000) + " dkim=pass header.d=example.org";
        String quotes = "mx.shahid.test; reason=\"" + "\\\"".repeat(3000);
        String equals = "mx.shahid.test; " + "=".repeat(8000);
        for (String hostile : List.of(comments, quotes, equals)) {
            assertThat(ours.authenticates(List.of(hostile), "reporter@example.org")).isFalse();
        }
    }
}
