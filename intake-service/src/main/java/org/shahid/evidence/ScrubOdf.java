package org.shahid.evidence;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Replaces an ODF document's (odt, ods, odp) {@code meta.xml} (initial creator, creator, dates, generator,
 * user-defined fields) with an empty one. Every other entry is copied raw, still compressed, so a zip bomb is
 * never inflated here. Thread-safe.
 */
final class ScrubOdf implements MetadataScrubber {

    private static final String META = "meta.xml";
    private static final String EMPTY_META = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            office:version="1.2"><office:meta/></office:document-meta>
            """;
    private static final long MAX_META_BYTES = 1024 * 1024;

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        List<String> removed = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(input).get();
             OutputStream file = Files.newOutputStream(output);
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            ZipArchiveEntry meta = zip.getEntry(META);
            if (meta != null) {
                try (InputStream in = zip.getInputStream(meta)) {
                    removed.addAll(metaFieldNames(in));
                }
            }
            zip.copyRawEntries(out, entry -> !entry.getName().equals(META));
            if (meta != null) {
                out.putArchiveEntry(new ZipArchiveEntry(META));
                out.write(EMPTY_META.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return removed;
    }

    /** Local names of the elements under office:meta (meta:initial-creator, dc:creator, ...). */
    private static List<String> metaFieldNames(InputStream meta) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new BoundedInput(meta, MAX_META_BYTES));
        List<String> names = new ArrayList<>();
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 3) { // document-meta > meta > field
                    String name = (reader.getPrefix() == null || reader.getPrefix().isEmpty() ? ""
                            : reader.getPrefix() + ":") + reader.getLocalName();
                    if (!names.contains("Meta:" + name)) {
                        names.add("Meta:" + name);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return names;
    }

    /** Stops reading after a fixed number of bytes, so a meta.xml bomb costs at most that much. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws java.io.IOException {
            if (left <= 0) {
                return -1;
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }
    }
}
