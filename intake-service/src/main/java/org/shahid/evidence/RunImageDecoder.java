package org.shahid.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Decodes a HEIC or JPEG 2000 image that its allowlist rewriter cannot follow into plain pixels, with a decoder
 * Debian ships: libheif's {@code heif-convert} (to a JPEG of quality 92: measured 1.6 s for a 12-megapixel photo,
 * where a PNG took 15.5 s) and OpenJPEG's {@code opj_decompress} (to a PNG, lossless, as JPEG 2000 scans often
 * are; it converts an embedded ICC profile to sRGB). The decoder runs as a process of its own: without network
 * (an empty network namespace, {@code unshare -n}), with bounded address space and CPU time ({@code prlimit}), a
 * wall-clock timeout, an empty environment, and a folder of its own in the work folder as its working directory,
 * input and output, removed afterwards. What it writes is then rebuilt by the JPEG or PNG allowlist, so nothing the
 * decoder carries over (libheif copies the EXIF block) reaches the copy. Without the decoder or a network namespace
 * ({@link DecoderIsolation}) there is no copy. Used by the extraction child only. Thread-safe.
 */
final class RunImageDecoder {

    /** The formats it decodes, the tool for each, the name its input needs and what it writes. */
    enum Format {
        HEIF("heif-convert", "libheif-examples", "in.heic", "out.jpg"),
        JPEG2000("opj_decompress", "libopenjp2-tools", "in.jp2", "out.png");

        private final String tool;
        private final String debianPackage;
        private final String inputName;
        private final String outputName;

        Format(String tool, String debianPackage, String inputName, String outputName) {
            this.tool = tool;
            this.debianPackage = debianPackage;
            this.inputName = inputName;
            this.outputName = outputName;
        }

        String tool() {
            return tool;
        }

        String debianPackage() {
            return debianPackage;
        }

        private List<String> arguments(Path tool, String input, String output) {
            return switch (this) {
                case HEIF -> List.of(tool.toString(), "--quiet", "-q", "92", input, output);
                case JPEG2000 -> List.of(tool.toString(), "-quiet", "-i", input, "-o", output);
            };
        }
    }

    /** Where Debian installs the decoders; nothing else on the service's PATH is asked. */
    private static final List<String> SEARCH_PATH = List.of("/usr/bin", "/bin");
    private static final byte[] JPEG2000_CODESTREAM = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};

    private final Duration timeout;
    private final long memoryBytes;
    private final DecoderIsolation isolationProbe;
    private volatile DecoderIsolation.Outcome isolation;

    RunImageDecoder(Duration timeout, long memoryBytes) {
        this(timeout, memoryBytes, DecoderIsolation.ofSystem());
    }

    RunImageDecoder(Duration timeout, long memoryBytes, DecoderIsolation isolationProbe) {
        this.timeout = timeout;
        this.memoryBytes = memoryBytes;
        this.isolationProbe = isolationProbe;
    }

    /** Whether the tool for {@code format} is installed. */
    static boolean isInstalled(Format format) {
        return executable(format.tool) != null;
    }

    /** The decoded pixels, as the bytes of a JPEG (HEIF) or PNG (JPEG 2000) file with whatever the tool wrote. */
    byte[] decode(Path image, Format format, Path workDir) throws IOException, InterruptedException {
        Path tool = executable(format.tool);
        if (tool == null) {
            throw new IOException(format.tool + " is not installed");
        }
        Path folder = Files.createTempDirectory(workDir, "decode-");
        try {
            byte[] bytes = Files.readAllBytes(image);
            boolean codestream = format == Format.JPEG2000 && startsWith(bytes, JPEG2000_CODESTREAM);
            // The tool knows its input by its name's extension; a name of ours keeps the original's out of its view.
            Path input = folder.resolve(codestream ? "in.j2k" : format.inputName);
            Files.write(input, bytes);
            Path output = folder.resolve(format.outputName);
            List<String> command = new ArrayList<>(isolation());
            command.addAll(List.of("/usr/bin/prlimit", "--as=" + memoryBytes, "--cpu=" + timeout.toSeconds(),
                    "--core=0", "--"));
            command.addAll(format.arguments(tool, input.getFileName().toString(), format.outputName));
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.put("PATH", String.join(":", SEARCH_PATH));
            environment.put("HOME", folder.toString());
            environment.put("TMPDIR", folder.toString());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(format.tool + " passed " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
                throw new IOException(format.tool + " could not decode the image (exit " + process.exitValue() + ")");
            }
            return Files.readAllBytes(output);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(MemberCopies::deleteQuietly);
            }
        }
    }

    /** How to start a process without network, found on first use and kept. */
    private List<String> isolation() throws IOException {
        DecoderIsolation.Outcome known = isolation;
        if (known == null) {
            known = isolationProbe.probe();
            isolation = known;
        }
        if (!known.available()) {
            throw new IOException(known.refusal());
        }
        return known.command();
    }

    private static Path executable(String name) {
        for (String folder : SEARCH_PATH) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
