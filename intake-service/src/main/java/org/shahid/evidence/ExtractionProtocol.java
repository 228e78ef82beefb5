package org.shahid.evidence;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The framing between {@link IsolatedExtractor} (the service) and {@link ExtractionWorker} (the child JVM): one
 * request, one answer, on the child's stdin and stdout. Strings that may be long travel as length-prefixed
 * UTF-8, so a megabyte of extracted text is one frame. Stateless.
 */
final class ExtractionProtocol {

    static final String READY = "shahid-extraction-worker-ready";

    private ExtractionProtocol() {
    }

    /**
     * What to do with one attachment: read {@code input}, write the scrubbed copy to {@code scrubbedOutput}, and
     * keep embedded documents (originals and copies) in {@code memberFolder} (empty: do not keep them).
     */
    record Request(String input, String scrubbedOutput, String memberFolder, String fileName, String detectedType,
                   int maxChars) {

        void write(DataOutputStream out) throws IOException {
            writeText(out, input);
            writeText(out, scrubbedOutput);
            writeText(out, memberFolder);
            writeText(out, fileName);
            writeText(out, detectedType);
            out.writeInt(maxChars);
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            return new Request(readText(in), readText(in), readText(in), readText(in), readText(in), in.readInt());
        }
    }

    /**
     * The worker's answer. {@code flags} are short names (encrypted, zip-bomb, ...), {@code removedMetadata} the
     * names (never values) of the fields taken out of the scrubbed copy, {@code note} a reason without content.
     */
    record Answer(List<String> flags, String note, List<String> removedMetadata, boolean scrubbed,
                  boolean textTruncated, String text, List<String> members) {

        void write(DataOutputStream out) throws IOException {
            writeText(out, String.join(",", flags));
            writeText(out, note == null ? "" : note);
            writeText(out, String.join(",", removedMetadata));
            out.writeBoolean(scrubbed);
            out.writeBoolean(textTruncated);
            writeText(out, text == null ? "" : text);
            writeText(out, String.join("\n", members));
            out.flush();
        }

        static Answer read(DataInputStream in) throws IOException {
            List<String> flags = split(readText(in));
            String note = readText(in);
            List<String> removed = split(readText(in));
            boolean scrubbed = in.readBoolean();
            boolean truncated = in.readBoolean();
            String text = readText(in);
            String members = readText(in);
            return new Answer(flags, note.isEmpty() ? null : note, removed, scrubbed, truncated, text,
                    members.isEmpty() ? List.of() : Arrays.asList(members.split("\n")));
        }
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        // 4 chars of UTF-8 per char of the 1 M char text limit, plus slack: anything bigger is a broken stream.
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("bad frame length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
