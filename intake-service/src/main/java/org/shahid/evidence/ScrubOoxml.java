package org.shahid.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * Scrubs an OOXML file (docx, xlsx, pptx and their macro flavours) by rebuilding its package
 * ({@link RewritePackage}): core, extended and custom properties emptied, customXml stores emptied, people, persons,
 * comment authors, tracked-change authors, pivot refreshers and PowerPoint change-tracking users pseudonymised,
 * template and absolute paths and linked-file targets emptied, media scrubbed in place, embedded workbooks and
 * documents scrubbed recursively, OLE objects scrubbed by {@link ScrubOle} (embedded packages removed). Thread-safe
 * (a new rewrite per file).
 */
final class ScrubOoxml implements MetadataScrubber {

    private final ScrubMetadata scrubbers;

    ScrubOoxml(ScrubMetadata scrubbers) {
        this.scrubbers = scrubbers;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        return new RewritePackage(RewritePackage.Flavour.OOXML, scrubbers).scrub(input, output);
    }
}
