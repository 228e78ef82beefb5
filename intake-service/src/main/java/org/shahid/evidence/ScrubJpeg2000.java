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
 * Rebuilds a JPEG 2000 image (a JP2 file or a bare codestream, as PDFs embed them behind {@code JPXDecode}) from an
 * allowlist: the signature, {@code ftyp}, the header box with only the image header, bit depths, palette, component
 * mapping and channel definitions, and the codestream. XML (XMP), {@code uuid} (EXIF, GeoJP2), {@code uinf}, IPR and
 * unknown boxes go; an ICC colour profile is replaced by the enumerated sRGB or greyscale space of the same number
 * of components; comment markers ({@code COM}, which encoders fill with their name) are cut from the codestream's
 * headers. Coded tiles are copied byte for byte. A file outside this allowlist (a JPX with fragment tables or
 * several codestreams, a broken box) that OpenJPEG can still decode gets a copy re-encoded from its pixels, a PNG
 * ({@link ReencodePixels}); one it cannot decode gets none. Inside PDFs (the static rebuild) there is no such
 * fallback. Thread-safe.
 */
final class ScrubJpeg2000 implements MetadataScrubber {

    private final RunImageDecoder decoder;

    ScrubJpeg2000(RunImageDecoder decoder) {
        this.decoder = decoder;
    }

    private static final Set<String> HEADER_BOXES = Set.of("ihdr", "bpcc", "pclr", "cmap", "cdef");
    private static final int SOC = 0xFF4F;
    private static final int SOT = 0xFF90;
    private static final int SOD = 0xFF93;
    private static final int EOC = 0xFFD9;
    private static final int COM = 0xFF64;
    private static final int TLM = 0xFF55;
    private static final int ENUMERATED_SRGB = 16;
    private static final int ENUMERATED_GREY = 17;

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Set<String> removed = new LinkedHashSet<>();
        try {
            Files.write(output, scrub(Files.readAllBytes(input), removed));
        } catch (IOException outsideTheAllowlist) {
            Files.write(output, ReencodePixels.reencode(input, RunImageDecoder.Format.JPEG2000, decoder,
                    output.toAbsolutePath().getParent()));
            return List.of("JPEG2000:re-encoded");
        }
        return new ArrayList<>(removed);
    }

    /** The rebuilt image; the names of what went are added to {@code removed}. */
    static byte[] scrub(byte[] image, Set<String> removed) throws IOException {
        try {
            if (image.length >= 2 && u16(image, 0) == SOC) {
                return codestream(image, 0, image.length, removed);
            }
            return jp2(image, removed);
        } catch (IndexOutOfBoundsException broken) {
            throw new IOException("JPEG 2000 structure broken", broken);
        }
    }

    private static byte[] jp2(byte[] image, Set<String> removed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length);
        int components = 0;
        boolean codestream = false;
        int position = 0;
        while (position < image.length) {
            Box box = box(image, position, image.length);
            switch (box.type()) {
                case "jP  ", "ftyp" -> out.write(image, box.start(), box.end() - box.start());
                case "jp2h" -> {
                    ByteArrayOutputStream header = new ByteArrayOutputStream();
                    int at = box.body();
                    while (at < box.end()) {
                        Box child = box(image, at, box.end());
                        if (child.type().equals("ihdr")) {
                            components = u16(image, child.body() + 8);
                        }
                        if (HEADER_BOXES.contains(child.type())) {
                            header.write(image, child.start(), child.end() - child.start());
                        } else if (child.type().equals("colr")) {
                            header.writeBytes(colour(image, child, components, removed));
                        } else {
                            removed.add("JP2:" + name(child.type()));
                        }
                        at = child.end();
                    }
                    out.writeBytes(box("jp2h", header.toByteArray()));
                }
                case "jp2c" -> {
                    if (codestream) {
                        throw new IOException("JPX with several codestreams");
                    }
                    codestream = true;
                    out.writeBytes(box("jp2c", codestream(image, box.body(), box.end(), removed)));
                }
                case "ftbl" -> throw new IOException("JPX with fragment tables");
                default -> removed.add("JP2:" + name(box.type()));
            }
            position = box.end();
        }
        if (!codestream) {
            throw new IOException("JP2 without a codestream");
        }
        return out.toByteArray();
    }

    /** An enumerated colour space stays; a profile becomes the enumerated space of its number of components. */
    private static byte[] colour(byte[] image, Box colr, int components, Set<String> removed) {
        int method = image[colr.body()] & 0xFF;
        if (method == 1) {
            return java.util.Arrays.copyOfRange(image, colr.start(), colr.end());
        }
        removed.add("JP2:ICC-profile-replaced");
        int space = components >= 3 ? ENUMERATED_SRGB : ENUMERATED_GREY;
        return box("colr", new byte[] {1, 0, 0, 0, 0, 0, (byte) space});
    }

    /** The codestream with its COM segments cut from the main header and every tile-part header. */
    private static byte[] codestream(byte[] image, int start, int end, Set<String> removed) throws IOException {
        if (u16(image, start) != SOC) {
            throw new IOException("JPEG 2000 codestream without SOC");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        out.write(image, start, 2);
        int at = start + 2;
        boolean tilePartLengths = false;
        while (at < end) {
            int marker = u16(image, at);
            if (marker == EOC) {
                out.write(image, at, 2);
                return out.toByteArray();
            }
            if (marker == SOT) {
                long tilePartLength = u32(image, at + 6);
                int tilePartEnd = tilePartLength == 0 ? findEnd(image, end) : (int) (at + tilePartLength);
                if (tilePartEnd > end || tilePartEnd <= at) {
                    throw new IOException("JPEG 2000 tile-part past the codestream");
                }
                ByteArrayOutputStream tilePart = new ByteArrayOutputStream(tilePartEnd - at);
                int segment = at;
                while (true) {
                    int tileMarker = u16(image, segment);
                    if (tileMarker == SOD) {
                        tilePart.write(image, segment, tilePartEnd - segment);
                        break;
                    }
                    int length = 2 + u16(image, segment + 2);
                    if (segment + length > tilePartEnd) {
                        throw new IOException("JPEG 2000 marker past its tile-part");
                    }
                    if (tileMarker == COM) {
                        if (tilePartLengths) {
                            throw new IOException("JPEG 2000 tile-part comment with a tile-part length table");
                        }
                        removed.add("JP2:comment");
                    } else {
                        tilePart.write(image, segment, length);
                    }
                    segment += length;
                }
                byte[] rebuilt = tilePart.toByteArray();
                // Psot counts the tile-part's bytes: correct it for the comments cut out (0 stays "to the end").
                if (tilePartLength != 0) {
                    putU32(rebuilt, 6, rebuilt.length);
                }
                out.writeBytes(rebuilt);
                at = tilePartEnd;
                continue;
            }
            if ((marker & 0xFF00) != 0xFF00) {
                throw new IOException("JPEG 2000 marker expected");
            }
            int length = 2 + u16(image, at + 2);
            if (at + length > end) {
                throw new IOException("JPEG 2000 marker past the codestream");
            }
            tilePartLengths |= marker == TLM;
            if (marker == COM) {
                removed.add("JP2:comment");
            } else {
                out.write(image, at, length);
            }
            at += length;
        }
        throw new IOException("JPEG 2000 codestream without EOC");
    }

    /** The last tile-part runs to the EOC at the codestream's end. */
    private static int findEnd(byte[] image, int end) throws IOException {
        if (end >= 2 && u16(image, end - 2) == EOC) {
            return end - 2;
        }
        throw new IOException("JPEG 2000 codestream without EOC");
    }

    private record Box(String type, int start, int body, int end) {
    }

    private static Box box(byte[] image, int position, int limit) throws IOException {
        if (position + 8 > limit) {
            throw new IOException("JP2 box header past its parent");
        }
        long size = u32(image, position);
        int header = 8;
        if (size == 1) {
            size = (u32(image, position + 8) << 32) | u32(image, position + 12);
            header = 16;
        } else if (size == 0) {
            size = limit - position;
        }
        if (size < header || position + size > limit) {
            throw new IOException("JP2 box past its parent");
        }
        return new Box(new String(image, position + 4, 4, StandardCharsets.ISO_8859_1), position, position + header,
                (int) (position + size));
    }

    private static byte[] box(String type, byte[] body) {
        byte[] out = new byte[8 + body.length];
        putU32(out, 0, out.length);
        System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, out, 4, 4);
        System.arraycopy(body, 0, out, 8, body.length);
        return out;
    }

    private static String name(String type) {
        return type.strip().matches("[A-Za-z0-9]{1,4}") ? type.strip() : "other";
    }

    private static int u16(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static long u32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private static void putU32(byte[] bytes, int at, long value) {
        bytes[at] = (byte) (value >> 24);
        bytes[at + 1] = (byte) (value >> 16);
        bytes[at + 2] = (byte) (value >> 8);
        bytes[at + 3] = (byte) value;
    }
}
