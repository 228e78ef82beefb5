package org.shahid.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a copy of one file without the metadata that could identify its author, and names (never quotes) the
 * fields it removed. Implementations run inside {@link ExtractionWorker}, the child JVM, because they open
 * hostile files with full parsers. Stateless and thread-safe.
 */
interface MetadataScrubber {

    /** Thrown when the file is encrypted, so no clean copy can be made without its password. */
    final class EncryptedFileException extends Exception {
        EncryptedFileException() {
            super("encrypted");
        }
    }

    List<String> scrub(Path input, Path output) throws Exception;
}
