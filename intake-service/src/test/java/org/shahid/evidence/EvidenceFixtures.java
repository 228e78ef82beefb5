package org.shahid.evidence;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files, generated: documents with an author, photos with GPS, and hostile files. */
final class EvidenceFixtures {

    static final String AUTHOR = "Layla Hassan";

    private EvidenceFixtures() {
    }

    static byte[] pdfWithAuthor(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setAuthor(AUTHOR);
            info.setCreator("Writer of " + AUTHOR);
            info.setProducer("LaylaPhone PDF 1.0");
            PDMetadata xmp = new PDMetadata(document);
            xmp.importXMPMetadata(("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>"
                    + "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                    + "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
                    + "<dc:creator><rdf:Seq><rdf:li>" + AUTHOR + "</rdf:li></rdf:Seq></dc:creator>"
                    + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>").getBytes(StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(xmp);
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] encryptedPdf(String text) throws IOException {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdfWithAuthor(text));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] truncatedPdf(String text) throws IOException {
        byte[] whole = pdfWithAuthor(text);
        return Arrays.copyOf(whole, whole.length * 55 / 100);
    }

    static byte[] docxWithAuthor(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            var properties = document.getProperties();
            properties.getCoreProperties().setCreator(AUTHOR);
            properties.getCoreProperties().getUnderlyingProperties().setLastModifiedByProperty(AUTHOR);
            properties.getExtendedProperties().setCompany("Hassan Printing");
            properties.getCustomProperties().addProperty("PhoneOwner", AUTHOR);
            org.apache.poi.xwpf.usermodel.XWPFComment comment = document.createComments()
                    .createComment(java.math.BigInteger.ONE);
            comment.setAuthor(AUTHOR);
            comment.setInitials("LHX");
            comment.createParagraph().createRun().setText("check the date");
            document.write(out);
            return out.toByteArray();
        }
    }

    static BufferedImage picture() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        return image;
    }

    /** A JPEG with EXIF GPS position, camera serial number and owner name. */
    static byte[] jpegWithGps() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(), "jpg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(44.3615, 33.3128); // longitude, latitude: Baghdad
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ARTIST, AUTHOR);
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneMaker");
        TiffOutputDirectory exifDirectory = exif.getOrCreateExifDirectory();
        exifDirectory.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, "SN-998877");
        exifDirectory.add(ExifTagConstants.EXIF_TAG_CAMERA_OWNER_NAME, AUTHOR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
        return out.toByteArray();
    }

    /** A PNG with a tEXt Author chunk after IHDR. */
    static byte[] pngWithAuthor() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(), "png", plain);
        byte[] png = plain.toByteArray();
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        byte[] data = ("Author\0" + AUTHOR).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.write(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** A minimal OpenDocument text with a creator in meta.xml. */
    static byte[] odtWithAuthor(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            put(zip, "META-INF/manifest.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
                     <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                     <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>""");
            put(zip, "content.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                    <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                    </office:document-content>""".formatted(text));
            put(zip, "meta.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
                    xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:meta>\
                    <meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>\
                    <meta:generator>LaylaOffice/1.0</meta:generator></office:meta></office:document-meta>"""
                    .formatted(AUTHOR, AUTHOR));
        }
        return out.toByteArray();
    }

    /** A zip whose one member inflates to {@code megabytes} MB of text (about 1,000 : 1). */
    static byte[] zipBomb(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("results.txt"));
            writeRepeated(zip, megabytes);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A DOCX whose document.xml is one run inflating to {@code megabytes} MB, streamed, never in memory. */
    static byte[] docxBomb(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                    Target="word/document.xml"/></Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w="
                    + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            writeRepeated(zip, megabytes);
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** {@code levels} zips, each holding the next; the innermost holds a text file. */
    static byte[] nestedZip(int levels, String innermostText) throws IOException {
        byte[] content = innermostText.getBytes(StandardCharsets.UTF_8);
        String name = "deepest.txt";
        for (int level = levels; level >= 1; level--) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            content = out.toByteArray();
            name = "level-" + level + ".zip";
        }
        return content;
    }

    /** A zip whose member is marked as encrypted (general purpose bit 0), as password-protected zips are. */
    static byte[] encryptedZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "votes.txt", "counted twice");
        }
        byte[] bytes = out.toByteArray();
        bytes[6] |= 1; // local file header flags
        for (int i = 0; i + 4 < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                bytes[i + 8] |= 1; // central directory flags
            }
        }
        return bytes;
    }

    /** A DOCX encrypted with a password (OOXML agile encryption inside an OLE2 container), made by POI. */
    static byte[] encryptedDocx(String text) throws Exception {
        byte[] docx = docxWithAuthor(text);
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.poifs.crypt.EncryptionInfo info = new org.apache.poi.poifs.crypt.EncryptionInfo(
                    org.apache.poi.poifs.crypt.EncryptionMode.agile);
            org.apache.poi.poifs.crypt.Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(docx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The first bytes of a Windows PE executable. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80; // e_lfanew: PE header at 0x80
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** A screenshot-like image with an English and an Arabic line, drawn with a font that has Arabic glyphs. */
    static byte[] screenshot(String english, String arabic) throws IOException {
        BufferedImage image = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(arabicFont().orElseThrow().deriveFont(Font.PLAIN, 48f));
        graphics.drawString(english, 40, 100);
        graphics.drawString(arabic, 40, 220);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * A scanned document: a PDF whose pages are only a 200 dpi greyscale JPEG of A4 paper (no text layer), each
     * with the English and the Arabic line and a few more lines of English, as a photocopier makes them.
     */
    static byte[] scannedPdf(int pages, String english, String arabic) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int number = 1; number <= pages; number++) {
                BufferedImage scan = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D graphics = scan.createGraphics();
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, scan.getWidth(), scan.getHeight());
                graphics.setColor(Color.BLACK);
                graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                graphics.setFont(arabicFont().orElseThrow().deriveFont(Font.PLAIN, 40f));
                graphics.drawString(english, 150, 300);
                graphics.drawString(arabic, 150, 420);
                for (int line = 0; line < 12; line++) {
                    graphics.drawString("Page " + number + ", line " + (line + 1)
                            + ": the committee counted the ballots again.", 150, 560 + line * 110);
                }
                graphics.dispose();
                PDPage page = new PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
                document.addPage(page);
                var image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromImage(document, scan,
                        0.85f);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A font on this machine that draws Arabic (DejaVu Sans, Noto...), if any. */
    static java.util.Optional<Font> arabicFont() {
        String sample = "شراء الأصوات";
        return java.util.Arrays.stream(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                        .getAvailableFontFamilyNames())
                .sorted(java.util.Comparator.comparing((String name) -> !name.equals("DejaVu Sans")))
                .map(name -> new Font(name, Font.PLAIN, 48))
                .filter(font -> font.canDisplayUpTo(sample) == -1)
                .findFirst();
    }

    /** A WebP (lossless) with EXIF GPS, camera serial, owner and software, and XMP creator; see resources/evidence. */
    static byte[] webpWithGps() throws IOException {
        return resource("photo-gps.webp");
    }

    /** A HEIC with the same metadata as {@link #webpWithGps()}. */
    static byte[] heicWithGps() throws IOException {
        return resource("photo-gps.heic");
    }

    /** A real Word 97–2003 document from Apache POI's test data, with its revision and comment authors. */
    static byte[] wordWithRevisionAuthors() throws IOException {
        return resource("revision-authors.doc");
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = EvidenceFixtures.class.getResourceAsStream("/evidence/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource evidence/" + name);
            }
            return in.readAllBytes();
        }
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void writeRepeated(OutputStream out, int megabytes) throws IOException {
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'a');
        for (int i = 0; i < megabytes; i++) {
            out.write(block);
        }
    }
}
