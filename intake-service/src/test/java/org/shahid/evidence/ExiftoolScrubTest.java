package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebP and HEIC copies scrubbed by their allowlist rewriters in the child JVM and listed by ExifTool: GPS, serial,
 * owner and software gone, the coded image unchanged. Needs exiftool (Debian libimage-exiftool-perl); skipped with
 * a message without it.
 */
class ExiftoolScrubTest {

    private static final ClassifyType CLASSIFY = new ClassifyType();
    private static IsolatedExtractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void startWorker() {
        extractor = new IsolatedExtractor(new IsolatedExtractor.Options("256m", Duration.ofSeconds(60), 1_000_000,
                100, 5, 200, false, "ara+eng"));
    }

    @AfterAll
    static void stopWorker() {
        extractor.close();
    }

    @BeforeEach
    void needsExiftool() {
        assumeTrue(ExiftoolAvailability.isAvailable(),
                "exiftool is not installed (apt-get install libimage-exiftool-perl): WebP/HEIC scrub test skipped");
    }

    @Test
    void webpLosesGpsSerialAndOwnerButKeepsItsImageData() throws Exception {
        Path original = EvidenceFixtures.write(dir, "photo.webp", EvidenceFixtures.webpWithGps());
        Path copy = dir.resolve("copy.bin");
        String type = CLASSIFY.classify(original, "photo.webp", "image/webp").detectedType();

        IsolatedExtractor.Outcome outcome = extractor.extract(original, copy, "photo.webp", type);

        assertThat(type).isEqualTo("image/webp");
        assertScrubbed(outcome, original, copy);
        assertThat(riffChunk(copy, "VP8L")).isNotEmpty().isEqualTo(riffChunk(original, "VP8L"));
    }

    @Test
    void heicLosesGpsSerialAndOwnerButKeepsItsImageData() throws Exception {
        Path original = EvidenceFixtures.write(dir, "photo.heic", EvidenceFixtures.heicWithGps());
        Path copy = dir.resolve("copy.bin");
        String type = CLASSIFY.classify(original, "photo.heic", "image/heic").detectedType();

        IsolatedExtractor.Outcome outcome = extractor.extract(original, copy, "photo.heic", type);

        assertThat(type).isEqualTo("image/heic");
        assertScrubbed(outcome, original, copy);
        // The copy's media data is the coded HEVC image alone, byte for byte as in the original.
        byte[] coded = boxPayload(Files.readAllBytes(copy), "mdat");
        assertThat(coded).isNotEmpty();
        assertThat(indexOf(Files.readAllBytes(original), coded)).isNotNegative();
    }

    private static void assertScrubbed(IsolatedExtractor.Outcome outcome, Path original, Path copy) throws Exception {
        assertThat(outcome.scrubbed()).isTrue();
        assertThat(outcome.flags()).doesNotContain("not-scrubbed", "scrub-failed");
        assertThat(outcome.removedMetadata()).contains("EXIF:GPSLatitude", "EXIF:SerialNumber", "EXIF:OwnerName",
                "EXIF:Software", "EXIF:Artist", "XMP:Creator");
        assertThat(outcome.removedMetadata().toString()).doesNotContain(EvidenceFixtures.AUTHOR)
                .doesNotContain("SN-998877");
        assertThat(exiftoolView(original)).contains("GPS Latitude").contains("SN-998877")
                .contains(EvidenceFixtures.AUTHOR).contains("LaylaPhone");
        assertThat(exiftoolView(copy)).doesNotContain("GPS").doesNotContain("SN-998877")
                .doesNotContain(EvidenceFixtures.AUTHOR).doesNotContain("LaylaPhone").doesNotContain("PhoneMaker");
        String tikaCopy = tikaView(copy);
        assertThat(tikaCopy).doesNotContain("SN-998877").doesNotContain(EvidenceFixtures.AUTHOR);
        assertThat(imageSize(copy)).isEqualTo(imageSize(original)).isEqualTo("64x48");
    }

    /** Width x height of the displayed image (for HEIC the grid, not one tile), as ExifTool reads them. */
    private static String imageSize(Path file) throws Exception {
        return exiftool("-s3", "-ImageSize", file.toString()).strip();
    }

    private static String exiftoolView(Path file) throws Exception {
        return exiftool("-a", "-G1", file.toString());
    }

    private static String exiftool(String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("exiftool"));
        command.addAll(java.util.List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return printed;
    }

    private static String tikaView(Path file) throws Exception {
        Metadata metadata = new Metadata();
        BodyContentHandler text = new BodyContentHandler(-1);
        try (InputStream in = TikaInputStream.get(file, metadata)) {
            new AutoDetectParser().parse(in, text, metadata, new ParseContext());
        }
        StringBuilder view = new StringBuilder(text.toString());
        for (String name : metadata.names()) {
            view.append('\n').append(name).append('=').append(String.join("|", metadata.getValues(name)));
        }
        return view.toString();
    }

    /** The payload of the first RIFF chunk of {@code type} in a WebP (little-endian sizes, even padding). */
    private static byte[] riffChunk(Path webp, String type) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(webp)).order(ByteOrder.LITTLE_ENDIAN);
        int position = 12;
        while (position + 8 <= bytes.limit()) {
            String name = new String(bytes.array(), position, 4, StandardCharsets.US_ASCII);
            int size = bytes.getInt(position + 4);
            if (name.equals(type)) {
                return Arrays.copyOfRange(bytes.array(), position + 8, position + 8 + size);
            }
            position += 8 + size + (size & 1);
        }
        return new byte[0];
    }

    /** The payload of the first top-level ISO-BMFF box of {@code type} (big-endian 32-bit sizes). */
    private static byte[] boxPayload(byte[] file, String type) {
        ByteBuffer bytes = ByteBuffer.wrap(file);
        int position = 0;
        while (position + 8 <= file.length) {
            int size = bytes.getInt(position);
            String name = new String(file, position + 4, 4, StandardCharsets.US_ASCII);
            if (name.equals(type)) {
                return Arrays.copyOfRange(file, position + 8, position + size);
            }
            if (size < 8) {
                break;
            }
            position += size;
        }
        return new byte[0];
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            for (int offset = 0; offset < needle.length; offset++) {
                if (haystack[start + offset] != needle[offset]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
