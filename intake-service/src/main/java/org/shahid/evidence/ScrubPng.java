package org.shahid.evidence;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Copies a PNG chunk by chunk, leaving out the chunks that carry text and camera metadata (tEXt, zTXt, iTXt,
 * eXIf, tIME); image chunks pass through byte for byte, so the pixels stay identical. Streams: memory stays at
 * one chunk's buffer. Thread-safe.
 */
final class ScrubPng implements MetadataScrubber {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        List<String> removed = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(input)));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(output)))) {
            byte[] signature = in.readNBytes(SIGNATURE.length);
            if (!Arrays.equals(signature, SIGNATURE)) {
                throw new IOException("not a PNG");
            }
            out.write(signature);
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                if (length < 0) {
                    throw new IOException("bad PNG chunk length");
                }
                String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
                if (DROPPED.contains(type)) {
                    if (type.endsWith("Xt")) {
                        removed.add(type + ":" + keyword(in, length));
                        in.skipNBytes(length - Math.min(length, 80) + 4L);
                    } else {
                        removed.add(type);
                        in.skipNBytes(length + 4L);
                    }
                    continue;
                }
                out.writeInt(length);
                out.write(type.getBytes(StandardCharsets.US_ASCII));
                copy(in, out, length + 4L); // data and CRC, unchanged
                if (type.equals("IEND")) {
                    break;
                }
            }
        }
        return removed;
    }

    /** Reads the chunk's first bytes (at most 80, the PNG keyword limit) and returns the keyword they start with. */
    private static String keyword(DataInputStream in, int length) throws IOException {
        byte[] head = in.readNBytes(Math.min(length, 80));
        int end = 0;
        while (end < head.length && head[end] != 0) {
            end++;
        }
        // Keywords are Latin-1 names such as Author or Software; anything else is not repeated.
        String keyword = new String(head, 0, end, StandardCharsets.ISO_8859_1);
        return keyword.matches("[A-Za-z0-9 ._-]{1,79}") ? keyword : "unnamed";
    }

    private static void copy(DataInputStream in, DataOutputStream out, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("truncated PNG");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
