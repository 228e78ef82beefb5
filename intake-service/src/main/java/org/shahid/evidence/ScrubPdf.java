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
 * note; every JPEG image XObject is rebuilt by {@link ScrubJpeg} in place, its pixels untouched; the trailer's
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
        if (dictionary instanceof COSStream stream && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
                && COSName.DCT_DECODE.equals(onlyFilter(stream))) {
            scrubJpegImage(stream, removed, workDir);
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
