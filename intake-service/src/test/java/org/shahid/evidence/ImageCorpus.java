package org.shahid.evidence;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Images built the way phones, cameras and editors build them, with a marker in every place the format allows:
 * EXIF under standard and odd headers, XMP (standard, extended, odd header), IPTC and Photoshop blocks, ICC text,
 * C2PA/JUMBF, Ducky, comments, MPF second images, motion-photo videos and vendor trailers.
 */
final class ImageCorpus {

    static final String SERIAL = "MKR-SERIAL-4711";
    static final String OWNER = "Nadia Mkr-Owner";
    static final String ORGANISATION = "Mkr-Org Ltd";
    static final String HOST = "mkr-host-laptop";
    static final String EMAIL = "nadia.mkr@example.test";
    static final java.util.List<String> MARKERS = java.util.List.of(SERIAL, OWNER, ORGANISATION, HOST, EMAIL);

    private ImageCorpus() {
    }

    /** A photo with the metadata a phone writes, in every JPEG place, plus what follows EOI on real phones. */
    static byte[] phoneJpeg() throws Exception {
        byte[] withExif = withExif(plainJpeg(), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(withExif, 0, 2);
        segment(out, 0xE1, concat(ascii("http://ns.adobe.com/xap/1.0/\0"), xmp()));
        segment(out, 0xE1, concat(ascii("http://ns.adobe.com/xmp/extension/\0"), ascii("0123456789ABCDEF0123456789ABCDEF"),
                new byte[8], xmp()));
        segment(out, 0xE2, concat(ascii("ICC_PROFILE\0"), new byte[] {1, 1}, iccWithText()));
        segment(out, 0xE2, concat(ascii("MPF\0"), ascii("MM\0*\0\0\0\10"), ascii("owner " + OWNER)));
        segment(out, 0xEB, concat(ascii("JP"), new byte[] {0, 0, 0, 0, 0, 1}, ascii("jumbjumdc2pa"),
                ascii("{\"author\":\"" + OWNER + "\",\"email\":\"" + EMAIL + "\"}")));
        segment(out, 0xEC, concat(ascii("Ducky"), new byte[] {0, 1, 0, 0, 0, 4}, ascii(ORGANISATION)));
        byte[] iptc = concat(new byte[] {0x1C, 2, 80, 0, (byte) OWNER.length()}, ascii(OWNER));
        byte[] photoshop = concat(ascii("Photoshop 3.0\0"), ascii("8BIM"), new byte[] {4, 4, 0, 0},
                ByteBuffer.allocate(4).putInt(iptc.length).array(), iptc, ascii("8BIM"), new byte[] {4, 0x22, 0, 0},
                ByteBuffer.allocate(4).putInt(HOST.length() + 1).array(), ascii(HOST + "\0"));
        // IPTC split over two APP13 segments, as some editors write it.
        segment(out, 0xED, Arrays.copyOf(photoshop, 30));
        segment(out, 0xED, concat(ascii("Photoshop 3.0\0"), Arrays.copyOfRange(photoshop, 30, photoshop.length)));
        segment(out, 0xFE, ascii("taken by " + OWNER));
        out.write(withExif, 2, withExif.length - 2);
        // MPF second image with its own EXIF, then a motion photo's MP4, then a vendor trailer.
        out.write(withExif(plainJpeg(), 1));
        out.write(mp4());
        out.write(ascii("SEFHvendor-trailer " + HOST + " " + EMAIL));
        return out.toByteArray();
    }

    /** EXIF under headers readers disagree on: four zero bytes before it, lower case, and XMP under a short name. */
    static byte[] oddHeaderJpeg() throws Exception {
        byte[] plain = plainJpeg();
        byte[] tiff = Arrays.copyOfRange(exifSegment(), 6, exifSegment().length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xE1, concat(new byte[4], ascii("Exif\0\0"), tiff));
        segment(out, 0xE1, concat(ascii("exif\0\0"), tiff));
        segment(out, 0xE1, concat(ascii("XMP\0"), xmp()));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A phone photo shot in portrait: EXIF orientation 6 (rotate 90 degrees clockwise). */
    static byte[] rotatedJpeg() throws Exception {
        return withExif(plainJpeg(), 6);
    }

    /** A photo cut short in its scan (no EOI), as an interrupted upload leaves it: decoders still render it. */
    static byte[] truncatedJpeg() throws Exception {
        byte[] full = withExif(plainJpeg(), 1);
        return Arrays.copyOf(full, full.length - 40);
    }

    /** A screenshot with text chunks, EXIF, an ICC profile with a text name, C2PA, a vendor chunk and a trailer. */
    static byte[] screenshotPng() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(EvidenceFixtures.picture(), "png", plain);
        byte[] png = plain.toByteArray();
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        chunk(out, "iCCP", concat(ascii(OWNER + " profile\0"), new byte[] {0}, deflate(iccWithText())));
        chunk(out, "tEXt", ascii("Author\0" + OWNER));
        chunk(out, "zTXt", concat(ascii("Comment\0"), new byte[] {0}, deflate(ascii("from " + HOST))));
        chunk(out, "iTXt", concat(ascii("XML:com.adobe.xmp\0\0\0\0\0"), xmp()));
        chunk(out, "eXIf", Arrays.copyOfRange(exifSegment(), 6, exifSegment().length));
        chunk(out, "tIME", new byte[] {7, (byte) 0xE8, 5, 1, 10, 0, 0});
        chunk(out, "caBX", concat(ascii("jumbjumdc2pa"), ascii("{\"email\":\"" + EMAIL + "\"}")));
        chunk(out, "prVt", ascii(ORGANISATION));
        out.write(png, afterHeader, png.length - afterHeader);
        out.write(ascii("trailer " + SERIAL));
        return out.toByteArray();
    }

    /** An animated-style GIF with a comment, an XMP application extension, a loop count and a trailer. */
    static byte[] annotatedGif() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(EvidenceFixtures.picture(), "gif", plain);
        byte[] gif = plain.toByteArray();
        int flags = gif[10] & 0xFF;
        int screen = 13 + ((flags & 0x80) == 0 ? 0 : 3 * (1 << ((flags & 7) + 1)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif, 0, screen);
        out.write(new byte[] {0x21, (byte) 0xFF, 11});
        out.write(ascii("NETSCAPE2.0"));
        out.write(new byte[] {3, 1, 0, 0, 0});
        out.write(new byte[] {0x21, (byte) 0xFE});
        subBlocks(out, ascii("made by " + OWNER + " on " + HOST));
        out.write(new byte[] {0x21, (byte) 0xFF, 11});
        out.write(ascii("XMP DataXMP"));
        subBlocks(out, xmp());
        out.write(gif, screen, gif.length - screen);
        out.write(ascii("trailer " + EMAIL));
        return out.toByteArray();
    }

    /** The WebP fixture with an ICC profile naming its owner, a C2PA chunk and bytes after the RIFF. */
    static byte[] phoneWebp() throws IOException {
        byte[] webp = EvidenceFixtures.webpWithGps();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(webp, 8, 4 + 8 + 10); // WEBP + VP8X chunk
        byte[] bytes = body.toByteArray();
        bytes[12] = (byte) (bytes[12] | 0x20); // ICC flag
        body.reset();
        body.write(bytes);
        riffChunk(body, "ICCP", iccWithText());
        body.write(webp, 30, webp.length - 30);
        riffChunk(body, "C2PA", ascii("jumbjumdc2pa {\"author\":\"" + OWNER + "\"}"));
        riffChunk(body, "XMP ", xmp());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ascii("RIFF"));
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
        body.writeTo(out);
        out.write(ascii("trailer " + SERIAL));
        return out.toByteArray();
    }

    static byte[] plainJpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(EvidenceFixtures.picture(), "jpg", out);
        return out.toByteArray();
    }

    /** EXIF with GPS, serial, owner, artist, organisation (copyright) and host (software). */
    static byte[] withExif(byte[] jpeg, int orientation) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(44.3615, 33.3128);
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ARTIST, OWNER);
        root.add(TiffTagConstants.TIFF_TAG_COPYRIGHT, ORGANISATION);
        root.add(TiffTagConstants.TIFF_TAG_SOFTWARE, "Camera on " + HOST);
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        TiffOutputDirectory exifDirectory = exif.getOrCreateExifDirectory();
        exifDirectory.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, SERIAL);
        exifDirectory.add(ExifTagConstants.EXIF_TAG_CAMERA_OWNER_NAME, EMAIL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        return out.toByteArray();
    }

    /** The payload of an APP1 EXIF segment ("Exif\0\0" + TIFF) with all the markers. */
    static byte[] exifSegment() throws Exception {
        byte[] jpeg = withExif(plainJpeg(), 1);
        int position = 2;
        while (true) {
            int marker = jpeg[position + 1] & 0xFF;
            int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
            if (marker == 0xE1) {
                return Arrays.copyOfRange(jpeg, position + 4, position + 2 + length);
            }
            position += 2 + length;
        }
    }

    static byte[] xmp() {
        return ascii("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
                + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
                + "xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>"
                + "<dc:creator><rdf:Seq><rdf:li>" + OWNER + "</rdf:li></rdf:Seq></dc:creator>"
                + "<photoshop:Credit>" + ORGANISATION + "</photoshop:Credit>"
                + "<photoshop:CaptionWriter>" + EMAIL + "</photoshop:CaptionWriter>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>");
    }

    /** The JDK's sRGB profile with a copyright text tag naming the organisation appended and referenced. */
    static byte[] iccWithText() {
        byte[] standard = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ICC_Profile profile = ICC_Profile.getInstance(standard);
        byte[] text = concat(ascii("text"), new byte[4], ascii("(c) " + ORGANISATION + " " + HOST + "\0"));
        profile.setData(ICC_Profile.icSigCopyrightTag, text);
        return profile.getData();
    }

    private static byte[] mp4() {
        byte[] ftyp = box("ftyp", concat(ascii("mp42"), new byte[4], ascii("isommp42")));
        byte[] xyz = box("\u00A9xyz", ascii("+33.3128+044.3615/"));
        byte[] author = box("auth", ascii(OWNER));
        return concat(ftyp, box("moov", box("udta", concat(xyz, author))));
    }

    private static byte[] box(String type, byte[] payload) {
        return concat(ByteBuffer.allocate(4).putInt(8 + payload.length).array(),
                type.getBytes(StandardCharsets.ISO_8859_1), payload);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(ascii(type));
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void riffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ascii(type));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static void subBlocks(ByteArrayOutputStream out, byte[] data) {
        for (int at = 0; at < data.length; at += 255) {
            int size = Math.min(255, data.length - at);
            out.write(size);
            out.write(data, at, size);
        }
        out.write(0);
    }

    static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            deflater.write(data);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] image) throws IOException {
        return ImageIO.read(new java.io.ByteArrayInputStream(image));
    }
}
