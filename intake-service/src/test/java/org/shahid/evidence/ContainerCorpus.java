package org.shahid.evidence;

import static org.shahid.evidence.ImageCorpus.EMAIL;
import static org.shahid.evidence.ImageCorpus.HOST;
import static org.shahid.evidence.ImageCorpus.ORGANISATION;
import static org.shahid.evidence.ImageCorpus.OWNER;
import static org.shahid.evidence.ImageCorpus.SERIAL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Office documents, PDFs, archives and mails built the way their programs build them, with markers in every place
 * that names a person: document properties, comment, note and tracked-change authors, people and persons lists,
 * customXml, template and absolute paths, linked files, printer settings, embedded photos with EXIF, embedded
 * workbooks, OLE objects, PDF annotations, per-object XMP, PieceInfo, embedded files, zip comments, mail headers.
 */
final class ContainerCorpus {

    static final String DOCX_TEXT = "Ballot boxes carried out of school 7";
    static final String XLSX_TEXT = "Turnout 4120 at station 33";
    static final String NOTE_TEXT = "Check the count";
    static final String ODT_TEXT = "Observers were sent away at noon";
    static final String PDF_TEXT = "Queue of voters turned back";
    static final String MAIL_TEXT = "Bring your voter card and receive 50000 dinars";
    static final String RECIPIENT = "Karim Haddad";
    static final String RECIPIENT_ADDRESS = "karim.haddad@example.test";
    static final String PHONE = "0770 123 4567";
    private static final String TEMPLATE_PATH = "C:\\Users\\" + HOST + "\\AppData\\Roaming\\Templates\\Normal.dotm";

    private ContainerCorpus() {
    }

    static byte[] docx() throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Default Extension="jpeg" ContentType="image/jpeg"/>
                <Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>
                <Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                <Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
                <Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>
                <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
                <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
                <Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>
                </Types>"""));
        parts.put("_rels/.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
                <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
                <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>
                </Relationships>"""));
        parts.put("word/document.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p>
                <w:p><w:commentRangeStart w:id="1"/><w:ins w:id="2" w:author="%s" w:date="2024-05-01T10:00:00Z"><w:r><w:t>Inserted at the station</w:t></w:r></w:ins>
                <w:del w:id="3" w:author="%s" w:date="2024-05-01T10:01:00Z"><w:r><w:delText>deleted words</w:delText></w:r></w:del><w:commentRangeEnd w:id="1"/>
                <w:r><w:commentReference w:id="1"/></w:r></w:p></w:body></w:document>""".formatted(DOCX_TEXT, OWNER,
                EMAIL)));
        parts.put("word/_rels/document.xml.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
                <Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
                <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/>
                <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/>
                <Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/>
                </Relationships>"""));
        parts.put("word/comments.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:comment w:id="1" w:author="%s" w:date="2024-05-01T10:02:00Z" w:initials="NMO"><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:comment>
                </w:comments>""".formatted(OWNER, NOTE_TEXT)));
        parts.put("word/people.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">
                <w15:person w15:author="%s"><w15:presenceInfo w15:providerId="AD" w15:userId="S::%s::%s"/></w15:person>
                </w15:people>""".formatted(OWNER, EMAIL, SERIAL)));
        parts.put("word/settings.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <w:attachedTemplate r:id="rId1"/></w:settings>"""));
        parts.put("word/_rels/settings.xml.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/Users/%s/Templates/Report.dotm" TargetMode="External"/>
                </Relationships>""".formatted(HOST)));
        parts.put("docProps/core.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy></cp:coreProperties>"""
                .formatted(OWNER, EMAIL)));
        parts.put("docProps/app.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
                <Template>%s</Template><Company>%s</Company><Manager>%s</Manager></Properties>"""
                .formatted(TEMPLATE_PATH, ORGANISATION, OWNER)));
        parts.put("docProps/custom.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
                <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Machine"><vt:lpwstr>%s</vt:lpwstr></property></Properties>"""
                .formatted(HOST)));
        parts.put("customXml/item1.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"><documentManagement><Owner>%s</Owner><Mail>%s</Mail></documentManagement></p:properties>"""
                .formatted(OWNER, EMAIL)));
        parts.put("word/media/image1.jpeg", ImageCorpus.phoneJpeg());
        parts.put("docProps/thumbnail.jpeg", ImageCorpus.withExif(ImageCorpus.plainJpeg(), 1));
        parts.put("word/embeddings/Microsoft_Excel_Worksheet.xlsx", xlsx());
        parts.put("word/embeddings/oleObject1.bin", ole());
        return zip(parts);
    }

    static byte[] xlsx() throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>
                <Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
                </Types>"""));
        parts.put("_rels/.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
                </Relationships>"""));
        parts.put("xl/workbook.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" mc:Ignorable="x15ac">
                <mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\%s\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>
                <sheets><sheet name="Count" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(HOST)));
        parts.put("xl/_rels/workbook.xml.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>
                </Relationships>"""));
        parts.put("xl/worksheets/sheet1.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row></sheetData></worksheet>"""
                .formatted(XLSX_TEXT)));
        parts.put("xl/worksheets/_rels/sheet1.xml.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>
                </Relationships>"""));
        parts.put("xl/comments1.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>%s</author></authors>
                <commentList><comment ref="A1" authorId="0"><text><r><rPr><b/></rPr><t>%s:</t></r><r><t xml:space="preserve">
                %s</t></r></text></comment></commentList></comments>""".formatted(OWNER, OWNER, NOTE_TEXT)));
        parts.put("xl/persons/person.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">
                <person displayName="%s" id="{00000000-0000-0000-0000-000000000001}" userId="%s" providerId="PeoplePicker"/></personList>"""
                .formatted(OWNER, EMAIL)));
        parts.put("xl/pivotCache/pivotCacheDefinition1.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" refreshedBy="%s" refreshedDate="45000.5"/>"""
                .formatted(OWNER)));
        parts.put("xl/externalLinks/externalLink1.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>"""));
        parts.put("xl/externalLinks/_rels/externalLink1.xml.rels", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///\\\\%s\\share\\tallies.xlsx" TargetMode="External"/>
                </Relationships>""".formatted(HOST)));
        parts.put("docProps/core.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:creator>%s</dc:creator></cp:coreProperties>""".formatted(ORGANISATION)));
        return zip(parts);
    }

    /** A PowerPoint deck (by POI) with change-tracking info naming its editor, as PowerPoint for the web writes it. */
    static byte[] pptx() throws IOException {
        ByteArrayOutputStream deck = new ByteArrayOutputStream();
        try (org.apache.poi.xslf.usermodel.XMLSlideShow show = new org.apache.poi.xslf.usermodel.XMLSlideShow()) {
            var slide = show.createSlide();
            var box = slide.createTextBox();
            box.setText(DOCX_TEXT);
            box.setAnchor(new java.awt.Rectangle(50, 50, 400, 100));
            show.getProperties().getCoreProperties().setCreator(OWNER);
            show.write(deck);
        }
        Map<String, byte[]> parts = unzip(deck.toByteArray());
        parts.put("ppt/changesInfos/changesInfo1.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <pc:chgInfo xmlns:pc="http://schemas.microsoft.com/office/powerpoint/2013/main/command"><pc:docChgLst>
                <pc:chgData name="%s" userId="%s" providerId="Windows Live"/></pc:docChgLst></pc:chgInfo>"""
                .formatted(OWNER, SERIAL)));
        return zip(parts);
    }

    static byte[] odt() throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("mimetype", utf8("application/vnd.oasis.opendocument.text"));
        parts.put("META-INF/manifest.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="Pictures/photo.jpg" manifest:media-type="image/jpeg"/>
                </manifest:manifest>"""));
        parts.put("content.xml", utf8(odfBody("office:document-content", "")));
        parts.put("styles.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                <office:master-styles><style:master-page style:name="Standard"><style:footer><text:p>By <text:author-name>%s</text:author-name> <text:author-initials>NMO</text:author-initials></text:p></style:footer></style:master-page></office:master-styles>
                </office:document-styles>""".formatted(OWNER)));
        parts.put("meta.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">
                <office:meta><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator><meta:generator>%s</meta:generator>
                <meta:user-defined meta:name="Machine">%s</meta:user-defined></office:meta></office:document-meta>"""
                .formatted(OWNER, EMAIL, ORGANISATION, HOST)));
        parts.put("settings.xml", utf8(odfSettings()));
        parts.put("Pictures/photo.jpg", ImageCorpus.phoneJpeg());
        return zip(parts);
    }

    /** The same document as one flat XML file (.fodt), its photo inline as base64. */
    static byte[] fodt() throws Exception {
        String image = "<draw:frame draw:name=\"photo\"><draw:image><office:binary-data>"
                + Base64.getMimeEncoder().encodeToString(ImageCorpus.phoneJpeg())
                + "</office:binary-data></draw:image></draw:frame>";
        String meta = """
                <office:meta><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>
                <meta:user-defined meta:name="Machine">%s</meta:user-defined></office:meta>"""
                .formatted(OWNER, EMAIL, HOST);
        String settings = odfSettings().replaceAll("(?s)<\\?xml.*?\\?>", "")
                .replace("office:document-settings", "office:settings");
        return utf8(odfBody("office:document", meta + settings, image));
    }

    private static String odfBody(String root, String head) {
        return odfBody(root, head, "");
    }

    private static String odfBody(String root, String head, String image) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <%1$s xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
                %2$s<office:body><office:text>
                <text:tracked-changes><text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>%3$s</dc:creator><dc:date>2024-05-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region></text:tracked-changes>
                <text:p>%4$s<text:change-start text:change-id="ct1"/> now<text:change-end text:change-id="ct1"/></text:p>
                <text:p><office:annotation><dc:creator>%3$s</dc:creator><dc:date>2024-05-01T10:02:00</dc:date><text:p>%5$s</text:p></office:annotation>Signed by <text:initial-creator>%6$s</text:initial-creator></text:p>
                <text:p>%7$s</text:p>
                </office:text></office:body></%1$s>""".formatted(root, head, OWNER, ODT_TEXT, NOTE_TEXT, EMAIL,
                image);
    }

    private static String odfSettings() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2">
                <config:config-item-set config:name="ooo:configuration-settings"><config:config-item config:name="PrinterName" config:type="string">HP on %s</config:config-item></config:config-item-set>
                </office:document-settings>""".formatted(HOST);
    }

    /** A PDF with an annotation by its author, a photo XObject with EXIF and its own XMP, PieceInfo, an embedded file. */
    static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDImageXObject photo = JPEGFactory.createFromByteArray(document, ImageCorpus.withExif(
                    ImageCorpus.plainJpeg(), 1));
            PDMetadata imageXmp = new PDMetadata(document);
            imageXmp.importXMPMetadata(ImageCorpus.xmp());
            photo.getCOSObject().setItem(COSName.METADATA, imageXmp);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(PDF_TEXT);
                content.endText();
                content.drawImage(photo, 72, 500, 64, 48);
            }
            document.getDocumentInformation().setAuthor(OWNER);
            document.getDocumentInformation().setCreator("Writer on " + HOST);
            PDMetadata xmp = new PDMetadata(document);
            xmp.importXMPMetadata(ImageCorpus.xmp());
            document.getDocumentCatalog().setMetadata(xmp);
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(72, 650, 20, 20));
            note.setContents(NOTE_TEXT);
            note.getCOSObject().setString(COSName.T, OWNER);
            note.getCOSObject().setString(COSName.NM, EMAIL);
            page.getAnnotations().add(note);
            var pieceInfo = new org.apache.pdfbox.cos.COSDictionary();
            pieceInfo.setString("Private", ORGANISATION + " " + HOST);
            page.getCOSObject().setItem(COSName.getPDFName("PieceInfo"), pieceInfo);
            PDEmbeddedFile attached = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(
                    utf8("contact " + EMAIL)));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("contacts.txt");
            spec.setFileDescription("list by " + OWNER);
            spec.setEmbeddedFile(attached);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("contacts.txt", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
            COSArray id = new COSArray();
            id.add(new COSString(utf8(SERIAL)));
            id.add(new COSString(utf8(SERIAL)));
            document.getDocument().getTrailer().setItem(COSName.ID, id);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A zip as phones and desktops make them: members of every kind, comments, Unix owner extra fields. */
    static byte[] archive() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setComment("packed by " + OWNER);
            put(zip, "photos/phone.jpg", ImageCorpus.phoneJpeg(), "shot by " + OWNER);
            put(zip, "statement.docx", docx(), null);
            put(zip, "readme.txt", utf8(XLSX_TEXT), null);
            put(zip, "keys.dat", concat(new byte[] {0, 1, 2, 3, (byte) 0xFE}, utf8(EMAIL)), null);
        }
        return out.toByteArray();
    }

    /**
     * A tar as GNU tar and bsdtar write it in pax format: owner and group names and ids, times, extended attributes
     * ({@code SCHILY.xattr.*}, where browsers record the page a download came from), libarchive's creation time, a
     * pax comment, a symbolic link into the owner's home.
     */
    static byte[] tar() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            putTar(tar, "photos/phone.jpg", ImageCorpus.phoneJpeg());
            putTar(tar, "statement.docx", docx());
            putTar(tar, "readme.txt", utf8(XLSX_TEXT));
            putTar(tar, "keys.dat", concat(new byte[] {0, 1, 2, 3, (byte) 0xFE}, utf8(EMAIL)));
            TarArchiveEntry link = ownedTarEntry("latest.jpg", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/home/" + HOST + "/Pictures/phone.jpg");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    private static void putTar(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = ownedTarEntry(name, TarArchiveEntry.LF_NORMAL);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry ownedTarEntry(String name, byte type) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setUserName(OWNER);
        entry.setGroupName(ORGANISATION);
        entry.setIds(1000, 1000);
        entry.setModTime(1_714_550_400_000L);
        entry.addPaxHeader("SCHILY.xattr.user.xdg.origin.url", "https://" + HOST + ".example.test/" + SERIAL);
        entry.addPaxHeader("LIBARCHIVE.creationtime", "1714550400");
        entry.addPaxHeader("comment", "packed by " + EMAIL);
        return entry;
    }

    /** The tar above as {@code tar czf} writes it, with the name, comment and time gzip's header can carry. */
    static byte[] tarGz() throws Exception {
        return gzip(tar(), "evidence-" + HOST + ".tar", "from " + OWNER);
    }

    /** A single document compressed with {@code gzip -N}: its original name (naming the owner) and time kept. */
    static byte[] gzippedDocx() throws Exception {
        return gzip(docx(), "statement " + OWNER + ".docx", EMAIL);
    }

    private static byte[] gzip(byte[] content, String fileName, String comment) throws IOException {
        GzipParameters header = new GzipParameters();
        header.setFileName(fileName);
        header.setComment(comment);
        header.setModificationTime(1_714_550_400_000L);
        header.setOperatingSystem(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out, header)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }

    /** A 7z as 7-Zip writes it: creation, access and modification times and Windows attributes per entry. */
    static byte[] sevenZip() throws Exception {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (SevenZOutputFile archive = new SevenZOutputFile(channel)) {
            putSevenZip(archive, "photos/phone.jpg", ImageCorpus.phoneJpeg());
            putSevenZip(archive, "statement.docx", docx());
            putSevenZip(archive, "readme.txt", utf8(XLSX_TEXT));
            putSevenZip(archive, "keys.dat", concat(new byte[] {0, 1, 2, 3, (byte) 0xFE}, utf8(EMAIL)));
        }
        return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
    }

    private static void putSevenZip(SevenZOutputFile archive, String name, byte[] content) throws IOException {
        SevenZArchiveEntry entry = new SevenZArchiveEntry();
        entry.setName(name);
        java.util.Date time = new java.util.Date(1_714_550_400_000L);
        entry.setCreationDate(time);
        entry.setAccessDate(time);
        entry.setLastModifiedDate(time);
        entry.setHasWindowsAttributes(true);
        entry.setWindowsAttributes(0x20);
        archive.putArchiveEntry(entry);
        archive.write(content);
        archive.closeArchiveEntry();
    }

    /** Member paths as a reporter's phone and laptop name them: their name, their number, their user folder. */
    static final List<String> MEMBER_PATHS = List.of("sdcard/DCIM/Ahmed_Kareem/photo from 07701234567.jpg",
            "C:/Users/layla/Documents/statement.docx", "Ahmed_Kareem/notes.TXT", "sdcard/DCIM/Ahmed_Kareem/");
    /** What of {@link #MEMBER_PATHS} names the reporter or their device; none of it may reach a copy. */
    static final List<String> MEMBER_PATH_MARKERS = List.of("Ahmed", "Kareem", "07701234567", "layla", "sdcard",
            "DCIM", "Users", "photo from", "notes");

    /** An archive of the given format ("zip", "tar", "7z") whose members are named by {@link #MEMBER_PATHS}. */
    static byte[] archiveNamedByThePhone(String format) throws Exception {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put(MEMBER_PATHS.get(0), ImageCorpus.phoneJpeg());
        members.put(MEMBER_PATHS.get(1), docx());
        members.put(MEMBER_PATHS.get(2), utf8(XLSX_TEXT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case "zip" -> {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    zip.putNextEntry(new ZipEntry(MEMBER_PATHS.get(3)));
                    zip.closeEntry();
                    for (Map.Entry<String, byte[]> member : members.entrySet()) {
                        put(zip, member.getKey(), member.getValue(), null);
                    }
                }
            }
            case "tar" -> {
                try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    tar.putArchiveEntry(new TarArchiveEntry(MEMBER_PATHS.get(3)));
                    tar.closeArchiveEntry();
                    for (Map.Entry<String, byte[]> member : members.entrySet()) {
                        putTar(tar, member.getKey(), member.getValue());
                    }
                }
            }
            case "7z" -> {
                SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
                try (SevenZOutputFile archive = new SevenZOutputFile(channel)) {
                    SevenZArchiveEntry folder = new SevenZArchiveEntry();
                    folder.setName(MEMBER_PATHS.get(3));
                    folder.setDirectory(true);
                    archive.putArchiveEntry(folder);
                    archive.closeArchiveEntry();
                    for (Map.Entry<String, byte[]> member : members.entrySet()) {
                        putSevenZip(archive, member.getKey(), member.getValue());
                    }
                }
                return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
            }
            default -> throw new IllegalArgumentException(format);
        }
        return out.toByteArray();
    }

    /** The 7z above, encrypted with a password (7-Zip's AES), as a reporter might send it. */
    static byte[] encryptedSevenZip() throws Exception {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (SevenZOutputFile archive = new SevenZOutputFile(channel, "secret".toCharArray())) {
            putSevenZip(archive, "readme.txt", utf8(XLSX_TEXT));
        }
        return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
    }

    /** A mail saved as a file and sent on, with its sender, client and route in the header and a photo attached. */
    static byte[] mail() throws Exception {
        String boundary = "b1";
        String photo = Base64.getMimeEncoder().encodeToString(ImageCorpus.phoneJpeg());
        return utf8("""
                Received: from %s (%s [10.1.2.3]) by mx.example.test
                From: "%s" <%s>
                To: "%s" <%s>
                Subject: Offer for %s
                Date: Wed, 1 May 2024 10:00:00 +0300
                Message-ID: <1234@%s>
                X-Mailer: Mkr Mail on %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="%s"

                --%s
                Content-Type: text/plain; charset=UTF-8

                %s
                Call %s to collect it.
                Yours, %s
                --%s
                Content-Type: image/jpeg; name="flyer for %s.jpg"
                Content-Disposition: attachment; filename="flyer for %s.jpg"
                Content-Transfer-Encoding: base64

                %s
                --%s--
                """.formatted(HOST, HOST, OWNER, EMAIL, RECIPIENT, RECIPIENT_ADDRESS, OWNER, HOST, ORGANISATION, boundary,
                boundary, MAIL_TEXT, PHONE, OWNER, boundary, RECIPIENT, RECIPIENT, photo, boundary).replace("\n", "\r\n"));
    }

    private static byte[] ole() {
        byte[] header = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        return concat(header, new byte[504], utf8("Author " + OWNER + " " + HOST));
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, String comment) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // Info-ZIP Unix extra field (type 0x7875): uid and gid of the owner's account.
        entry.setExtra(new byte[] {0x75, 0x78, 11, 0, 1, 4, (byte) 0xE8, 3, 0, 0, 4, (byte) 0xE8, 3, 0, 0});
        if (comment != null) {
            entry.setComment(comment);
        }
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                if (part.getKey().equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(part.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(part.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        return ImageCorpus.concat(parts);
    }
}
