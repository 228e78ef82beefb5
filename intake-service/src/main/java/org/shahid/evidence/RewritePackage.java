package org.shahid.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Rebuilds an office package (OOXML or ODF zip) part by part into a fresh zip without entry times, comments or
 * extra fields: the document-properties parts are replaced by empty ones, customXml data stores are emptied to their
 * root element, every XML part is pseudonymised ({@link PseudonymiseXml}), images get the image scrubbers, embedded
 * packages (a workbook in a document), OLE objects ({@link ScrubOle}) and PDFs are scrubbed recursively, and
 * embedded OLE packages and other files that cannot be scrubbed are removed, each with a note in the record.
 * Parts are read with a size ceiling, so an inflating part stops the scrub instead of the heap. One instance per
 * scrub; not thread-safe.
 */
final class RewritePackage {

    /** The package's family: which parts are its properties. */
    enum Flavour { OOXML, ODF }

    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    /** All parts are held at once, in the extraction child's heap. */
    static final long MAX_PACKAGE_BYTES = 128L * 1024 * 1024;
    private static final Pattern XML_PART = Pattern.compile("(?i).*\\.(xml|rels|vml|svg)$");
    private static final Pattern PERSON_PART = Pattern.compile("(?i).*(people|person|authors|changesInfo).*");
    private static final Pattern CUSTOM_XML_ITEM = Pattern.compile("customXml/item[0-9]*\\.xml");
    private static final Pattern OOXML_MEMBER = Pattern.compile("(?i).*\\.(docx|docm|xlsx|xlsm|pptx|pptm)$");
    private static final Pattern ODF_MEMBER = Pattern.compile("(?i).*\\.(odt|ods|odp|odg)$");
    private static final Map<String, String> OOXML_PROPERTIES = Map.of(
            "docProps/core.xml", "Core",
            "docProps/app.xml", "App",
            "docProps/custom.xml", "Custom");
    private static final String EMPTY_CORE = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>
            """;
    private static final String EMPTY_APP = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>
            """;
    private static final String EMPTY_CUSTOM = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>
            """;
    static final String EMPTY_META = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            office:version="1.2"><office:meta/></office:document-meta>
            """;
    static final String EMPTY_SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            office:version="1.2"/>
            """;
    /** 1 January 1980, the earliest zip time: entries tell nothing about when or where they were written. */
    private static final long ZIP_EPOCH = 315_532_800_000L;

    private final Flavour flavour;
    private final ScrubMetadata scrubbers;
    private final PseudonymiseXml people = new PseudonymiseXml();
    private final Set<String> removed = new LinkedHashSet<>();
    private long readBytes;

    RewritePackage(Flavour flavour, ScrubMetadata scrubbers) {
        this.flavour = flavour;
        this.scrubbers = scrubbers;
    }

    List<String> scrub(Path input, Path output) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(input).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    throw new MetadataScrubber.EncryptedFileException();
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    parts.put(entry.getName(), readBounded(in));
                }
            }
        }
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            if (XML_PART.matcher(part.getKey()).matches() && replacement(part.getKey()).isEmpty()) {
                people.learn(part.getValue(), PERSON_PART.matcher(part.getKey()).matches());
            }
        }
        try (OutputStream file = Files.newOutputStream(output);
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            byte[] mimetype = parts.get("mimetype");
            if (flavour == Flavour.ODF && mimetype != null) {
                putStored(zip, "mimetype", mimetype); // ODF: first, uncompressed
            }
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                if (flavour == Flavour.ODF && part.getKey().equals("mimetype")) {
                    continue;
                }
                Optional<byte[]> copy = rewrite(part.getKey(), part.getValue(), output.getParent());
                if (copy.isPresent()) {
                    ZipArchiveEntry entry = new ZipArchiveEntry(part.getKey());
                    entry.setTime(ZIP_EPOCH);
                    zip.putArchiveEntry(entry);
                    zip.write(copy.get());
                    zip.closeArchiveEntry();
                }
            }
        }
        if (people.people() > 0) {
            removed.add("People:pseudonymised");
        }
        return new ArrayList<>(removed);
    }

    private Optional<byte[]> rewrite(String name, byte[] content, Path workDir) throws Exception {
        Optional<String> replacement = replacement(name);
        if (replacement.isPresent()) {
            recordFields(name, content);
            return Optional.of(replacement.get().getBytes(StandardCharsets.UTF_8));
        }
        if (flavour == Flavour.OOXML && CUSTOM_XML_ITEM.matcher(name).matches()) {
            removed.add("CustomXml:item");
            return Optional.of(rootOnly(content));
        }
        if (XML_PART.matcher(name).matches()) {
            return Optional.of(people.rewrite(content, PERSON_PART.matcher(name).matches(), (element, text) -> text));
        }
        Optional<String> type = memberType(name, content);
        if (type.isPresent()) {
            return scrubMember(name, content, type.get(), workDir);
        }
        if (isOle(content)) {
            return scrubMember(name, content, ScrubMetadata.OLE_TYPE, workDir);
        }
        return Optional.of(content);
    }

    /** Scrubs an embedded image, package or PDF like an attachment; one that fails is removed with a note. */
    private Optional<byte[]> scrubMember(String name, byte[] content, String type, Path workDir) throws Exception {
        Optional<MetadataScrubber> scrubber = scrubbers.forType(type);
        if (scrubber.isEmpty()) {
            removed.add("Embedded:removed-unscrubbable");
            return Optional.empty();
        }
        Path in = Files.createTempFile(workDir, "part-", ".bin");
        Path out = Files.createTempFile(workDir, "part-copy-", ".bin");
        try {
            Files.write(in, content);
            for (String field : scrubber.get().scrub(in, out)) {
                removed.add("Embedded:" + field);
            }
            return Optional.of(Files.readAllBytes(out));
        } catch (MetadataScrubber.EncryptedFileException | IOException unscrubbable) {
            removed.add("Embedded:removed-unscrubbable");
            return Optional.empty();
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    private Optional<String> replacement(String name) {
        if (flavour == Flavour.OOXML) {
            if (name.equals("docProps/core.xml")) {
                return Optional.of(EMPTY_CORE);
            }
            if (name.equals("docProps/app.xml")) {
                return Optional.of(EMPTY_APP);
            }
            if (name.equals("docProps/custom.xml")) {
                return Optional.of(EMPTY_CUSTOM);
            }
            return Optional.empty();
        }
        if (name.equals("meta.xml") || name.endsWith("/meta.xml")) {
            return Optional.of(EMPTY_META);
        }
        if (name.equals("settings.xml") || name.endsWith("/settings.xml")) {
            return Optional.of(EMPTY_SETTINGS);
        }
        return Optional.empty();
    }

    /** Names the fields of a replaced properties part: Core:creator, App:Company, Meta:dc:creator, Settings. */
    private void recordFields(String name, byte[] content) {
        String label = flavour == Flavour.OOXML ? OOXML_PROPERTIES.get(name)
                : name.endsWith("settings.xml") ? "Settings" : "Meta";
        if (label.equals("Custom") || label.equals("Settings")) {
            removed.add(label);
            return;
        }
        try {
            XMLStreamReader reader = xmlInputs().createXMLStreamReader(new ByteArrayInputStream(content));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    int fieldDepth = flavour == Flavour.OOXML ? 2 : 3; // ODF: document-meta > meta > field
                    if (depth == fieldDepth) {
                        String prefix = flavour == Flavour.ODF && reader.getPrefix() != null
                                && !reader.getPrefix().isEmpty() ? reader.getPrefix() + ":" : "";
                        removed.add(label + ":" + prefix + reader.getLocalName());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException unreadable) {
            removed.add(label);
        }
    }

    /** A customXml data store reduced to its root element (same name and namespaces, no content). */
    private static byte[] rootOnly(byte[] content) {
        try {
            XMLStreamReader reader = xmlInputs().createXMLStreamReader(new ByteArrayInputStream(content));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    String prefix = reader.getPrefix() == null || reader.getPrefix().isEmpty() ? ""
                            : reader.getPrefix() + ":";
                    String uri = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                    String xmlns = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix.substring(0, prefix.length() - 1);
                    String root = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<" + prefix
                            + reader.getLocalName() + (uri.isEmpty() ? "" : " " + xmlns + "=\"" + escape(uri) + "\"")
                            + "/>";
                    return root.getBytes(StandardCharsets.UTF_8);
                }
            }
        } catch (XMLStreamException unreadable) {
            // fall through: an unreadable store becomes an empty one
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root/>".getBytes(StandardCharsets.UTF_8);
    }

    /** The scrubbable type of an embedded file, from its bytes (images, PDF) or its name (packages). */
    private static Optional<String> memberType(String name, byte[] content) {
        if (content.length > 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8) {
            return Optional.of("image/jpeg");
        }
        if (MagicBytes.startsWith(content, "\u0089PNG")) {
            return Optional.of("image/png");
        }
        if (MagicBytes.startsWith(content, "GIF8")) {
            return Optional.of("image/gif");
        }
        if (MagicBytes.startsWith(content, "RIFF") && content.length > 12
                && new String(content, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        if (MagicBytes.startsWith(content, "%PDF")) {
            return Optional.of("application/pdf");
        }
        if (MagicBytes.startsWith(content, "PK\u0003\u0004")) {
            if (OOXML_MEMBER.matcher(name).matches()) {
                return Optional.of("application/vnd.openxmlformats-officedocument.package");
            }
            if (ODF_MEMBER.matcher(name).matches()) {
                return Optional.of("application/vnd.oasis.opendocument.package");
            }
            return Optional.of("application/zip");
        }
        return Optional.empty();
    }

    private static boolean isOle(byte[] content) {
        return content.length > 8 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF
                && (content[2] & 0xFF) == 0x11 && (content[3] & 0xFF) == 0xE0;
    }

    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            readBytes += read;
            if (out.size() > MAX_PART_BYTES || readBytes > MAX_PACKAGE_BYTES) {
                throw new IOException("package part too big: suspected zip bomb");
            }
        }
        return out.toByteArray();
    }

    private static void putStored(ZipArchiveOutputStream zip, String name, byte[] content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setTime(ZIP_EPOCH);
        zip.putArchiveEntry(entry);
        zip.write(content);
        zip.closeArchiveEntry();
    }

    private static XMLInputFactory xmlInputs() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
