package org.shahid.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Scrubs a flat OpenDocument file (fodt, fods, fodp: the whole document as one XML file): {@code office:meta} and
 * {@code office:settings} are emptied, people are pseudonymised as in a packaged one ({@link PseudonymiseXml}), and
 * each image embedded as {@code office:binary-data} is decoded, scrubbed by its image scrubber and encoded again (one
 * that cannot be scrubbed is emptied). Thread-safe (a new rewrite per file).
 */
final class ScrubFlatOdf implements MetadataScrubber {

    private static final long MAX_BYTES = RewritePackage.MAX_PART_BYTES;

    private final ScrubMetadata scrubbers;

    ScrubFlatOdf(ScrubMetadata scrubbers) {
        this.scrubbers = scrubbers;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        if (Files.size(input) > MAX_BYTES) {
            throw new java.io.IOException("flat document too big");
        }
        byte[] xml = Files.readAllBytes(input);
        List<String> removed = new ArrayList<>(List.of("Meta", "Settings"));
        PseudonymiseXml people = new PseudonymiseXml();
        people.learn(xml, false);
        Path workDir = output.toAbsolutePath().getParent();
        byte[] copy = people.rewrite(xml, false, Set.of("meta", "settings"), (element, text) -> {
            if (!element.equals("binary-data")) {
                return text;
            }
            return scrubbedImage(text, workDir, removed);
        });
        if (people.people() > 0) {
            removed.add("People:pseudonymised");
        }
        Files.write(output, copy);
        return removed;
    }

    private String scrubbedImage(String base64, Path workDir, List<String> removed) {
        try {
            byte[] image = Base64.getMimeDecoder().decode(base64);
            String type = imageType(image);
            var scrubber = type == null ? java.util.Optional.<MetadataScrubber>empty() : scrubbers.forType(type);
            if (scrubber.isEmpty()) {
                removed.add("Embedded:removed-unscrubbable");
                return "";
            }
            Path in = Files.createTempFile(workDir, "flat-", ".bin");
            Path out = Files.createTempFile(workDir, "flat-copy-", ".bin");
            try {
                Files.write(in, image);
                scrubber.get().scrub(in, out).forEach(field -> removed.add("Embedded:" + field));
                return Base64.getMimeEncoder().encodeToString(Files.readAllBytes(out));
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        } catch (Exception unscrubbable) {
            removed.add("Embedded:removed-unscrubbable");
            return "";
        }
    }

    private static String imageType(byte[] image) {
        if (image.length > 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (image.length > 8 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return "image/png";
        }
        if (image.length > 4 && image[0] == 'G' && image[1] == 'I' && image[2] == 'F') {
            return "image/gif";
        }
        return null;
    }
}
