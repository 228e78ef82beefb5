package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Detects an attachment's type from its bytes and compares it with what the sender declared and with its
 * file name's extension: mismatches become flags, and an executable is flagged (never parsed), as
 * {@code executable-disguised} when its name or declared type pretend otherwise. Detection reads only headers
 * and container directories, so it runs in the service. Thread-safe.
 */
public final class ClassifyType {

    /** The detected type and the flags it earned. */
    public record Classification(String detectedType, List<String> flags, boolean executable) {
    }

    private static final Set<String> EXECUTABLES = Set.of("application/x-dosexec", "application/x-msdownload",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-object",
            "application/x-coredump", "application/x-mach-o", "application/x-mach-o-executable",
            "application/x-mach-o-dylib", "application/x-mach-o-bundle", "application/x-mach-o-universal",
            "application/x-msdos-program", "application/x-ms-installer", "application/java-vm",
            "application/x-java-applet", "application/x-sh", "application/x-bat");

    private final TikaConfig tika = TikaConfig.getDefaultConfig();
    private final Detector detector = tika.getDetector();
    private final MediaTypeRegistry registry = tika.getMediaTypeRegistry();
    private final MimeTypes byName = tika.getMimeRepository();

    public Classification classify(Path file, String fileName, String declaredType) {
        String detected = detect(file, fileName);
        List<String> flags = new ArrayList<>();
        boolean executable = isExecutable(detected);
        String declared = base(declaredType);
        String named = typeOfName(fileName);
        if (executable) {
            boolean honest = isExecutable(named) || isExecutable(declared);
            flags.add(honest ? "executable" : "executable-disguised");
        }
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !related(declared, detected)) {
            flags.add("type-mismatch");
        }
        if (!named.equals("application/octet-stream") && !related(named, detected)) {
            flags.add("extension-mismatch");
        }
        return new Classification(detected, flags, executable);
    }

    private String detect(Path file, String fileName) {
        Metadata metadata = new Metadata();
        // The name only breaks ties between formats the bytes cannot tell apart (e.g. plain text flavours).
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (InputStream in = TikaInputStream.get(file, metadata)) {
            return detector.detect(in, metadata).getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private String typeOfName(String fileName) {
        if (fileName == null || !fileName.contains(".")) {
            return "application/octet-stream";
        }
        return byName.getMimeType(fileName.toLowerCase(Locale.ROOT)).getType().getBaseType().toString();
    }

    /** Same type, an alias, or one a specialisation of the other (docx is a kind of zip, csv of text). */
    private boolean related(String first, String second) {
        MediaType a = registry.normalize(MediaType.parse(first));
        MediaType b = registry.normalize(MediaType.parse(second));
        if (a == null || b == null) {
            return false;
        }
        return a.equals(b) || registry.isSpecializationOf(a, b) || registry.isSpecializationOf(b, a)
                || (a.getType().equals("text") && b.getType().equals("text"));
    }

    private static boolean isExecutable(String type) {
        return EXECUTABLES.contains(type);
    }

    private static String base(String type) {
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
