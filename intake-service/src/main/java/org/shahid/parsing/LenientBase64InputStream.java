package org.shahid.parsing;

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

    private static final int BLOCK = 8192;

    private final byte[] encoded = new byte[BLOCK];
    private final byte[] decoded = new byte[BLOCK / 4 * 3 + 3];
    private int encodedLength;
    private int encodedPosition;
    private int bits;
    private int sextets;
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
            int chunk = Math.min(length - count, decodedLength - decodedPosition);
            System.arraycopy(decoded, decodedPosition, target, offset + count, chunk);
            decodedPosition += chunk;
            count += chunk;
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

    /**
     * Decodes the next block: whole quads from up to {@link #BLOCK} encoded bytes read in bulk (one byte at a time
     * was a sixth of intake's CPU on mails with attachments), or the last partial quad at '=' or the end.
     */
    private boolean refill() throws IOException {
        decodedPosition = 0;
        decodedLength = 0;
        while (decodedLength == 0 && !ended) {
            if (encodedPosition == encodedLength) {
                encodedLength = in.read(encoded, 0, encoded.length);
                encodedPosition = 0;
                if (encodedLength <= 0) {
                    encodedLength = 0;
                    ended = true;
                    break;
                }
            }
            while (encodedPosition < encodedLength && decodedLength + 3 <= decoded.length) {
                if (sextets == 0) {
                    decodeWholeQuads();
                    if (encodedPosition == encodedLength || decodedLength + 3 > decoded.length) {
                        break;
                    }
                }
                int c = encoded[encodedPosition++] & 0xFF;
                if (c == '=') {
                    ended = true;
                    break;
                }
                int value = SEXTET[c];
                if (value < 0) {
                    continue;
                }
                bits = (bits << 6) | value;
                if (++sextets == 4) {
                    decoded[decodedLength++] = (byte) (bits >> 16);
                    decoded[decodedLength++] = (byte) (bits >> 8);
                    decoded[decodedLength++] = (byte) bits;
                    bits = 0;
                    sextets = 0;
                }
            }
        }
        if (ended && sextets > 0) {
            flushPartialQuad();
        }
        return decodedLength > 0;
    }

    /**
     * The fast path for the common case, a run of whole quads of the alphabet (a line of a well-formed part):
     * four lookups and one test a quad instead of a branch a byte. Stops before the first quad that holds anything
     * else (a line break, padding, garbage), which the byte-by-byte loop then handles.
     */
    private void decodeWholeQuads() {
        int position = encodedPosition;
        int length = decodedLength;
        int lastQuad = encodedLength - 4;
        int lastTriple = decoded.length - 3;
        while (position <= lastQuad && length <= lastTriple) {
            int a = SEXTET[encoded[position] & 0xFF];
            int b = SEXTET[encoded[position + 1] & 0xFF];
            int c = SEXTET[encoded[position + 2] & 0xFF];
            int d = SEXTET[encoded[position + 3] & 0xFF];
            if ((a | b | c | d) < 0) {
                break;
            }
            int quad = a << 18 | b << 12 | c << 6 | d;
            decoded[length] = (byte) (quad >> 16);
            decoded[length + 1] = (byte) (quad >> 8);
            decoded[length + 2] = (byte) quad;
            position += 4;
            length += 3;
        }
        encodedPosition = position;
        decodedLength = length;
    }

    private void flushPartialQuad() {
        if (sextets == 3) {
            bits <<= 6;
            decoded[decodedLength++] = (byte) (bits >> 16);
            decoded[decodedLength++] = (byte) (bits >> 8);
        } else if (sextets == 2) {
            bits <<= 12;
            decoded[decodedLength++] = (byte) (bits >> 16);
        }
        sextets = 0;
        bits = 0;
    }
}
