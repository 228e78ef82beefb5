package org.shahid.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decoded bytes of one part read under a byte limit: at most {@code limit} bytes are buffered, the rest is
 * only counted, and a decoding failure ends the read instead of propagating. Immutable, thread-safe.
 *
 * @param head the first bytes, at most the limit; all of them when {@code complete}
 * @param size how many decoded bytes the part had (up to a failure)
 * @param complete whether {@code head} holds the whole content
 * @param failure a short safe reason when decoding failed, else null
 */
record BoundedContent(byte[] head, long size, boolean complete, String failure) {

    private static final int CHUNK = 8192;

    static BoundedContent read(InputStream decoded, long limit) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream((int) Math.min(limit, CHUNK));
        byte[] chunk = new byte[CHUNK];
        long size = 0;
        try (InputStream in = decoded) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                long room = limit - kept.size();
                if (room > 0) {
                    kept.write(chunk, 0, (int) Math.min(room, n));
                }
                size += n;
            }
        } catch (IOException | RuntimeException e) {
            return new BoundedContent(kept.toByteArray(), size, false, failureReason(e));
        }
        return new BoundedContent(kept.toByteArray(), size, size <= limit, null);
    }

    /** Counts the decoded size without keeping any of it. */
    static BoundedContent count(InputStream decoded) {
        BoundedContent counted = read(decoded, 0);
        return new BoundedContent(null, counted.size(), false, counted.failure());
    }

    private static String failureReason(Exception e) {
        // Exception messages may quote the mail (an encoding name, a line); the class name cannot.
        return "undecodable content: " + e.getClass().getSimpleName();
    }
}
