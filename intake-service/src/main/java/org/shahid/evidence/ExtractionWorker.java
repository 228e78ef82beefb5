package org.shahid.evidence;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The child JVM's main class: reads requests from stdin, scrubs each file's metadata into a copy and extracts
 * its text, answers on stdout. It runs with a small heap and exits on OutOfMemoryError; {@link
 * IsolatedExtractor} in the service starts it, times it out and restarts it, so a hostile file can only kill
 * this process. Limits come as system properties ({@code shahid.worker.*}). Single-threaded.
 */
public final class ExtractionWorker {

    /** Types that only wrap other files; see {@link #handle}. */
    private static final Set<String> WRAPPER_TYPES = Set.of("application/zip", "application/x-tar",
            "application/x-gtar", "application/gzip", "application/x-gzip", "application/x-7z-compressed",
            "message/rfc822");

    private ExtractionWorker() {
    }

    public static void main(String[] args) throws IOException {
        // stdout is the protocol channel: anything a library prints goes to stderr instead.
        DataOutputStream answers = new DataOutputStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        ExtractText extractText = new ExtractText(new ExtractText.Limits(
                Long.getLong("shahid.worker.max-compression-ratio", 100),
                Integer.getInteger("shahid.worker.max-embedded-depth", 5),
                Integer.getInteger("shahid.worker.max-embedded-count", 200),
                Boolean.getBoolean("shahid.worker.ocr"),
                System.getProperty("shahid.worker.ocr-languages", "ara+eng"),
                Integer.getInteger("shahid.worker.ocr-timeout-seconds", 60)));
        int toolTimeoutSeconds = Integer.getInteger("shahid.worker.ocr-timeout-seconds", 60);
        boolean exiftool = Boolean.getBoolean("shahid.worker.exiftool");
        java.time.Duration toolTimeout = java.time.Duration.ofSeconds(toolTimeoutSeconds);
        ScrubMetadata scrubbers = new ScrubMetadata(new RunImageDecoder(toolTimeout,
                Integer.getInteger("shahid.worker.decoder-memory-mb", 1024) * 1024L * 1024L));
        Path temporaryFolder = Path.of(System.getProperty("java.io.tmpdir"));
        // Lives as long as this JVM; it exits when the service closes our stdin, or is killed with us.
        ExiftoolSession listings = new ExiftoolSession("exiftool", toolTimeout, temporaryFolder);
        Runtime.getRuntime().addShutdownHook(new Thread(listings::close));
        ScrubCopy scrubCopy = new ScrubCopy(scrubbers, exiftool
                ? Optional.of(new CheckScrubbedCopy(listings)) : Optional.empty());
        ClassifyType classifyType = new ClassifyType();
        RedactOriginalText redactOriginalText = new RedactOriginalText(exiftool ? Optional.of(listings)
                : Optional.empty());
        ExtractionProtocol.writeText(answers, ExtractionProtocol.READY);
        answers.flush();
        while (true) {
            ExtractionProtocol.Request request;
            try {
                request = ExtractionProtocol.Request.read(requests);
            } catch (EOFException serviceGone) {
                return;
            }
            ExtractionProtocol.Answer answer = handle(request, extractText, scrubCopy, classifyType,
                    redactOriginalText);
            // Child tools (Tika's OCR, Tesseract) leave files in this JVM's own temp folder: empty it per request.
            emptyFolder(temporaryFolder);
            answer.write(answers);
        }
    }

    static ExtractionProtocol.Answer handle(ExtractionProtocol.Request request, ExtractText extractText,
                                            ScrubCopy scrubCopy, ClassifyType classifyType,
                                            RedactOriginalText redactOriginalText) {
        Path input = Path.of(request.input());
        Path output = Path.of(request.scrubbedOutput());
        Set<String> flags = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        if ("application/pdf".equals(request.detectedType()) && !endsLikePdf(input)) {
            flags.add("truncated");
            notes.add("PDF without %%EOF: truncated or damaged");
        }
        if (IsZipBomb.test(input, extractText.limits().maxCompressionRatio())) {
            flags.add("zip-bomb");
            notes.add("suspected zip bomb: members inflate beyond the ratio limit; not opened");
            return new ExtractionProtocol.Answer(new ArrayList<>(flags), String.join("; ", notes), List.of(), false,
                    false, "", List.of());
        }
        ScrubCopy.Result copy = scrubCopy.scrub(input, output, request.detectedType());
        flags.addAll(copy.flags());
        notes.addAll(copy.notes());
        List<String> removed = copy.removed();
        boolean scrubbed = copy.kept();
        MemberCopies memberCopies = request.memberFolder().isEmpty() ? null
                : new MemberCopies(Path.of(request.memberFolder()), scrubCopy, classifyType);
        // Text comes from the copy, except for wrappers: an archive's or attached mail's members are evidence of
        // their own, kept (sealed original, own copy) and read from their own copies by MemberCopies. Text read
        // from an original is redacted below.
        boolean readCopy = scrubbed && !WRAPPER_TYPES.contains(request.detectedType());
        ExtractText.Extraction extraction = extractText.extract(readCopy ? output : input, request.fileName(),
                request.detectedType(), request.maxChars(), memberCopies);
        flags.addAll(extraction.flags());
        if (extraction.note() != null) {
            notes.add(extraction.note());
        }
        String text = extraction.text();
        if (!readCopy) {
            // Read from the original: what the copy would have left out must not reach monitors through the text.
            Optional<String> redacted = redactOriginalText.redact(input, request.detectedType(), text,
                    output.toAbsolutePath().getParent());
            if (redacted.isEmpty()) {
                flags.add("text-withheld");
                notes.add("text withheld: the original's metadata could not be listed to take it out");
            }
            text = redacted.map(safe -> safe.length() > request.maxChars() ? safe.substring(0, request.maxChars())
                    : safe).orElse("");
        }
        return new ExtractionProtocol.Answer(new ArrayList<>(flags), notes.isEmpty() ? null : String.join("; ", notes),
                removed, scrubbed, extraction.truncated(), text, extraction.members());
    }

    /** A complete PDF ends with %%EOF (possibly followed by whitespace) in its last kilobyte. */
    private static boolean endsLikePdf(Path file) {
        try (RandomAccessFile pdf = new RandomAccessFile(file.toFile(), "r")) {
            long length = pdf.length();
            int tail = (int) Math.min(length, 1024);
            byte[] bytes = new byte[tail];
            pdf.seek(length - tail);
            pdf.readFully(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1).contains("%%EOF");
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Only the child's own temp folder (inside the service's work folder), never the system's. */
    private static void emptyFolder(Path folder) {
        if (!folder.getFileName().toString().startsWith(IsolatedExtractor.TEMP_FOLDER_PREFIX)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(file -> !file.equals(folder))
                    .forEach(MemberCopies::deleteQuietly);
        } catch (IOException ignored) {
            // Tried again after the next request.
        }
    }
}
