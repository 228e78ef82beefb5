package org.shahid.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes base64 while skipping anything outside the alphabet and stopping at padding, so broken lines, garbage
 * and missing padding cost a few bytes instead of the whole part. Jakarta's decoder only does this when a JVM-wide
 * system property is set. Not thread-safe, like any stream.
 */
final class LenientBase64InputStream extends FilterInputStream {

    private static final int[] SEXTET = new int[256];

    static {
        java.util.Arrays.fill(SEXTET, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            SEXTET[alphabet.charAt(i)] = i;
        }
        // The URL-safe alphabet shows up in mail from some web forms.
        SEXTET['-'] = 62;
        SEXTET['_'] = 63;
    }

    private final byte[] decoded = new byte[3];
    private int decodedLength;
    private int decodedPosition;
    private boolean ended;

    LenientBase64InputStream(InputStream encoded) {
        super(encoded);
    }

    @Override
    public int read() throws IOException {
        if (decodedPosition == decodedLength && !refill()) {
            return -1;
        }
        return decoded[decodedPosition++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count = 0;
        while (count < length) {
            if (decodedPosition == decodedLength && !refill()) {
                break;
            }
            target[offset + count++] = decoded[decodedPosition++];
        }
        return count == 0 ? -1 : count;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public int available() {
        return decodedLength - decodedPosition;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private boolean refill() throws IOException {
        decodedPosition = 0;
        decodedLength = 0;
        if (ended) {
            return false;
        }
        int bits = 0;
        int sextets = 0;
        while (sextets < 4) {
            int c = in.read();
            if (c < 0 || c == '=') {
                ended = true;
                break;
            }
            int value = SEXTET[c];
            if (value >= 0) {
                bits = (bits << 6) | value;
                sextets++;
            }
        }
        if (sextets == 4) {
            decoded[0] = (byte) (bits >> 16);
            decoded[1] = (byte) (bits >> 8);
            decoded[2] = (byte) bits;
            decodedLength = 3;
        } else if (sextets == 3) {
            bits <<= 6;
            decoded[0] = (byte) (bits >> 16);
            decoded[1] = (byte) (bits >> 8);
            decodedLength = 2;
        } else if (sextets == 2) {
            bits <<= 12;
            decoded[0] = (byte) (bits >> 16);
            decodedLength = 1;
        }
        return decodedLength > 0;
    }
}
