package org.shahid.evidence;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;

/**
 * Removes EXIF (camera serial, GPS position, owner, software), XMP and IPTC segments from a JPEG with Commons
 * Imaging; the compressed image data is copied untouched, so the pixels stay identical. Thread-safe.
 */
final class ScrubJpeg implements MetadataScrubber {

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Set<String> removed = new LinkedHashSet<>(fieldNames(input));
        if (Imaging.getXmpXml(input.toFile()) != null) {
            removed.add("XMP");
        }
        // Each pass goes file to file: a 25 MB photo is never held in the child's heap several times over.
        Path withoutExif = Files.createTempFile(output.getParent(), "exif-", ".jpg");
        Path withoutXmp = Files.createTempFile(output.getParent(), "xmp-", ".jpg");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(withoutExif))) {
                new ExifRewriter().removeExifMetadata(input.toFile(), out);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(withoutXmp))) {
                new JpegXmpRewriter().removeXmpXml(withoutExif.toFile(), out);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
                new JpegIptcRewriter().removeIptc(withoutXmp.toFile(), out);
            }
        } finally {
            Files.deleteIfExists(withoutExif);
            Files.deleteIfExists(withoutXmp);
        }
        return new ArrayList<>(removed);
    }

    private static List<String> fieldNames(Path jpeg) {
        List<String> names = new ArrayList<>();
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg.toFile());
            if (metadata instanceof JpegImageMetadata jpegMetadata) {
                if (jpegMetadata.getExif() != null) {
                    for (TiffField field : jpegMetadata.getExif().getAllFields()) {
                        names.add("EXIF:" + field.getTagName());
                    }
                }
                if (jpegMetadata.getPhotoshop() != null) {
                    names.add("IPTC");
                }
            }
        } catch (Exception unreadable) {
            // The rewriters below still remove the segments; only the list of names is lost.
            names.add("EXIF:unreadable");
        }
        return names;
    }
}
