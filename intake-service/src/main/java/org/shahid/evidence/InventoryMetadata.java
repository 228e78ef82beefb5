package org.shahid.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Lists every metadata value a file carries, for the check by difference: ExifTool's view ({@code -a -u -ee}:
 * duplicates, unknown tags, embedded documents) of the file and of every piece {@link UnpackStreams} lays open
 * (zip members, PDF streams, embedded JPEGs and videos), the person-naming values of package parts (document
 * properties, people and author lists, author attributes, local paths), PDF annotation authors and form values,
 * and what tar and gzip headers name (owners, groups, pax headers, link targets, the gzip's file name and
 * comment). Field names are ExifTool's group and tag or a fixed word, never a value. Not thread-safe (one per check).
 */
final class InventoryMetadata {

    /** What a file carries: field name to values, and its laid-open pieces to search. */
    record Inventory(Map<String, Set<String>> fields, List<UnpackStreams.Piece> pieces, boolean complete) {
    }

    private static final Set<String> TOOL_GROUPS = Set.of("SourceFile", "ExifTool", "File", "System", "Composite",
            "ZIP");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]{1,48}:[A-Za-z0-9_-]{1,64}");
    private static final Pattern PERSON_PART = Pattern.compile(
            "(?i).*(docProps/core|docProps/custom|meta\\.xml|settings\\.xml|customXml/|people|person|authors"
                    + "|changesInfo).*");
    /** The extended properties that name people or places; the rest (titles of parts, counts) repeats content. */
    private static final Set<String> APP_PROPERTIES = Set.of("Company", "Manager", "Template", "HyperlinkBase");
    private static final Set<String> PERSON_ATTRIBUTES = Set.of("author", "initials", "userId", "providerId",
            "refreshedBy", "userName", "lastModifiedBy", "creator", "displayName");
    private static final Set<String> PERSON_ELEMENTS = Set.of("creator", "initial-creator", "author-name",
            "author-initials", "printer-name", "lastModifiedBy");
    private static final Pattern LOCAL_PATH = Pattern.compile("(?i)^(file:|[a-z]:[\\\\/]|\\\\\\\\|/Users/|/home/).*");
    private static final Pattern PDF_FORM_VALUE = Pattern.compile("/D?V\\s*\\(([^)]{1,300})\\)");
    private static final Pattern PDF_ANNOTATION_AUTHOR = Pattern.compile("/T\\s*\\(([^)]{1,300})\\)");

    private final ExiftoolSession exiftool;

    InventoryMetadata(ExiftoolSession exiftool) {
        this.exiftool = exiftool;
    }

    Inventory of(Path file, Path workDir) throws IOException, InterruptedException {
        return of(List.of(file), workDir).get(0);
    }

    /** The inventories of several files, with one ExifTool listing for all of them. */
    List<Inventory> of(List<Path> files, Path workDir) throws IOException, InterruptedException {
        List<Map<String, Set<String>>> fields = new ArrayList<>();
        List<UnpackStreams.Unpacked> unpacked = new ArrayList<>();
        Path tree = Files.createTempDirectory(workDir, "inventory-");
        try {
            for (int file = 0; file < files.size(); file++) {
                UnpackStreams.Unpacked pieces = UnpackStreams.unpack(Files.readAllBytes(files.get(file)));
                Map<String, Set<String>> values = new LinkedHashMap<>();
                Path folder = Files.createDirectory(tree.resolve("f" + file));
                int index = 0;
                for (UnpackStreams.Piece piece : pieces.pieces()) {
                    // ExifTool reads any XML as XMP, document text and all: XML parts are listed here, XMP there.
                    if (!isXml(piece) || isXmp(piece.bytes())) {
                        Files.write(folder.resolve("piece-" + index++ + ".bin"), piece.bytes());
                    }
                    packageValues(piece, values);
                    pdfAnnotationAuthors(piece, values);
                    pdfFormValues(piece, values);
                    archiveHeaderValues(piece, values);
                }
                fields.add(values);
                unpacked.add(pieces);
            }
            exiftoolValues(exiftool.run(List.of("-a", "-u", "-ee", "-G0", "-s", "-j", "-q", "-m", "-r", "-ext", "*",
                    "-charset", "filename=UTF8", tree.toString())), fields);
        } finally {
            try (var walk = Files.walk(tree)) {
                walk.sorted(Comparator.reverseOrder()).forEach(MemberCopies::deleteQuietly);
            }
        }
        List<Inventory> inventories = new ArrayList<>();
        for (int file = 0; file < files.size(); file++) {
            inventories.add(new Inventory(fields.get(file), unpacked.get(file).pieces(),
                    unpacked.get(file).complete()));
        }
        return inventories;
    }

    private static final Pattern SOURCE_FOLDER = Pattern.compile(".*/f([0-9]+)/piece-[0-9]+\\.bin$");

    /** Streams ExifTool's JSON, each object to the file its SourceFile lies under; duplicate keys all kept. */
    private static void exiftoolValues(String json, List<Map<String, Set<String>>> fields) throws IOException {
        if (json.isBlank()) {
            return;
        }
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            String field = null;
            Map<String, Set<String>> target = null;
            JsonToken token;
            int depth = 0;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME && depth == 2) {
                    field = parser.currentName();
                } else if (token.isScalarValue() && field != null) {
                    if (field.equals("SourceFile")) {
                        Matcher source = SOURCE_FOLDER.matcher(parser.getText());
                        int file = source.matches() ? Integer.parseInt(source.group(1)) : -1;
                        target = file >= 0 && file < fields.size() ? fields.get(file) : null;
                        continue;
                    }
                    String group = field.contains(":") ? field.substring(0, field.indexOf(':')) : field;
                    if (target != null && !TOOL_GROUPS.contains(group)) {
                        add(target, TAG.matcher(field).matches() ? field : "ExifTool:unnamed", parser.getText());
                    }
                }
            }
        }
    }

    private static boolean isXml(UnpackStreams.Piece piece) {
        String path = piece.path();
        return path.endsWith(".xml") || path.endsWith(".rels") || looksLikeXml(piece.bytes());
    }

    private static boolean isXmp(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("<?xpacket") || head.contains("xmpmeta");
    }

    private static void packageValues(UnpackStreams.Piece piece, Map<String, Set<String>> fields) {
        String path = piece.path();
        if (!isXml(piece)) {
            return;
        }
        boolean personPart = PERSON_PART.matcher(path).matches();
        boolean appPart = path.endsWith("docProps/app.xml");
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(piece.bytes()));
            String element = "";
            boolean inFlatMeta = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    element = reader.getLocalName();
                    if (element.equals("meta") || element.equals("settings")) {
                        inFlatMeta = true;
                    }
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String name = reader.getAttributeLocalName(i);
                        String value = reader.getAttributeValue(i);
                        if (PERSON_ATTRIBUTES.contains(name) || (personPart && name.equals("name"))) {
                            add(fields, "Package:author-attribute", value);
                        } else if (LOCAL_PATH.matcher(value).matches()) {
                            add(fields, "Package:local-path", value);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (reader.getLocalName().equals("meta") || reader.getLocalName().equals("settings")) {
                        inFlatMeta = false;
                    }
                    element = "";
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    String text = reader.getText();
                    if (personPart || inFlatMeta || (appPart && APP_PROPERTIES.contains(element))) {
                        add(fields, "Package:person-part", text);
                    } else if (PERSON_ELEMENTS.contains(element)) {
                        add(fields, "Package:author-element", text);
                    } else if (LOCAL_PATH.matcher(text.strip()).matches()) {
                        add(fields, "Package:local-path", text);
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException notXml) {
            // Not well-formed: its bytes are still searched raw.
        }
    }

    /** Annotation authors (/T in a dictionary that is an annotation, not a form field). */
    private static void pdfAnnotationAuthors(UnpackStreams.Piece piece, Map<String, Set<String>> fields) {
        String text = new String(piece.bytes(), StandardCharsets.ISO_8859_1);
        if (!text.contains("/Annot")) {
            return;
        }
        for (String object : text.split("endobj|>>\\s*<<")) {
            if (object.contains("/Annot") && !object.contains("/FT")) {
                Matcher author = PDF_ANNOTATION_AUTHOR.matcher(object);
                while (author.find()) {
                    add(fields, "PDF:annotation-author", author.group(1));
                }
            }
        }
    }

    /** Values of form fields (/V, /DV in a dictionary that is a field): a filled form names whoever filled it. */
    private static void pdfFormValues(UnpackStreams.Piece piece, Map<String, Set<String>> fields) {
        String text = new String(piece.bytes(), StandardCharsets.ISO_8859_1);
        if (!text.contains("/FT")) {
            return;
        }
        for (String object : text.split("endobj")) {
            if (object.contains("/FT") || object.contains("/Parent")) {
                Matcher value = PDF_FORM_VALUE.matcher(object);
                while (value.find()) {
                    add(fields, "PDF:form-value", value.group(1));
                }
            }
        }
    }

    /** What tar and gzip headers say of their maker: owner and group names, pax headers, link targets, names. */
    private static void archiveHeaderValues(UnpackStreams.Piece piece, Map<String, Set<String>> fields) {
        byte[] bytes = piece.bytes();
        if (bytes.length >= 512 && new String(bytes, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(bytes))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    add(fields, "Tar:owner-name", entry.getUserName());
                    add(fields, "Tar:group-name", entry.getGroupName());
                    add(fields, "Tar:link-name", entry.getLinkName());
                    entry.getExtraPaxHeaders().values().forEach(value -> add(fields, "Tar:pax-header", value));
                }
            } catch (IOException | RuntimeException unreadable) {
                // What was read is listed; the raw bytes are searched anyway.
            }
        }
        if (bytes.length > 10 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            try (GzipCompressorInputStream gzip = new GzipCompressorInputStream(new ByteArrayInputStream(bytes))) {
                add(fields, "Gzip:file-name", gzip.getMetaData().getFileName());
                add(fields, "Gzip:comment", gzip.getMetaData().getComment());
            } catch (IOException | RuntimeException unreadable) {
                // Not a gzip after all.
            }
        }
    }

    private static boolean looksLikeXml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1).stripLeading();
        return head.startsWith("<?xml") || head.startsWith("<office:");
    }

    private static void add(Map<String, Set<String>> fields, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        fields.computeIfAbsent(field, name -> new LinkedHashSet<>()).add(value.strip());
    }
}
