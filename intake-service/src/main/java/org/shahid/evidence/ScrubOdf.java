package org.shahid.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * Scrubs an OpenDocument package (odt, ods, odp, odg) by rebuilding it ({@link RewritePackage}): every
 * {@code meta.xml} (the document's and its embedded objects') and {@code settings.xml} (printer names, view
 * settings) replaced by empty ones, annotation and tracked-change creators and author fields pseudonymised,
 * {@code Pictures/} scrubbed in place, embedded documents scrubbed recursively. Thread-safe.
 */
final class ScrubOdf implements MetadataScrubber {

    private final ScrubMetadata scrubbers;

    ScrubOdf(ScrubMetadata scrubbers) {
        this.scrubbers = scrubbers;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        return new RewritePackage(RewritePackage.Flavour.ODF, scrubbers).scrub(input, output);
    }
}
