package org.shahid.evidence;

import java.io.ByteArrayOutputStream;
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
        byte[] original = Files.readAllBytes(input);
        Set<String> removed = new LinkedHashSet<>(fieldNames(original));
        if (Imaging.getXmpXml(original) != null) {
            removed.add("XMP");
        }
        ByteArrayOutputStream withoutExif = new ByteArrayOutputStream(original.length);
        new ExifRewriter().removeExifMetadata(original, withoutExif);
        ByteArrayOutputStream withoutXmp = new ByteArrayOutputStream(original.length);
        new JpegXmpRewriter().removeXmpXml(withoutExif.toByteArray(), withoutXmp);
        try (OutputStream out = Files.newOutputStream(output)) {
            new JpegIptcRewriter().removeIptc(withoutXmp.toByteArray(), out);
        }
        return new ArrayList<>(removed);
    }

    private static List<String> fieldNames(byte[] jpeg) {
        List<String> names = new ArrayList<>();
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg);
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
