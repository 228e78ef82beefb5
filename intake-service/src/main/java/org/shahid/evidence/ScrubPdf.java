package org.shahid.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Empties a PDF's document information (Author, Creator, Producer, ...) and drops its XMP metadata with PDFBox,
 * then saves it whole, which also drops earlier incremental revisions that could still hold the old values.
 * Encrypted PDFs are refused. Streams are cached in temp files, not the heap. Thread-safe.
 */
final class ScrubPdf implements MetadataScrubber {

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        try (PDDocument document = Loader.loadPDF(input.toFile(), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw new EncryptedFileException();
            }
            List<String> removed = new ArrayList<>();
            for (String key : document.getDocumentInformation().getMetadataKeys()) {
                removed.add("Info:" + key);
            }
            document.setDocumentInformation(new PDDocumentInformation());
            if (document.getDocumentCatalog().getMetadata() != null) {
                removed.add("XMP");
                document.getDocumentCatalog().setMetadata(null);
            }
            for (PDPage page : document.getPages()) {
                if (page.getMetadata() != null) {
                    removed.add("XMP:page");
                    page.setMetadata(null);
                }
            }
            document.save(output.toFile());
            return removed.stream().distinct().toList();
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new EncryptedFileException();
        }
    }
}
