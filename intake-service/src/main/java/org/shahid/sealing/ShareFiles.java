package org.shahid.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a ceremony's printable shares as {@code share-1..share-n} into a folder the admin names (removable media),
 * each created readable by its owner only and never overwriting an existing file. Only the ceremony writes shares;
 * the running service never does. Thread-safe (no state).
 */
public final class ShareFiles {

    private ShareFiles() {
    }

    /** Refuses before the ceremony when a share file would be overwritten. */
    public static void prepareFolder(Path folder, int count) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        for (int index = 1; index <= count; index++) {
            if (Files.exists(fileOf(folder, index))) {
                throw new IllegalArgumentException(fileOf(folder, index) + " exists; shares are never overwritten");
            }
        }
    }

    public static List<Path> write(Path folder, List<String> printableShares) {
        List<Path> files = new ArrayList<>();
        for (int index = 1; index <= printableShares.size(); index++) {
            Path file = fileOf(folder, index);
            try {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                            "rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                }
                Files.writeString(file, printableShares.get(index - 1), StandardCharsets.US_ASCII,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            files.add(file);
        }
        return files;
    }

    public static Path fileOf(Path folder, int index) {
        return folder.resolve("share-" + index);
    }
}
