package org.shahid.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds a GIF from an allowlist of blocks: header, logical screen descriptor, colour tables, graphic control
 * extensions, image descriptors with their LZW data, the trailer, and of the application extensions only the
 * animation loop count (rebuilt as NETSCAPE2.0 from the count alone). Comments, plain-text and every other
 * application extension (XMP, ICC, vendor data) go, and so does anything after the trailer. A file the walk
 * cannot follow is re-encoded from its decoded first frame. Thread-safe.
 */
final class ScrubGif implements MetadataScrubber {

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        byte[] gif = Files.readAllBytes(input);
        Set<String> removed = new LinkedHashSet<>();
        byte[] copy;
        try {
            copy = rebuild(gif, removed);
        } catch (IOException | IndexOutOfBoundsException malformed) {
            removed.add("GIF:re-encoded");
            copy = ReencodePixels.reencode(input, "gif");
        }
        Files.write(output, copy);
        return new ArrayList<>(removed);
    }

    private static byte[] rebuild(byte[] gif, Set<String> removed) throws IOException {
        String header = new String(gif, 0, Math.min(6, gif.length), StandardCharsets.US_ASCII);
        if (!header.equals("GIF87a") && !header.equals("GIF89a")) {
            throw new IOException("not a GIF");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(gif.length);
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        int position = 6;
        int flags = gif[position + 4] & 0xFF;
        int screen = 7 + colourTableSize(flags);
        out.write(gif, position, screen);
        position += screen;
        while (true) {
            int block = gif[position] & 0xFF;
            if (block == 0x3B) {
                out.write(0x3B);
                if (position + 1 < gif.length) {
                    removed.add("GIF:after-trailer");
                }
                return out.toByteArray();
            }
            if (block == 0x2C) {
                int descriptorFlags = gif[position + 9] & 0xFF;
                int fixed = 10 + colourTableSize(descriptorFlags) + 1; // descriptor, table, LZW minimum code size
                int end = endOfSubBlocks(gif, position + fixed);
                out.write(gif, position, end - position);
                position = end;
            } else if (block == 0x21) {
                int label = gif[position + 1] & 0xFF;
                int end = endOfSubBlocks(gif, position + 2);
                if (label == 0xF9) {
                    out.write(gif, position, end - position);
                } else if (label == 0xFF && isLoopExtension(gif, position)) {
                    writeLoop(out, gif, position);
                    removed.add("GIF:application-rebuilt");
                } else {
                    removed.add(label == 0xFE ? "GIF:comment" : label == 0x01 ? "GIF:plain-text"
                            : label == 0xFF ? "GIF:application-" + applicationName(gif, position)
                            : String.format("GIF:extension-%02X", label));
                }
                position = end;
            } else {
                throw new IOException("unknown GIF block");
            }
        }
    }

    private static int colourTableSize(int flags) {
        return (flags & 0x80) == 0 ? 0 : 3 * (1 << ((flags & 0x07) + 1));
    }

    /** Position after a chain of sub-blocks starting at {@code position} (size byte, data, ..., zero). */
    private static int endOfSubBlocks(byte[] gif, int position) throws IOException {
        int at = position;
        while (true) {
            if (at >= gif.length) {
                throw new IOException("GIF sub-blocks past the end");
            }
            int size = gif[at] & 0xFF;
            at += 1 + size;
            if (size == 0) {
                return at;
            }
        }
    }

    private static boolean isLoopExtension(byte[] gif, int position) {
        String name = applicationName(gif, position);
        return (name.equals("NETSCAPE2.0") || name.equals("ANIMEXTS1.0")) && position + 18 < gif.length
                && (gif[position + 14] & 0xFF) == 3 && (gif[position + 15] & 0xFF) == 1;
    }

    private static String applicationName(byte[] gif, int position) {
        if (position + 14 > gif.length || (gif[position + 2] & 0xFF) != 11) {
            return "unnamed";
        }
        String name = new String(gif, position + 3, 11, StandardCharsets.ISO_8859_1);
        return name.matches("[A-Za-z0-9 .]{11}") ? name.strip() : "unnamed";
    }

    private static void writeLoop(ByteArrayOutputStream out, byte[] gif, int position) {
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.write(3);
        out.write(1);
        out.write(gif[position + 16]);
        out.write(gif[position + 17]);
        out.write(0);
    }
}
