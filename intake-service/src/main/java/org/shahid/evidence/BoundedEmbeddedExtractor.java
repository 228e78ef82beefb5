package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
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
        try {
            super.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    boolean limitReached() {
        return limitReached;
    }
}
