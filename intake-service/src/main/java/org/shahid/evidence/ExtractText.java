package org.shahid.evidence;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.SecureContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

/**
 * Extracts the text of one file with Tika's AutoDetectParser under limits: at most {@code maxChars} characters,
 * a compression-ratio guard (SecureContentHandler), bounded embedded depth and count, SAX (streaming) OOXML
 * extractors, and OCR of images and of scanned PDF pages in Arabic and English when Tesseract is there. Runs
 * only inside {@link ExtractionWorker}, the child JVM. Not thread-safe (the worker is single-threaded).
 */
final class ExtractText {

    /** Limits and OCR choice, given to the child JVM as system properties. */
    record Limits(long maxCompressionRatio, int maxEmbeddedDepth, int maxEmbeddedCount, boolean ocr,
                  String ocrLanguages, int ocrTimeoutSeconds) {
    }

    record Extraction(String text, boolean truncated, Set<String> flags, String note, java.util.List<String> members) {
    }

    // Below the text limit, so the compression-ratio check runs before the write limit ends the parse.
    private static final long RATIO_CHECK_AFTER_CHARS = 100_000;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final Limits limits;

    ExtractText(Limits limits) {
        this.limits = limits;
    }

    Limits limits() {
        return limits;
    }

    /** {@code memberCopies} null: embedded documents are listed and read, not kept as evidence of their own. */
    Extraction extract(Path file, String fileName, String detectedType, int maxChars, MemberCopies memberCopies) {
        Set<String> flags = new LinkedHashSet<>();
        if (isEncryptedZip(file, detectedType)) {
            flags.add("encrypted");
        }
        StringWriter text = new StringWriter();
        ParseContext context = context();
        BoundedEmbeddedExtractor embedded = new BoundedEmbeddedExtractor(context, limits.maxEmbeddedDepth(),
                limits.maxEmbeddedCount(), memberCopies);
        context.set(EmbeddedDocumentExtractor.class, embedded);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        boolean truncated = false;
        String note = null;
        SecureContentHandler secure = null;
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            WriteOutContentHandler limited = new WriteOutContentHandler(text, maxChars);
            secure = new SecureContentHandler(limited, in);
            secure.setMaximumCompressionRatio(limits.maxCompressionRatio());
            secure.setOutputThreshold(RATIO_CHECK_AFTER_CHARS);
            // Above our own depth limit: SecureContentHandler's limit is swallowed per member, ours is reported.
            secure.setMaximumPackageEntryDepth(limits.maxEmbeddedDepth() + 2);
            parser.parse(in, secure, metadata, context);
        } catch (Throwable problem) {
            if (WriteLimitReachedException.isWriteLimitReached(problem)) {
                truncated = true;
            } else if (isEncrypted(problem)) {
                flags.add("encrypted");
                note = "encrypted: text not extracted";
            } else if (isZipBomb(problem, secure)) {
                flags.add("zip-bomb");
                note = "suspected zip bomb: extraction stopped";
            } else if (problem instanceof OutOfMemoryError) {
                throw (OutOfMemoryError) problem;
            } else {
                flags.add("extraction-failed");
                note = "extraction failed: " + rootType(problem);
            }
        }
        if (embedded.limitReached()) {
            flags.add("embedded-limit");
        }
        String extracted = text.toString();
        if (extracted.length() > maxChars) {
            extracted = extracted.substring(0, maxChars);
            truncated = true;
        }
        return new Extraction(extracted.strip(), truncated, flags, note, embedded.members());
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        OfficeParserConfig office = new OfficeParserConfig();
        // The DOM DOCX extractor runs out of memory on a 1 MB file inflating to 420 MB before the ratio guard fires.
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(!limits.ocr());
        ocr.setLanguage(limits.ocrLanguages());
        ocr.setTimeoutSeconds(limits.ocrTimeoutSeconds());
        context.set(TesseractOCRConfig.class, ocr);
        // Scanned PDFs: a page with (almost) no text layer is rendered (300 dpi grey) and read by Tesseract.
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(limits.ocr() ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** A zip whose members use zip encryption: Tika skips them silently, so look at the entry flags. */
    private static boolean isEncryptedZip(Path file, String detectedType) {
        if (!"application/zip".equals(detectedType)) {
            return false;
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            var entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    return true;
                }
            }
        } catch (Exception unreadable) {
            return false;
        }
        return false;
    }

    static boolean isEncrypted(Throwable problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException
                    || cause instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException
                    || cause.getClass().getSimpleName().contains("PasswordRequired")
                    || cause.getClass().getSimpleName().equals("EncryptedDocumentException")) {
                return true;
            }
        }
        return false;
    }

    static boolean isZipBomb(Throwable problem, SecureContentHandler secure) {
        if (secure != null && problem instanceof org.xml.sax.SAXException sax) {
            try {
                secure.throwIfCauseOf(sax);
            } catch (Exception bomb) {
                return true;
            }
        }
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            // Library messages (Tika "Suspected zip bomb", POI "Zip bomb detected!"), never file content.
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    static String rootType(Throwable problem) {
        Throwable root = problem;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
