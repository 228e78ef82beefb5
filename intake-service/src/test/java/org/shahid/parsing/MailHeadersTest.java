package org.shahid.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailHeadersTest {

    private final MailHeaders headers = MailHeaders.of(
            List.of("Received", "SUBJECT", "received", "X-Note", "X-Raw"),
            List.of("from a", "=?UTF-8?B?2KrYstmI2YrYsQ==?=\r\n =?UTF-8?Q?_=D9=81=D8=B1=D8=B2?=", "from b",
                    "folded\r\n\tvalue", latin1("Café ✓")));

    @Test
    void findsFieldsWhateverTheCaseOfTheirName() {
        assertThat(headers.first("received")).contains("from a");
        assertThat(headers.all("RECEIVED")).containsExactly("from a", "from b");
        assertThat(headers.first("Absent")).isEmpty();
        assertThat(headers.all("Absent")).isEmpty();
    }

    @Test
    void listsNamesInOrderWithDuplicates() {
        assertThat(headers.names()).containsExactly("Received", "SUBJECT", "received", "X-Note", "X-Raw");
    }

    @Test
    void unfoldsValues() {
        assertThat(headers.first("X-Note")).contains("folded\tvalue");
    }

    @Test
    void decodesEncodedWordsOnlyWhenAsked() {
        assertThat(headers.first("Subject")).hasValueSatisfying(raw -> assertThat(raw).startsWith("=?UTF-8?B?"));
        assertThat(headers.firstDecoded("Subject")).contains("تزوير فرز");
    }

    @Test
    void readsRawUtf8BytesAsUtf8() {
        assertThat(headers.first("X-Raw")).contains("Café ✓");
    }

    @Test
    void keepsAMalformedEncodedWordAsRawText() {
        MailHeaders bad = MailHeaders.of(List.of("Subject"), List.of("=?NONE?B?VEVTVA=?="));

        assertThat(bad.firstDecoded("Subject")).contains("=?NONE?B?VEVTVA=?=");
    }

    @Test
    void readsInvalidUtf8BytesAsWindows1252() {
        MailHeaders windows = MailHeaders.of(List.of("Subject"),
                List.of(new String(new byte[] {'V', 'e', 'r', (byte) 0xE3, 'o', ' ', (byte) 0x80}, StandardCharsets.ISO_8859_1)));

        assertThat(windows.first("Subject")).contains("Verão €");
    }

    /** Header text as Jakarta Mail hands it over: each raw byte as one ISO-8859-1 character. */
    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
