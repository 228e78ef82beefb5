package org.shahid.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika's embedded-document extractor with a ceiling on nesting depth and on the number of embedded documents
 * (archive members, attachments of attached mails, images in documents), so a 20-level nested zip or a zip
 * with a million members stops early. One instance per parse; not thread-safe.
 */
final class BoundedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

    /** Bytes of a member hashed at most; a bigger member (or a lying bomb member) is listed without a hash. */
    static final long MAX_HASHED_BYTES = 26_214_400L;

    private final List<String> members = new ArrayList<>();
    private final int maxDepth;
    private final int maxCount;
    private int depth;
    private int count;
    private boolean limitReached;

    BoundedEmbeddedExtractor(ParseContext context, int maxDepth, int maxCount) {
        super(context);
        this.maxDepth = maxDepth;
        this.maxCount = maxCount;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (depth >= maxDepth || count >= maxCount) {
            limitReached = true;
            return false;
        }
        return super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        count++;
        depth++;
        MessageDigest digest = sha256();
        CountingStream counted = new CountingStream(new DigestInputStream(stream, digest));
        try {
            super.parseEmbedded(counted, handler, metadata, outputHtml);
            // The parser may stop early; hash the rest, but never read more than the limit.
            byte[] buffer = new byte[64 * 1024];
            while (counted.count <= MAX_HASHED_BYTES && counted.read(buffer) >= 0) {
                // draining
            }
        } finally {
            depth--;
        }
        String hash = counted.count <= MAX_HASHED_BYTES ? HexFormat.of().formatHex(digest.digest()) : "";
        members.add(String.join("|", hash, String.valueOf(counted.count), clean(metadata.get(Metadata.CONTENT_TYPE)),
                clean(metadata.get(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY))));
    }

    /** One line per embedded document opened: {@code sha256|size|type|name} (sha256 empty when too big). */
    List<String> members() {
        return members;
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.replaceAll("[\\p{Cntrl}|,]", "_");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Counts bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read >= 0) {
                count++;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must still be hashed: read them instead.
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    boolean limitReached() {
        return limitReached;
    }
}
