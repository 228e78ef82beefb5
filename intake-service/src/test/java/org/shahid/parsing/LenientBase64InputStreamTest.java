package org.shahid.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LenientBase64InputStreamTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void wellFormedMimeLinesDecodeToTheOriginalBytes() throws IOException {
        Random random = new Random(11);
        for (int size : new int[] {0, 1, 2, 3, 4, 57, 58, 6143, 6144, 6145, 200_000}) {
            byte[] original = new byte[size];
            random.nextBytes(original);
            byte[] encoded = Base64.getMimeEncoder().encode(original);
            assertThat(decode(encoded, 8192, random)).as("%d bytes", size).isEqualTo(original);
            assertThat(decode(encoded, 1, random)).as("%d bytes, one at a time", size).isEqualTo(original);
        }
    }

    @Test
    void brokenInputDecodesAsTheByteByByteRuleSays() throws IOException {
        Random random = new Random(12);
        for (int round = 0; round < 300; round++) {
            byte[] encoded = hostileBase64(random, random.nextInt(40_000));
            assertThat(decode(encoded, 1 + random.nextInt(9000), random)).as("round %d", round)
                    .isEqualTo(byteByByte(encoded));
        }
    }

    @Test
    void theUrlSafeAlphabetAndMissingPaddingAreAccepted() throws IOException {
        byte[] original = {(byte) 0xfb, (byte) 0xff, (byte) 0xfe, 0x41};
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(original);
        assertThat(urlSafe).contains("-").contains("_");
        assertThat(decode(urlSafe.getBytes(StandardCharsets.US_ASCII), 8192, new Random(13))).isEqualTo(original);
    }

    @Test
    void decodingStopsAtPadding() throws IOException {
        byte[] encoded = "QUJD\r\nRA==\r\nRUZH".getBytes(StandardCharsets.US_ASCII);
        assertThat(decode(encoded, 8192, new Random(14))).isEqualTo("ABCD".getBytes(StandardCharsets.US_ASCII));
    }

    /** Base64 with the faults of real mail: lines of any length, bare LF, spaces, garbage, and at times padding. */
    private static byte[] hostileBase64(Random random, int length) {
        String faults = "\r\n \t*!\u00e9.~";
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int kind = random.nextInt(100);
            if (kind < 85) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            } else if (kind < 99) {
                text.append(faults.charAt(random.nextInt(faults.length())));
            } else if (random.nextInt(20) == 0) {
                text.append('=');
            } else {
                text.append(random.nextBoolean() ? '-' : '_');
            }
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The rule the stream implements, one byte at a time: skip what is not in the alphabet, stop at '='. */
    private static byte[] byteByByte(byte[] encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bits = 0;
        int sextets = 0;
        for (byte raw : encoded) {
            char c = (char) (raw & 0xFF);
            if (c == '=') {
                break;
            }
            int value = c == '-' ? 62 : c == '_' ? 63 : c < 128 ? ALPHABET.indexOf(c) : -1;
            if (value < 0) {
                continue;
            }
            bits = bits << 6 | value;
            if (++sextets == 4) {
                out.write(bits >> 16);
                out.write(bits >> 8);
                out.write(bits);
                bits = 0;
                sextets = 0;
            }
        }
        if (sextets == 3) {
            out.write(bits >> 10);
            out.write(bits >> 2);
        } else if (sextets == 2) {
            out.write(bits >> 4);
        }
        return out.toByteArray();
    }

    /** Reads the stream with reads of random sizes up to {@code maxRead} (1: the single-byte read). */
    private static byte[] decode(byte[] encoded, int maxRead, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new LenientBase64InputStream(new ByteArrayInputStream(encoded))) {
            byte[] buffer = new byte[maxRead];
            while (true) {
                if (maxRead == 1) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    out.write(b);
                    continue;
                }
                int read = in.read(buffer, 0, 1 + random.nextInt(maxRead));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
            }
        }
        return out.toByteArray();
    }
}
