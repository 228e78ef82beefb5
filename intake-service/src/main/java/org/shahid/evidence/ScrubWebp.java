package org.shahid.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds a WebP's RIFF container from an allowlist of chunks: the coded image (VP8, VP8L), its alpha (ALPH), the
 * animation header (ANIM) and frames (ANMF, whose own sub-chunks are filtered the same way), and the VP8X header with
 * its ICC, EXIF and XMP flags cleared. ICCP, EXIF, XMP, C2PA and every unknown chunk go, and so does anything after
 * the RIFF size; without a profile a WebP renders as sRGB. Coded data is copied byte for byte. Thread-safe.
 */
final class ScrubWebp implements MetadataScrubber {

    private static final Set<String> IMAGE = Set.of("VP8 ", "VP8L", "ALPH");
    private static final int ICC_XMP_EXIF_FLAGS = 0x20 | 0x08 | 0x04;

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        byte[] webp = Files.readAllBytes(input);
        if (webp.length < 12 || !ascii(webp, 0).equals("RIFF") || !ascii(webp, 8).equals("WEBP")) {
            throw new IOException("not a WebP");
        }
        long riffSize = Integer.toUnsignedLong(le(webp, 4));
        int end = (int) Math.min(webp.length, 8 + riffSize);
        Set<String> removed = new LinkedHashSet<>();
        if (end < webp.length) {
            removed.add("WebP:after-RIFF");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(webp.length);
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        filterChunks(webp, 12, end, body, removed, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(leBytes(body.size()));
        body.writeTo(out);
        Files.write(output, out.toByteArray());
        return new ArrayList<>(removed);
    }

    private static void filterChunks(byte[] webp, int start, int end, ByteArrayOutputStream out, Set<String> removed,
                                     boolean topLevel) throws IOException {
        int position = start;
        while (position + 8 <= end) {
            String type = ascii(webp, position);
            long size = Integer.toUnsignedLong(le(webp, position + 4));
            int data = position + 8;
            if (data + size > end) {
                throw new IOException("WebP chunk past the end");
            }
            int padded = (int) (size + (size & 1));
            if (IMAGE.contains(type) || (topLevel && type.equals("ANIM"))) {
                out.write(webp, position, (int) Math.min(8 + padded, end - position));
            } else if (topLevel && type.equals("VP8X") && size >= 10) {
                byte[] header = java.util.Arrays.copyOfRange(webp, position, data + 10);
                header[8] = (byte) (header[8] & ~ICC_XMP_EXIF_FLAGS);
                header[4] = 10;
                header[5] = 0;
                header[6] = 0;
                header[7] = 0;
                out.writeBytes(header);
            } else if (topLevel && type.equals("ANMF") && size >= 16) {
                ByteArrayOutputStream frame = new ByteArrayOutputStream((int) size);
                frame.write(webp, data, 16);
                filterChunks(webp, data + 16, (int) (data + size), frame, removed, false);
                out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(leBytes(frame.size()));
                frame.writeTo(out);
                if ((frame.size() & 1) == 1) {
                    out.write(0);
                }
            } else {
                removed.add("WebP:" + (type.matches("[A-Za-z0-9 ]{4}") ? type.strip() : "unnamed"));
            }
            position = data + padded;
        }
    }

    private static String ascii(byte[] data, int offset) {
        return new String(data, offset, 4, StandardCharsets.ISO_8859_1);
    }

    private static int le(byte[] data, int offset) {
        return ByteBuffer.wrap(data, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] leBytes(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
