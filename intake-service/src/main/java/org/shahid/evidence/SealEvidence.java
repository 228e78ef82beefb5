package org.shahid.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shahid.parsing.ParsedAttachment;
import org.shahid.sealing.SealedBlobStore;

/**
 * Turns one attachment into evidence: hashes it, seals the original (which may carry its author's identity in
 * metadata) in the sealed store keyed by hash, detects its real type, and, unless it is an executable, has the
 * {@link IsolatedExtractor} child JVM write a scrubbed copy and extract its text; the copy goes to the
 * {@link ScrubbedCopyStore}. Each embedded document the child opens (archive members, a forwarded mail's
 * attachments; within the depth and count limits) is treated the same way: its original sealed under its own
 * hash, its scrubbed copy stored. The bytes pass through temp files under {@code <data-dir>/work}, deleted
 * afterwards. Called by {@code MailIntake} before the ticket transaction. Thread-safe.
 */
public final class SealEvidence {

    private final SealedBlobStore blobs;
    private final ClassifyType classifyType;
    private final IsolatedExtractor extractor;
    private final ScrubbedCopyStore copies;
    private final Path workDir;

    public SealEvidence(SealedBlobStore blobs, ClassifyType classifyType, IsolatedExtractor extractor,
                        ScrubbedCopyStore copies, Path workDir) {
        this.blobs = blobs;
        this.classifyType = classifyType;
        this.extractor = extractor;
        this.copies = copies;
        this.workDir = workDir;
        try {
            Files.createDirectories(workDir);
            removeStaleWorkFiles(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evidence work folder " + workDir, e);
        }
    }

    /** Receives and examines at once (tests and admin tools; intake examines later, see {@link #received}). */
    public EvidenceFile seal(ParsedAttachment attachment) {
        EvidenceFile received = received(attachment);
        return received.kept() ? examine(received, attachment.content()) : received;
    }

    /**
     * The part of sealing that intake waits for: the attachment's SHA-256 and its original sealed, content-addressed.
     * Type, scrubbing and text come later from {@link #examine(EvidenceFile)}, off the mailbox's path.
     */
    public EvidenceFile received(ParsedAttachment attachment) {
        if (!attachment.kept() || attachment.content() == null) {
            return EvidenceFile.notKept(attachment.fileName(), attachment.declaredType(), attachment.size(),
                    attachment.note());
        }
        byte[] content = attachment.content();
        String sha256 = sha256(content);
        String key = blobs.putContentAddressed(NAMESPACE, sha256, content);
        return new EvidenceFile(attachment.fileName(), attachment.declaredType(), null, content.length, sha256, key,
                true, attachment.note(), List.of(), null, null, List.of(), null, false, List.of());
    }

    /** Examines a received attachment, reading its original back from the sealed store. */
    public EvidenceFile examine(EvidenceFile received) {
        return examine(received, blobs.read(received.sealedKey()));
    }

    /**
     * Removes a scrubbed copy again: the examiner found the reporter's own name in it, and a document cannot be
     * redacted the way its extracted text is. Its sealed original stays.
     */
    public void withdrawCopy(String scrubbedSha256) {
        try {
            Files.deleteIfExists(copies.pathOf(scrubbedSha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove a scrubbed copy", e);
        }
    }

    /** The sealed store's key of a kept attachment's original. */
    public static String sealedKeyOf(String sha256) {
        return NAMESPACE + "/" + sha256;
    }

    private static final String NAMESPACE = "evidence";

    private EvidenceFile examine(EvidenceFile received, byte[] content) {
        String sha256 = received.sha256();
        String key = received.sealedKey();
        ParsedAttachment attachment = new ParsedAttachment(received.fileName(), received.declaredType(),
                ParsedAttachment.ATTACHMENT, content, content.length, true, received.note(), null);
        Path original = null;
        Path scrubbed = null;
        Path memberFolder = null;
        try {
            original = Files.createTempFile(workDir, "original-", ".bin");
            scrubbed = Files.createTempFile(workDir, "scrubbed-", ".bin");
            memberFolder = Files.createTempDirectory(workDir, "members-");
            Files.write(original, content);
            ClassifyType.Classification type = classifyType.classify(original, attachment.fileName(),
                    attachment.declaredType());
            Set<String> flags = new LinkedHashSet<>(type.flags());
            List<String> notes = new ArrayList<>();
            if (attachment.note() != null) {
                notes.add(attachment.note());
            }
            if (type.executable()) {
                notes.add("executable: not opened, no copy for monitors");
                return new EvidenceFile(attachment.fileName(), attachment.declaredType(), type.detectedType(),
                        content.length, sha256, key, true, String.join("; ", notes), List.copyOf(flags), null, null,
                        List.of(), null, false, List.of());
            }
            IsolatedExtractor.Outcome outcome = extractor.extract(original, scrubbed, memberFolder,
                    attachment.fileName(), type.detectedType());
            flags.addAll(outcome.flags());
            if (outcome.note() != null) {
                notes.add(outcome.note());
            }
            ScrubbedCopyStore.StoredCopy copy = outcome.scrubbed() && Files.size(scrubbed) > 0
                    ? copies.put(scrubbed) : null;
            return new EvidenceFile(attachment.fileName(), attachment.declaredType(), type.detectedType(),
                    content.length, sha256, key, true, notes.isEmpty() ? null : String.join("; ", notes),
                    List.copyOf(flags), copy == null ? null : copy.sha256(), copy == null ? null : copy.size(),
                    outcome.removedMetadata(), outcome.text().isEmpty() ? null : outcome.text(),
                    outcome.textTruncated(), sealMembers(outcome.members(), memberFolder));
        } catch (IOException e) {
            throw new UncheckedIOException("evidence work file failed", e);
        } finally {
            deleteQuietly(original);
            deleteQuietly(scrubbed);
            deleteFolderQuietly(memberFolder);
        }
    }

    /** Seals each kept member's original under the hash the service computes itself and stores its copy. */
    private List<EmbeddedMember> sealMembers(List<ExtractedMember> members, Path memberFolder) throws IOException {
        List<EmbeddedMember> sealed = new ArrayList<>();
        for (ExtractedMember member : members) {
            Path original = member.originalFile() == null ? null : memberFolder.resolve(member.originalFile());
            if (original == null || !Files.isRegularFile(original)) {
                sealed.add(new EmbeddedMember(member.sha256(), member.size(), member.type(), member.name(), null,
                        null, null, List.of(), member.flags()));
                continue;
            }
            byte[] content = Files.readAllBytes(original);
            String sha256 = sha256(content);
            String key = blobs.putContentAddressed("evidence", sha256, content);
            Path copyFile = member.copyFile() == null ? null : memberFolder.resolve(member.copyFile());
            ScrubbedCopyStore.StoredCopy copy = copyFile != null && Files.isRegularFile(copyFile)
                    && Files.size(copyFile) > 0 ? copies.put(copyFile) : null;
            sealed.add(new EmbeddedMember(sha256, content.length, member.type(), member.name(), key,
                    copy == null ? null : copy.sha256(), copy == null ? null : copy.size(), member.removedMetadata(),
                    member.flags()));
        }
        return sealed;
    }

    private static void deleteFolderQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(SealEvidence::deleteQuietly);
        } catch (IOException ignored) {
            // Leftovers are removed by removeStaleWorkFiles at the next start.
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // An unencrypted leftover: removeStaleWorkFiles takes it at the next start.
            }
        }
    }

    /** Work files are unencrypted originals; one older than an hour belongs to a crashed run. */
    private static void removeStaleWorkFiles(Path workDir) throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (var files = Files.list(workDir)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toMillis() < hourAgo) {
                    deleteFolderQuietly(file);
                }
            }
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
