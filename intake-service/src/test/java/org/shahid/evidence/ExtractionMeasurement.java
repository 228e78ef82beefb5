package org.shahid.evidence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.fork.ForkParser;
import org.apache.tika.fork.ParserFactoryFactory;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParserFactory;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the measurement behind docs/adr/evidence-isolated-extraction.md. Runs only with
 * {@code -Dshahid.measure=true}: {@code mvn -o test -Dtest=ExtractionMeasurement -Dshahid.measure=true}.
 */
class ExtractionMeasurement {

    @TempDir
    Path dir;

    @Test
    void compareOwnWorkerWithForkParser() throws Exception {
        assumeTrue(Boolean.getBoolean("shahid.measure"), "measurement only on request");
        Path pdf = EvidenceFixtures.write(dir, "a.pdf", EvidenceFixtures.pdfWithAuthor("Ballot box removed"));
        Path docx = EvidenceFixtures.write(dir, "a.docx", EvidenceFixtures.docxWithAuthor("Vote buying"));
        Path jpeg = EvidenceFixtures.write(dir, "a.jpg", EvidenceFixtures.jpegWithGps());
        int rounds = 100;

        long start = System.nanoTime();
        try (IsolatedExtractor worker = new IsolatedExtractor(new IsolatedExtractor.Options("256m",
                Duration.ofSeconds(60), 1_000_000, 100, 5, 200, false, "ara+eng"))) {
            worker.extract(pdf, dir.resolve("o0"), "a.pdf", "application/pdf");
            report("own worker: start + first PDF (scrub + extract)", start, 1);
            Map<String, Path> files = Map.of("application/pdf", pdf,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx,
                    "image/jpeg", jpeg);
            for (Map.Entry<String, Path> file : files.entrySet()) {
                start = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    Path out = dir.resolve("o" + i);
                    worker.extract(file.getValue(), out, file.getValue().getFileName().toString(), file.getKey());
                    Files.deleteIfExists(out);
                }
                report("own worker: warm scrub + extract " + file.getKey(), start, rounds);
            }
        }

        if (Boolean.getBoolean("shahid.measure.large")) {
            measureLarge();
        }
        if (!Boolean.parseBoolean(System.getProperty("shahid.measure.fork", "true"))) {
            return;
        }
        Path tikaBin = Files.createDirectories(dir.resolve("tika-bin"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.exists(jar) && !Files.exists(tikaBin.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(tikaBin.resolve(jar.getFileName()), jar);
            }
        }
        // Surefire may hand over a manifest-only booter jar: add the jars its manifest names.
        for (String entry : manifestClassPath()) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.exists(jar) && !Files.exists(tikaBin.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(tikaBin.resolve(jar.getFileName()), jar);
            }
        }
        start = System.nanoTime();
        try (ForkParser fork = new ForkParser(tikaBin, new ParserFactoryFactory(
                AutoDetectParserFactory.class.getName(), new HashMap<>()))) {
            fork.setJavaCommand(List.of("java", "-Xmx256m"));
            fork.setPoolSize(1);
            parse(fork, pdf);
            report("ForkParser: start + first PDF (extract only)", start, 1);
            for (Path file : List.of(pdf, docx, jpeg)) {
                start = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    parse(fork, file);
                }
                report("ForkParser: warm extract " + file.getFileName(), start, rounds);
            }
        }
    }

    /**
     * OCR of scanned PDFs (one and five A4 pages, 200 dpi JPEG scans) in a warm 256 MB child:
     * {@code mvn -o test -pl intake-service -Dtest=ExtractionMeasurement#scannedPdfOcr -Dshahid.measure=true}.
     */
    @Test
    void scannedPdfOcr() throws Exception {
        assumeTrue(Boolean.getBoolean("shahid.measure"), "measurement only on request");
        assumeTrue(OcrAvailability.isAvailable("ara+eng"), "tesseract with ara and eng is not installed");
        Path warm = EvidenceFixtures.write(dir, "warm.pdf", EvidenceFixtures.pdfWithAuthor("warm"));
        try (IsolatedExtractor worker = new IsolatedExtractor(new IsolatedExtractor.Options("256m",
                Duration.ofSeconds(600), 1_000_000, 100, 5, 200, true, "ara+eng"))) {
            worker.extract(warm, dir.resolve("warm-out"), "warm.pdf", "application/pdf");
            for (int pages : new int[] {1, 5, 1, 5}) {
                Path scan = EvidenceFixtures.write(dir, "scan" + pages + ".pdf", EvidenceFixtures.scannedPdf(pages,
                        "Ballot boxes opened before the count", "فتح صناديق الاقتراع قبل العد"));
                long start = System.nanoTime();
                IsolatedExtractor.Outcome outcome = worker.extract(scan, dir.resolve("scan-out"), "scan.pdf",
                        "application/pdf");
                report("own worker: scanned PDF, " + pages + " page(s), " + Files.size(scan) / 1000 + " kB, flags="
                        + outcome.flags() + " chars=" + outcome.text().length(), start, 1);
                Files.deleteIfExists(dir.resolve("scan-out"));
            }
        }
    }

    /** 25 MB attachments (the intake limit) through a 256 MB child: time and outcome. */
    private void measureLarge() throws Exception {
        java.util.Random random = new java.util.Random(42);
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(3600, 3500,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        Path jpeg = dir.resolve("big.jpg");
        try (var out = javax.imageio.ImageIO.createImageOutputStream(jpeg.toFile())) {
            var writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpg").next();
            var parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(1.0f);
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(noise, null, null), parameters);
        }
        StringBuilder words = new StringBuilder();
        while (words.length() < 25 * 1024 * 1024) {
            words.append("word").append(random.nextInt(100000)).append(random.nextInt(10) == 0 ? '\n' : ' ');
        }
        Path text = EvidenceFixtures.write(dir, "big.txt", words.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (IsolatedExtractor worker = new IsolatedExtractor(new IsolatedExtractor.Options("256m",
                Duration.ofSeconds(120), 1_000_000, 100, 5, 200, Boolean.getBoolean("shahid.measure.ocr"),
                "ara+eng"))) {
            worker.extract(text, dir.resolve("warm"), "warm.txt", "text/plain");
            for (Path file : List.of(jpeg, text)) {
                String type = file.toString().endsWith("jpg") ? "image/jpeg" : "text/plain";
                long start = System.nanoTime();
                IsolatedExtractor.Outcome outcome = worker.extract(file, dir.resolve("large-out"),
                        file.getFileName().toString(), type);
                report("own worker: " + Files.size(file) / 1_000_000 + " MB " + type + " flags=" + outcome.flags()
                        + " scrubbed=" + outcome.scrubbed() + " chars=" + outcome.text().length(), start, 1);
                Files.deleteIfExists(dir.resolve("large-out"));
            }
        }
    }

    private static List<String> manifestClassPath() throws Exception {
        String classPath = System.getProperty("java.class.path");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return List.of();
        }
        try (var jar = new java.util.jar.JarFile(classPath)) {
            String entries = jar.getManifest().getMainAttributes().getValue("Class-Path");
            return entries == null ? List.of() : java.util.Arrays.stream(entries.split(" "))
                    .map(url -> url.startsWith("file:") ? java.net.URI.create(url).getPath() : url).toList();
        }
    }

    private static void parse(ForkParser fork, Path file) throws Exception {
        try (InputStream in = TikaInputStream.get(file)) {
            fork.parse(in, new BodyContentHandler(1_000_000), new Metadata(), new ParseContext());
        }
    }

    private static void report(String what, long startNanos, int rounds) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        System.err.printf("MEASURE %s: %.0f ms total, %.1f ms each%n", what, millis, millis / rounds);
    }
}
