package org.shahid.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The last resort for an image whose structure the allowlist walk cannot follow (a segment running past the end,
 * a broken checksum, a HEIC or JPEG 2000 layout outside the allowlist): decodes it, and when a decoder can still
 * render it, writes the decoded pixels as a new file with no metadata at all: of the same format where the JDK
 * decodes it, else as a JPEG (HEIC) or PNG (JPEG 2000) from {@link RunImageDecoder}. The sealed original keeps the
 * exact bytes. Thread-safe.
 */
final class ReencodePixels {

    private ReencodePixels() {
    }

    static byte[] reencode(Path image, String format) throws IOException {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(image.toFile());
        } catch (RuntimeException broken) {
            throw new IOException("image not decodable", broken);
        }
        if (decoded == null) {
            throw new IOException("image not decodable");
        }
        BufferedImage pixels = decoded;
        if (format.equals("jpeg") && (decoded.getColorModel().hasAlpha()
                || decoded.getType() == BufferedImage.TYPE_CUSTOM)) {
            pixels = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
            pixels.createGraphics().drawImage(decoded, 0, 0, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(pixels, format, out)) {
            throw new IOException("no " + format + " writer");
        }
        return out.toByteArray();
    }

    /**
     * The pixels of a HEIC or JPEG 2000 image as a new JPEG or PNG: decoded by the external tool, whose file is then
     * rebuilt by the JPEG or PNG allowlist (no orientation tag: the decoder has already turned the pixels).
     */
    static byte[] reencode(Path image, RunImageDecoder.Format format, RunImageDecoder decoder, Path workDir)
            throws IOException, InterruptedException {
        byte[] decoded = decoder.decode(image, format, workDir);
        java.util.Set<String> writtenByTheDecoder = new java.util.HashSet<>();
        return format == RunImageDecoder.Format.HEIF ? ScrubJpeg.rebuild(decoded, writtenByTheDecoder, 1)
                : ScrubPng.rebuild(decoded, writtenByTheDecoder);
    }
}
