package org.shahid.evidence;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ExtractionWorker} in a child JVM with a bounded heap and hands it one attachment at a time; a
 * request that outlives the timeout kills the child, a child that dies (OutOfMemoryError, crash) is replaced
 * at the next request. The service's own heap never sees a hostile file's inflated content. Reads the
 * {@code shahid.evidence.*} settings through {@link Options}. Thread-safe: requests are serialised.
 */
public final class IsolatedExtractor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedExtractor.class);

    /**
     * How the child runs: heap, per-attachment timeout, text and embedded limits, OCR, and the address space of the
     * image decoders it starts (megabytes).
     */
    public record Options(String heap, Duration timeout, int maxChars, long maxCompressionRatio,
                          int maxEmbeddedDepth, int maxEmbeddedCount, boolean ocr, String ocrLanguages,
                          int decoderMemoryMb) {

        /** Tests: the decoders get the default address space of {@code shahid.evidence.decoder-memory-mb}. */
        public Options(String heap, Duration timeout, int maxChars, long maxCompressionRatio, int maxEmbeddedDepth,
                       int maxEmbeddedCount, boolean ocr, String ocrLanguages) {
            this(heap, timeout, maxChars, maxCompressionRatio, maxEmbeddedDepth, maxEmbeddedCount, ocr, ocrLanguages,
                    1024);
        }
    }

    /** The worker's answer, or a failure flag (extraction-timeout, extraction-crashed) with an empty answer. */
    public record Outcome(List<String> flags, String note, List<String> removedMetadata, boolean scrubbed,
                          boolean textTruncated, String text, List<ExtractedMember> members) {

        static Outcome failed(String flag, String note) {
            return new Outcome(List.of(flag), note, List.of(), false, false, "", List.of());
        }
    }

    private final Options options;
    private final boolean exiftool;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "extraction-worker-reader");
        thread.setDaemon(true);
        return thread;
    });
    private Process process;
    private DataInputStream fromWorker;
    private DataOutputStream toWorker;
    private int starts;

    /** Names the child's own temp folder; the child empties only a folder so named. */
    static final String TEMP_FOLDER_PREFIX = "shahid-worker-tmp-";

    private final Path temporaryFolder;

    /** As {@link #IsolatedExtractor(Options, Path)} with the child's temp folder under the system's. */
    public IsolatedExtractor(Options options) {
        this(options, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Built once at start: checks for ExifTool (which the check by difference needs) and for what pixel
     * re-encoding needs, and logs what is missing.
     * The child's temp folder (Tika's, Tesseract's and ExifTool's temp files) is a fresh folder in {@code workDir},
     * emptied after every request and removed on close.
     */
    public IsolatedExtractor(Options options, Path workDir) {
        this.options = options;
        this.exiftool = ExiftoolAvailability.decide();
        PixelReencodingAvailability.decide();
        try {
            Files.createDirectories(workDir);
            this.temporaryFolder = Files.createTempDirectory(workDir, TEMP_FOLDER_PREFIX);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the extraction temp folder in " + workDir, e);
        }
    }

    /** Where the child's tools write their temp files. */
    public Path temporaryFolder() {
        return temporaryFolder;
    }

    public Options options() {
        return options;
    }

    /** Scrubs {@code input} into {@code scrubbedOutput} and extracts its text, in the child. */
    public Outcome extract(Path input, Path scrubbedOutput, String fileName, String detectedType) {
        return extract(input, scrubbedOutput, null, fileName, detectedType, options.timeout());
    }

    /**
     * As {@link #extract(Path, Path, String, String)}, and keeps each embedded document opened as evidence of its
     * own: its original and scrubbed copy are left in {@code memberFolder}, named by the outcome's members.
     */
    public Outcome extract(Path input, Path scrubbedOutput, Path memberFolder, String fileName, String detectedType) {
        return extract(input, scrubbedOutput, memberFolder, fileName, detectedType, options.timeout());
    }

    /** As {@link #extract(Path, Path, String, String)} with another timeout (tests force one). */
    Outcome extract(Path input, Path scrubbedOutput, String fileName, String detectedType, Duration timeout) {
        return extract(input, scrubbedOutput, null, fileName, detectedType, timeout);
    }

    private synchronized Outcome extract(Path input, Path scrubbedOutput, Path memberFolder, String fileName,
                                         String detectedType, Duration timeout) {
        try {
            ensureRunning();
        } catch (IOException | TimeoutException | ExecutionException | InterruptedException e) {
            stopWorker();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Outcome.failed("extraction-unavailable", "extraction worker did not start: "
                    + e.getClass().getSimpleName());
        }
        ExtractionProtocol.Request request = new ExtractionProtocol.Request(input.toString(),
                scrubbedOutput.toString(), memberFolder == null ? "" : memberFolder.toString(), fileName, detectedType,
                options.maxChars());
        try {
            request.write(toWorker);
            Future<ExtractionProtocol.Answer> answer = reader.submit(() -> ExtractionProtocol.Answer.read(fromWorker));
            ExtractionProtocol.Answer result = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(result.flags(), result.note(), result.removedMetadata(), result.scrubbed(),
                    result.textTruncated(), result.text(), result.members().stream().map(ExtractedMember::parse)
                    .flatMap(java.util.Optional::stream).toList());
        } catch (TimeoutException e) {
            LOG.warn("extraction of one attachment ({}) passed {}: worker killed", detectedType, timeout);
            stopWorker();
            return Outcome.failed("extraction-timeout", "extraction stopped after " + timeout.toMillis() + " ms");
        } catch (IOException | ExecutionException e) {
            LOG.warn("extraction worker died on one attachment ({}): {}", detectedType, e.getClass().getSimpleName());
            stopWorker();
            return Outcome.failed("extraction-crashed", "extraction worker crashed (memory or parser failure)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWorker();
            return Outcome.failed("extraction-crashed", "extraction interrupted");
        }
    }

    /** How many child JVMs were started so far (1 after the first request, more after crashes). */
    private static final Path NICE = Path.of("/usr/bin/nice");

    public synchronized int starts() {
        return starts;
    }

    private void ensureRunning() throws IOException, TimeoutException, ExecutionException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        stopWorker();
        ProcessBuilder builder = new ProcessBuilder(command());
        // The child's log lines may mention parser warnings about file content: they stay out of the service log.
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        process = builder.start();
        starts++;
        fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        String ready = reader.submit(() -> ExtractionProtocol.readText(fromWorker)).get(60, TimeUnit.SECONDS);
        if (!ExtractionProtocol.READY.equals(ready)) {
            throw new IOException("unexpected greeting");
        }
        LOG.info("extraction worker started (heap {}, timeout {}, OCR {})", options.heap(), options.timeout(),
                options.ocr() ? "on" : "off");
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        // Examining evidence is background work: at a lower CPU priority the child (and the Tesseract processes
        // it starts) yields to intake, so a burst of screenshots does not slow the mailboxes down.
        if (Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", "10"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + options.heap());
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        // Measured: C1 alone parses small files as fast or faster on 2 busy cores (docs/adr).
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Djava.io.tmpdir=" + temporaryFolder);
        command.add("-Dshahid.worker.max-compression-ratio=" + options.maxCompressionRatio());
        command.add("-Dshahid.worker.max-embedded-depth=" + options.maxEmbeddedDepth());
        command.add("-Dshahid.worker.max-embedded-count=" + options.maxEmbeddedCount());
        command.add("-Dshahid.worker.ocr=" + options.ocr());
        command.add("-Dshahid.worker.ocr-languages=" + options.ocrLanguages());
        command.add("-Dshahid.worker.exiftool=" + exiftool);
        command.add("-Dshahid.worker.ocr-timeout-seconds=" + Math.max(1, options.timeout().toSeconds() - 1));
        command.add("-Dshahid.worker.decoder-memory-mb=" + options.decoderMemoryMb());
        command.add("-cp");
        // The service's own class path: the jar (whose manifest lists lib/), or Maven's test class path.
        command.add(System.getProperty("java.class.path"));
        command.add(ExtractionWorker.class.getName());
        return command;
    }

    private void stopWorker() {
        if (process != null) {
            // The child's own children first (ExifTool's stay-open session, a decoder, Tesseract): killed, the child
            // runs no shutdown hook, and an orphaned ExifTool polls its closed input a thousand times a second for
            // ever (148 of them had piled up on a test machine in one afternoon).
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        stopWorker();
        reader.shutdownNow();
        try (var files = Files.walk(temporaryFolder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(MemberCopies::deleteQuietly);
        } catch (IOException ignored) {
            // Older than an hour, it goes with the work folder's leftovers at the next start.
        }
    }
}
