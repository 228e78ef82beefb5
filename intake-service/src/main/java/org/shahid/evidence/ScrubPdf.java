package org.shahid.evidence;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * Scrubs a PDF with PDFBox: the document information and XMP go, and so does every object's own XMP
 * ({@code /Metadata}) and application data ({@code /PieceInfo}); annotations lose their author ({@code /T}) and
 * name, while their text stays; embedded files (the name tree and file-attachment annotations) are removed, with a
 * note; every JPEG image XObject is rebuilt by {@link ScrubJpeg} and every JPEG 2000 one by {@link ScrubJpeg2000}
 * in place, their pixels untouched; form fields lose their values, their drawn appearance and the XFA copy of the
 * form, and keep their place on the page (viewers are told to draw them afresh, empty); the trailer's
 * {@code /ID} is regenerated at random, so it no longer links the copy to the original. A full save drops earlier
 * incremental revisions. Encrypted PDFs are refused. Streams are cached in temp files. Thread-safe.
 */
final class ScrubPdf implements MetadataScrubber {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final COSName PIECE_INFO = COSName.getPDFName("PieceInfo");

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        try (PDDocument document = Loader.loadPDF(input.toFile(), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw new EncryptedFileException();
            }
            Set<String> removed = new LinkedHashSet<>();
            for (String key : document.getDocumentInformation().getMetadataKeys()) {
                removed.add("Info:" + (key.matches("[A-Za-z0-9]{1,40}") ? key : "other"));
            }
            document.setDocumentInformation(new PDDocumentInformation());
            if (document.getDocumentCatalog().getMetadata() != null) {
                removed.add("XMP");
                document.getDocumentCatalog().setMetadata(null);
            }
            removeEmbeddedFiles(document, removed);
            var form = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.ACRO_FORM);
            if (form != null) {
                // XFA repeats the form with its data (datasets): the AcroForm fields alone render the page.
                if (form.containsKey(COSName.XFA)) {
                    form.removeItem(COSName.XFA);
                    removed.add("Form:XFA");
                }
                form.setBoolean(COSName.NEED_APPEARANCES, true);
            }
            for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
                COSObject object = document.getDocument().getObjectFromPool(key);
                COSBase base = object == null ? null : object.getObject();
                if (base instanceof COSDictionary dictionary) {
                    scrubObject(dictionary, removed, output.toAbsolutePath().getParent());
                }
            }
            for (PDPage page : document.getPages()) {
                scrubObject(page.getCOSObject(), removed, output.toAbsolutePath().getParent());
                for (PDAnnotation annotation : page.getAnnotations()) {
                    scrubObject(annotation.getCOSObject(), removed, output.toAbsolutePath().getParent());
                }
            }
            COSArray id = new COSArray();
            id.add(new COSString(randomBytes()));
            id.add(new COSString(randomBytes()));
            document.getDocument().getTrailer().setItem(COSName.ID, id);
            removed.add("Trailer:ID-regenerated");
            document.save(output.toFile());
            return new ArrayList<>(removed);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new EncryptedFileException();
        }
    }

    private static void scrubObject(COSDictionary dictionary, Set<String> removed, Path workDir) throws Exception {
        if (dictionary.containsKey(COSName.METADATA) && !(dictionary.getItem(COSName.TYPE) == COSName.CATALOG)) {
            dictionary.removeItem(COSName.METADATA);
            removed.add("XMP:object");
        }
        if (dictionary.containsKey(PIECE_INFO)) {
            dictionary.removeItem(PIECE_INFO);
            removed.add("PieceInfo");
        }
        if (dictionary.containsKey(COSName.LAST_MODIFIED)) {
            dictionary.removeItem(COSName.LAST_MODIFIED);
            removed.add("LastModified");
        }
        boolean annotation = COSName.ANNOT.equals(dictionary.getCOSName(COSName.TYPE))
                || (dictionary.containsKey(COSName.SUBTYPE) && dictionary.containsKey(COSName.RECT));
        if (annotation && !COSName.WIDGET.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
            // A markup annotation's /T is its author; a widget's /T is the form field's name, which renders nothing.
            if (dictionary.containsKey(COSName.T)) {
                dictionary.removeItem(COSName.T);
                removed.add("Annotation:author");
            }
            if (dictionary.containsKey(COSName.NM)) {
                dictionary.removeItem(COSName.NM);
                removed.add("Annotation:name");
            }
        }
        clearFormValue(dictionary, removed);
        if (dictionary instanceof COSStream stream && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            COSName filter = onlyFilter(stream);
            if (COSName.DCT_DECODE.equals(filter)) {
                scrubJpegImage(stream, removed, workDir);
            } else if (COSName.JPX_DECODE.equals(filter)) {
                scrubJpxImage(stream, removed);
            }
        }
    }

    /**
     * A filled form names whoever filled it: text and choice fields lose their values (a field without one is
     * empty) and their widgets the appearance that drew the value; the fields themselves stay, so the page keeps
     * its layout and a viewer draws them empty. Buttons keep their state: on or off names nobody.
     */
    private static void clearFormValue(COSDictionary dictionary, Set<String> removed) {
        COSName fieldType = fieldType(dictionary);
        if (fieldType == null || COSName.BTN.equals(fieldType)) {
            return;
        }
        for (COSName value : List.of(COSName.V, COSName.DV, COSName.getPDFName("RV"))) {
            if (dictionary.containsKey(value)) {
                dictionary.removeItem(value);
                removed.add("Form:value");
            }
        }
        if (COSName.WIDGET.equals(dictionary.getCOSName(COSName.SUBTYPE)) && dictionary.containsKey(COSName.AP)) {
            dictionary.removeItem(COSName.AP);
            removed.add("Form:appearance");
        }
    }

    /** A field's type, inherited through {@code /Parent} (a widget is often a kid of its field). */
    private static COSName fieldType(COSDictionary dictionary) {
        COSDictionary field = dictionary;
        for (int depth = 0; field != null && depth < 32; depth++) {
            COSName type = field.getCOSName(COSName.FT);
            if (type != null) {
                return type;
            }
            field = field.getCOSDictionary(COSName.PARENT);
        }
        return null;
    }

    /** A JPX image's raw stream is a JP2 file or codestream: rebuilt by the JPEG 2000 allowlist, still JPX. */
    private static void scrubJpxImage(COSStream stream, Set<String> removed) throws Exception {
        byte[] image;
        try (InputStream raw = stream.createRawInputStream()) {
            image = raw.readAllBytes();
        }
        Set<String> fields = new LinkedHashSet<>();
        byte[] copy = ScrubJpeg2000.scrub(image, fields);
        fields.forEach(field -> removed.add("Image:" + field));
        try (OutputStream raw = stream.createRawOutputStream()) {
            raw.write(copy);
        }
    }

    /** The image's JPEG bytes are its raw stream: rebuilt by the JPEG allowlist and written back, still DCT. */
    private static void scrubJpegImage(COSStream stream, Set<String> removed, Path workDir) throws Exception {
        Path in = Files.createTempFile(workDir, "pdf-image-", ".jpg");
        Path out = Files.createTempFile(workDir, "pdf-image-copy-", ".jpg");
        try {
            try (InputStream raw = stream.createRawInputStream()) {
                Files.copy(raw, in, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> fields = new ScrubJpeg().scrub(in, out);
            fields.forEach(field -> removed.add("Image:" + field));
            try (OutputStream raw = stream.createRawOutputStream()) {
                Files.copy(out, raw);
            }
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    private static COSName onlyFilter(COSStream stream) {
        COSBase filter = stream.getDictionaryObject(COSName.FILTER);
        if (filter instanceof COSName name) {
            return name;
        }
        if (filter instanceof COSArray array && array.size() == 1 && array.getObject(0) instanceof COSName name) {
            return name;
        }
        return null;
    }

    private static void removeEmbeddedFiles(PDDocument document, Set<String> removed) throws Exception {
        var names = document.getDocumentCatalog().getNames();
        if (names != null && names.getEmbeddedFiles() != null) {
            names.setEmbeddedFiles(null);
            removed.add("Embedded:removed-files");
        }
        for (PDPage page : document.getPages()) {
            List<PDAnnotation> annotations = page.getAnnotations();
            boolean changed = annotations.removeIf(annotation -> "FileAttachment".equals(annotation.getSubtype()));
            if (changed) {
                page.setAnnotations(annotations);
                removed.add("Embedded:removed-file-attachments");
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
