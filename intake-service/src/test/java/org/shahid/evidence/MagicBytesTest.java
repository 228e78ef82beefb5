package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MagicBytesTest {

    @Test
    void recognisesASignatureAtTheStartOnly() {
        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(MagicBytes.startsWith(pdf, "%PDF")).isTrue();
        assertThat(MagicBytes.startsWith(pdf, "PDF")).isFalse();
    }

    @Test
    void readsTheSignatureOneBytePerCharacter() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n'};

        assertThat(MagicBytes.startsWith(png, "\u0089PNG")).isTrue();
    }

    @Test
    void contentShorterThanTheSignatureDoesNotMatch() {
        assertThat(MagicBytes.startsWith(new byte[] {'P', 'K'}, "PK\u0003\u0004")).isFalse();
    }
}
