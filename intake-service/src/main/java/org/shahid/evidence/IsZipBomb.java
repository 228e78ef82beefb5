package org.shahid.evidence;

import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * True when a zip-based file (zip, docx, xlsx, odt, epub...) declares a member that inflates to more than
 * 20 MB at more than the allowed compression ratio, or more than 1 GB in all. Reads only the central
 * directory, so it costs nothing; Tika's SecureContentHandler, the text limit and the child's heap remain for
 * members that lie about their size. Runs in the child JVM. Stateless and thread-safe.
 */
final class IsZipBomb {

    private static final long BIG_MEMBER = 20L * 1024 * 1024;
    private static final long TOTAL_LIMIT = 1024L * 1024 * 1024;

    private IsZipBomb() {
    }

    static boolean test(Path file, long maxCompressionRatio) {
        if (!startsLikeZip(file)) {
            return false;
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            long total = 0;
            var entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                long size = entry.getSize();
                long compressed = Math.max(1, entry.getCompressedSize());
                if (size > BIG_MEMBER && size / compressed > maxCompressionRatio) {
                    return true;
                }
                total += Math.max(0, size);
                if (total > TOTAL_LIMIT) {
                    return true;
                }
            }
            return false;
        } catch (Exception notAZip) {
            return false;
        }
    }

    private static boolean startsLikeZip(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }
}
