package org.shahid.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Rebuilds a PNG from an allowlist of chunks: the critical ones (IHDR, PLTE, IDAT, IEND), those that change how it
 * renders (tRNS, gAMA, cHRM, sRGB, sBIT, bKGD, pHYs, cICP, mDCv, cLLi) and the APNG animation chunks; nothing after
 * IEND. Every other chunk goes (tEXt, zTXt, iTXt, eXIf, tIME, caBX/C2PA, vendor chunks). An embedded ICC profile
 * (iCCP) is replaced by the standard sRGB chunk. A file with a broken chunk checksum or length is re-encoded from
 * its decoded pixels. Image chunks are copied byte for byte, so the pixels stay identical. Thread-safe.
 */
final class ScrubPng implements MetadataScrubber {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "sBIT", "bKGD", "pHYs", "cICP", "mDCv", "cLLi", "acTL", "fcTL", "fdAT");
    /** sRGB with rendering intent "perceptual". */
    private static final byte[] SRGB_PERCEPTUAL = {0};

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        byte[] png = Files.readAllBytes(input);
        Set<String> removed = new LinkedHashSet<>();
        byte[] copy;
        try {
            copy = rebuild(png, removed);
        } catch (IOException malformed) {
            if (!Arrays.equals(Arrays.copyOf(png, Math.min(png.length, 8)), SIGNATURE)) {
                throw malformed;
            }
            removed.add("PNG:re-encoded");
            copy = ReencodePixels.reencode(input, "png");
        }
        Files.write(output, copy);
        return new ArrayList<>(removed);
    }

    static byte[] rebuild(byte[] png, Set<String> removed) throws IOException {
        if (png.length < SIGNATURE.length || !Arrays.equals(Arrays.copyOf(png, SIGNATURE.length), SIGNATURE)) {
            throw new IOException("not a PNG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.writeBytes(SIGNATURE);
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(SIGNATURE.length);
        boolean hasSrgb = containsChunk(png, "sRGB");
        boolean ended = false;
        while (in.remaining() >= 12) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 8) {
                throw new IOException("PNG chunk past the end");
            }
            byte[] typeBytes = new byte[4];
            in.get(typeBytes);
            String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
            int dataStart = in.position();
            in.position(dataStart + length);
            int crc = in.getInt();
            CRC32 check = new CRC32();
            check.update(typeBytes);
            check.update(png, dataStart, length);
            if ((int) check.getValue() != crc) {
                throw new IOException("bad PNG chunk checksum");
            }
            if (KEPT.contains(type)) {
                writeChunk(out, typeBytes, png, dataStart, length);
            } else if (type.equals("iCCP")) {
                removed.add("iCCP");
                if (!hasSrgb) {
                    writeChunk(out, "sRGB".getBytes(StandardCharsets.US_ASCII), SRGB_PERCEPTUAL, 0, 1);
                    hasSrgb = true;
                }
            } else {
                removed.add(type.matches("[A-Za-z]{4}") ? named(type, png, dataStart, length) : "PNG:unnamed");
            }
            if (type.equals("IEND")) {
                ended = true;
                break;
            }
        }
        if (!ended) {
            throw new IOException("PNG without IEND");
        }
        if (in.hasRemaining()) {
            removed.add("PNG:after-IEND");
        }
        return out.toByteArray();
    }

    /** Text chunks are recorded with their keyword (Author, Software), everything else by its type. */
    private static String named(String type, byte[] png, int start, int length) {
        if (!type.endsWith("Xt")) {
            return type;
        }
        int end = start;
        int limit = start + Math.min(length, 80);
        while (end < limit && png[end] != 0) {
            end++;
        }
        String keyword = new String(png, start, end - start, StandardCharsets.ISO_8859_1);
        return type + ":" + (keyword.matches("[A-Za-z0-9 ._-]{1,79}") ? keyword : "unnamed");
    }

    private static boolean containsChunk(byte[] png, String wanted) {
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(SIGNATURE.length);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 8) {
                return false;
            }
            byte[] type = new byte[4];
            in.get(type);
            if (new String(type, StandardCharsets.ISO_8859_1).equals(wanted)) {
                return true;
            }
            in.position(in.position() + length + 4);
        }
        return false;
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] type, byte[] data, int start, int length) {
        ByteBuffer header = ByteBuffer.allocate(8).putInt(length).put(type);
        out.writeBytes(header.array());
        out.write(data, start, length);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data, start, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
