package org.shahid.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika's embedded-document extractor with a ceiling on nesting depth and on the number of embedded documents
 * (archive members, attachments of attached mails, images in documents), so a 20-level nested zip or a zip
 * with a million members stops early. With {@link MemberCopies} each member opened is also kept as evidence
 * of its own (spooled, scrubbed) and its text read from the scrubbed copy. One instance per parse; not
 * thread-safe.
 */
final class BoundedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

    /** Bytes of a member hashed at most; a bigger member (or a lying bomb member) is listed without a hash. */
    static final long MAX_HASHED_BYTES = MemberCopies.MAX_MEMBER_BYTES;

    private final List<ExtractedMember> members = new ArrayList<>();
    private final int maxDepth;
    private final int maxCount;
    private final MemberCopies copies;
    private int depth;
    private int count;
    private boolean limitReached;

    /** {@code copies} null: members are listed and read for text, not kept as evidence of their own. */
    BoundedEmbeddedExtractor(ParseContext context, int maxDepth, int maxCount, MemberCopies copies) {
        super(context);
        this.maxDepth = maxDepth;
        this.maxCount = maxCount;
        this.copies = copies;
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
        try {
            if (copies == null) {
                members.add(parseStreaming(stream, handler, metadata, outputHtml, List.of()));
                return;
            }
            int index = count;
            String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
            MemberCopies.Spooled spooled = copies.spool(stream, index);
            if (!copies.reserve(spooled)) {
                // Too big or over the disk budget: read for text as before, from the spool and the rest.
                try (InputStream whole = new SequenceInputStream(Files.newInputStream(spooled.file()), stream)) {
                    members.add(parseStreaming(whole, handler, metadata, outputHtml, List.of("not-kept")));
                } finally {
                    MemberCopies.deleteQuietly(spooled.file());
                }
                return;
            }
            MemberCopies.Kept kept = copies.keep(spooled, index, name, metadata.get(Metadata.CONTENT_TYPE));
            // Listed before its text is read: a member whose parse fails is still sealed and shown.
            members.add(kept.member());
            if (kept.textSource().isPresent()) {
                try (TikaInputStream in = TikaInputStream.get(kept.textSource().get())) {
                    super.parseEmbedded(in, handler, metadata, outputHtml);
                }
            }
        } finally {
            depth--;
        }
    }

    private ExtractedMember parseStreaming(InputStream stream, ContentHandler handler, Metadata metadata,
                                           boolean outputHtml, List<String> flags) throws SAXException, IOException {
        MessageDigest digest = sha256();
        CountingStream counted = new CountingStream(new DigestInputStream(stream, digest));
        super.parseEmbedded(counted, handler, metadata, outputHtml);
        // The parser may stop early; hash the rest, but never read more than the limit.
        byte[] buffer = new byte[64 * 1024];
        while (counted.count <= MAX_HASHED_BYTES && counted.read(buffer) >= 0) {
            // draining
        }
        String hash = counted.count <= MAX_HASHED_BYTES ? HexFormat.of().formatHex(digest.digest()) : null;
        String type = metadata.get(Metadata.CONTENT_TYPE);
        // "text/plain; charset=..." -> "text/plain"
        String baseType = type == null ? null : type.split(";", 2)[0].strip();
        return new ExtractedMember(hash, counted.count, baseType,
                metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY), null, null, List.of(), flags);
    }

    /** One line per embedded document opened (see {@link ExtractedMember#line()}). */
    List<String> members() {
        return members.stream().map(ExtractedMember::line).toList();
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
