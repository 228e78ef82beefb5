package org.shahid.evidence;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;

/**
 * Rebuilds a JPEG from an allowlist: the frame header, quantisation, Huffman and arithmetic tables, restart
 * interval, the scans with their entropy-coded data and EOI, and nothing after EOI (no MPF second image, no motion
 * photo video, no vendor trailer). Every APPn and COM segment goes (EXIF under any header, XMP, IPTC, Photoshop,
 * ICC, JUMBF/C2PA, Ducky...); in their place come a fresh JFIF header, the Adobe colour-transform flag when the
 * original had one, the EXIF orientation alone (so the photo is not shown on its side) and a standard ICC profile
 * of the same colour space when the original carried a profile. Coded image data is copied untouched, so the
 * pixels stay identical. A file this walk cannot follow but a decoder can still render is re-encoded from its
 * decoded pixels. Thread-safe.
 */
final class ScrubJpeg implements MetadataScrubber {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;
    /** Tables and frame headers a decoder needs: DHT, DAC, DQT, DRI, DNL and every SOFn. */
    private static final Set<Integer> RENDERING = Set.of(0xC4, 0xCC, 0xDB, 0xDD, 0xDC, 0xC0, 0xC1, 0xC2, 0xC3,
            0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF);
    private static final byte[] ICC_HEADER = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ICC_CHUNK = 65_519;

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        byte[] jpeg = Files.readAllBytes(input);
        Set<String> removed = new LinkedHashSet<>(exifFieldNames(input));
        byte[] copy;
        try {
            copy = rebuild(jpeg, removed, orientation(input));
        } catch (MalformedJpegException malformed) {
            removed.add("JPEG:re-encoded");
            copy = ReencodePixels.reencode(input, "jpeg");
        }
        Files.write(output, copy);
        return new ArrayList<>(removed);
    }

    /** Thrown when the segment walk cannot follow the file. */
    static final class MalformedJpegException extends IOException {
        MalformedJpegException(String reason) {
            super(reason);
        }
    }

    static byte[] rebuild(byte[] jpeg, Set<String> removed, int orientation) throws IOException {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
            throw new MalformedJpegException("no SOI");
        }
        ByteArrayOutputStream tables = new ByteArrayOutputStream(jpeg.length);
        boolean jfif = false;
        int adobeTransform = -1;
        boolean hadIcc = false;
        int components = 3;
        int position = 2;
        boolean ended = false;
        while (position < jpeg.length) {
            if ((jpeg[position] & 0xFF) != 0xFF) {
                throw new MalformedJpegException("no marker");
            }
            while (position < jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
                position++; // fill bytes
            }
            if (position >= jpeg.length) {
                throw new MalformedJpegException("ends in fill bytes");
            }
            int marker = jpeg[position++] & 0xFF;
            if (marker == EOI) {
                tables.write(0xFF);
                tables.write(EOI);
                ended = true;
                break;
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue; // standalone markers outside a scan carry nothing
            }
            if (position + 2 > jpeg.length) {
                throw new MalformedJpegException("segment header past the end");
            }
            int length = ((jpeg[position] & 0xFF) << 8) | (jpeg[position + 1] & 0xFF);
            if (length < 2 || position + length > jpeg.length) {
                throw new MalformedJpegException("segment past the end");
            }
            int payload = position + 2;
            int payloadLength = length - 2;
            if (RENDERING.contains(marker) || marker == SOS) {
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xCC && marker != 0xC8
                        && payloadLength >= 6) {
                    components = jpeg[payload + 5] & 0xFF;
                }
                tables.write(0xFF);
                tables.write(marker);
                tables.write(jpeg, position, length);
                position += length;
                if (marker == SOS) {
                    position = copyEntropyCodedData(jpeg, position, tables);
                }
                continue;
            }
            String identifier = marker == COM ? "" : identifier(jpeg, payload, payloadLength);
            if (marker == APP0 && identifier.equals("JFIF")) {
                jfif = true;
            } else if (marker == APP14 && identifier.equals("Adobe") && payloadLength >= 12) {
                adobeTransform = jpeg[payload + 11] & 0xFF;
            } else {
                if (marker == 0xE2 && startsWith(jpeg, payload, ICC_HEADER)) {
                    hadIcc = true;
                }
                removed.add("JPEG:" + segmentName(marker) + (identifier.isEmpty() ? "" : "-" + identifier));
            }
            position += length;
        }
        if (!ended) {
            throw new MalformedJpegException("no EOI");
        }
        if (position < jpeg.length) {
            removed.add("JPEG:after-EOI");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tables.size() + 4096);
        out.write(0xFF);
        out.write(SOI);
        if (jfif || adobeTransform < 0) {
            writeJfif(out);
        }
        if (adobeTransform >= 0) {
            writeAdobe(out, adobeTransform);
        }
        if (orientation > 1 && orientation <= 8) {
            writeOrientation(out, orientation);
        }
        if (hadIcc) {
            standardProfile(components).ifPresentOrElse(profile -> writeIcc(out, profile),
                    () -> removed.add("ICC:no-standard-profile"));
        }
        tables.writeTo(out);
        return out.toByteArray();
    }

    /** Copies a scan's entropy-coded data (with its stuffed bytes and RST markers) up to the next marker. */
    private static int copyEntropyCodedData(byte[] jpeg, int start, ByteArrayOutputStream out) throws IOException {
        int position = start;
        while (position + 1 < jpeg.length) {
            if ((jpeg[position] & 0xFF) == 0xFF) {
                int next = jpeg[position + 1] & 0xFF;
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    out.write(jpeg, start, position - start);
                    return position;
                }
            }
            position++;
        }
        throw new MalformedJpegException("scan runs past the end");
    }

    /** Known APPn identifiers, named in the record by a fixed word; anything else is "other", never its text. */
    private static final java.util.Map<String, String> IDENTIFIERS = java.util.Map.ofEntries(
            java.util.Map.entry("JFIF", "JFIF"), java.util.Map.entry("JFXX", "JFXX"),
            java.util.Map.entry("Exif", "Exif"), java.util.Map.entry("http://ns.adobe.com/xap/1.0/", "XMP"),
            java.util.Map.entry("http://ns.adobe.com/xmp/extension/", "XMP-extension"),
            java.util.Map.entry("ICC_PROFILE", "ICC_PROFILE"), java.util.Map.entry("MPF", "MPF"),
            java.util.Map.entry("JP", "JUMBF"), java.util.Map.entry("Ducky", "Ducky"),
            java.util.Map.entry("Photoshop 3.0", "Photoshop"), java.util.Map.entry("Adobe", "Adobe"),
            java.util.Map.entry("FPXR", "FPXR"));

    /** The segment's identifier, the text before its first zero byte, as a fixed word. */
    private static String identifier(byte[] jpeg, int start, int length) {
        int end = start;
        int limit = start + Math.min(length, 40);
        while (end < limit && jpeg[end] != 0) {
            end++;
        }
        String text = new String(jpeg, start, end - start, StandardCharsets.ISO_8859_1);
        return IDENTIFIERS.getOrDefault(text, "other");
    }

    private static String segmentName(int marker) {
        if (marker == COM) {
            return "COM";
        }
        if (marker >= APP0 && marker <= 0xEF) {
            return "APP" + (marker - APP0);
        }
        return String.format("marker-%02X", marker);
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static void writeJfif(ByteArrayOutputStream out) {
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) APP0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
    }

    private static void writeAdobe(ByteArrayOutputStream out, int transform) {
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) APP14, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                (byte) transform});
    }

    /** An APP1 EXIF block holding only IFD0 with one Orientation entry (big-endian TIFF). */
    private static void writeOrientation(ByteArrayOutputStream out, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
    }

    private static void writeIcc(ByteArrayOutputStream out, byte[] profile) {
        int chunks = (profile.length + MAX_ICC_CHUNK - 1) / MAX_ICC_CHUNK;
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = chunk * MAX_ICC_CHUNK;
            int size = Math.min(MAX_ICC_CHUNK, profile.length - from);
            int length = 2 + ICC_HEADER.length + 2 + size;
            out.write(0xFF);
            out.write(0xE2);
            out.write(length >> 8);
            out.write(length & 0xFF);
            out.writeBytes(ICC_HEADER);
            out.write(chunk + 1);
            out.write(chunks);
            out.write(profile, from, size);
        }
    }

    /** The JDK's own sRGB or grey profile: the same bytes in every copy, nothing taken from the file. */
    static java.util.Optional<byte[]> standardProfile(int components) {
        if (components == 3) {
            return java.util.Optional.of(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        }
        if (components == 1) {
            return java.util.Optional.of(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData());
        }
        return java.util.Optional.empty();
    }

    private static int orientation(Path jpeg) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg.toFile());
            if (metadata instanceof JpegImageMetadata jpegMetadata) {
                TiffField field = jpegMetadata.findExifValue(TiffTagConstants.TIFF_TAG_ORIENTATION);
                return field == null ? 1 : field.getIntValue();
            }
        } catch (Exception unreadable) {
            // No orientation to keep.
        }
        return 1;
    }

    private static List<String> exifFieldNames(Path jpeg) {
        List<String> names = new ArrayList<>();
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg.toFile());
            if (metadata instanceof JpegImageMetadata jpegMetadata && jpegMetadata.getExif() != null) {
                for (TiffField field : jpegMetadata.getExif().getAllFields()) {
                    names.add("EXIF:" + field.getTagName());
                }
            }
        } catch (Exception unreadable) {
            // The segment walk still removes it; only the names are lost.
        }
        return names;
    }
}
