package org.shahid.evidence;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the {@link MetadataScrubber} for a detected type: allowlist rewriters for JPEG, PNG, GIF, WebP, HEIC and
 * JPEG 2000 (with a re-encode from decoded pixels where those cannot follow a file), PDFBox for PDF, package
 * rewriters for OOXML, ODF and flat ODF, POIFS for legacy Office (OLE) files, a rebuild from scrubbed members for
 * archives (zip, tar, gzip, 7z) and attached mails. Plain text carries no document metadata and is passed through;
 * a type without a scrubber gets no copy for monitors at all (they see its extracted text). Containers ask it
 * again for their members. Runs in the child JVM. Thread-safe.
 */
final class ScrubMetadata {

    static final MetadataScrubber PASS_THROUGH = (input, output) -> {
        Files.copy(input, output, StandardCopyOption.REPLACE_EXISTING);
        return List.of();
    };

    /** An OLE compound file of no more specific type, as Tika names it; office packages embed them too. */
    static final String OLE_TYPE = "application/x-tika-msoffice";
    private static final Set<String> OLE_TYPES = Set.of(OLE_TYPE, "application/msword", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint");
    private static final Set<String> HEIF_TYPES = Set.of("image/heic", "image/heif");

    private static final Set<String> TAR_TYPES = Set.of("application/x-tar", "application/x-gtar");
    private static final Set<String> GZIP_TYPES = Set.of("application/gzip", "application/x-gzip");

    private static final Set<String> MACRO_OOXML_TYPES = Set.of("application/vnd.ms-word.document.macroenabled.12",
            "application/vnd.ms-excel.sheet.macroenabled.12",
            "application/vnd.ms-powerpoint.presentation.macroenabled.12");

    /** Used when the worker gives no settings (tests): the defaults of {@code shahid.evidence.decoder-*}. */
    private static final java.time.Duration DEFAULT_DECODER_TIMEOUT = java.time.Duration.ofSeconds(60);
    private static final long DEFAULT_DECODER_MEMORY = 1L << 30;

    private final java.util.Map<String, MetadataScrubber> replaced;
    private final RunImageDecoder decoder;
    private ClassifyType classifyType;

    /** Archives type their members by their bytes; Tika's detector is built on first use. */
    private synchronized ClassifyType classifyType() {
        if (classifyType == null) {
            classifyType = new ClassifyType();
        }
        return classifyType;
    }

    private ScrubArchiveMember.Members archiveMembers() {
        return new ScrubArchiveMember.Members(this, classifyType());
    }

    ScrubMetadata() {
        this(new RunImageDecoder(DEFAULT_DECODER_TIMEOUT, DEFAULT_DECODER_MEMORY));
    }

    /** {@code decoder} re-encodes the HEIC and JPEG 2000 images their allowlists cannot follow. */
    ScrubMetadata(RunImageDecoder decoder) {
        this(java.util.Map.of(), decoder);
    }

    private ScrubMetadata(java.util.Map<String, MetadataScrubber> replaced, RunImageDecoder decoder) {
        this.replaced = replaced;
        this.decoder = decoder;
    }

    /** The same choice with one type's scrubber replaced (tests disable a scrubber to see the check catch it). */
    ScrubMetadata replacing(String detectedType, MetadataScrubber scrubber) {
        java.util.Map<String, MetadataScrubber> changed = new java.util.HashMap<>(replaced);
        changed.put(detectedType, scrubber);
        return new ScrubMetadata(java.util.Map.copyOf(changed), decoder);
    }

    Optional<MetadataScrubber> forType(String detectedType) {
        String type = detectedType == null ? "" : detectedType;
        if (replaced.containsKey(type)) {
            return Optional.of(replaced.get(type));
        }
        if (type.equals("image/jpeg")) {
            return Optional.of(new ScrubJpeg());
        }
        if (type.equals("image/png")) {
            return Optional.of(new ScrubPng());
        }
        if (type.equals("image/gif")) {
            return Optional.of(new ScrubGif());
        }
        if (type.equals("image/webp")) {
            return Optional.of(new ScrubWebp());
        }
        if (OLE_TYPES.contains(type)) {
            return Optional.of(new ScrubOle());
        }
        if (type.equals("image/jp2")) {
            return Optional.of(new ScrubJpeg2000(decoder));
        }
        if (HEIF_TYPES.contains(type)) {
            return Optional.of(new ScrubHeic(decoder));
        }
        if (type.equals("application/pdf")) {
            return Optional.of(new ScrubPdf());
        }
        if (type.startsWith("application/vnd.openxmlformats-officedocument.")
                || MACRO_OOXML_TYPES.contains(type)) {
            return Optional.of(new ScrubOoxml(this));
        }
        if (type.startsWith("application/vnd.oasis.opendocument.flat.")) {
            return Optional.of(new ScrubFlatOdf(this));
        }
        if (type.startsWith("application/vnd.oasis.opendocument.")) {
            return Optional.of(new ScrubOdf(this));
        }
        if (type.equals("application/zip")) {
            return Optional.of(new ScrubArchive(archiveMembers()));
        }
        if (TAR_TYPES.contains(type)) {
            return Optional.of(new ScrubTar(archiveMembers()));
        }
        if (GZIP_TYPES.contains(type)) {
            return Optional.of(new ScrubGzip(archiveMembers()));
        }
        if (type.equals("application/x-7z-compressed")) {
            return Optional.of(new ScrubSevenZip(archiveMembers()));
        }
        if (type.equals("message/rfc822")) {
            return Optional.of(new ScrubAttachedMail(this, classifyType()));
        }
        if (type.equals("text/plain") || type.equals("text/csv")) {
            return Optional.of(PASS_THROUGH);
        }
        return Optional.empty();
    }
}
