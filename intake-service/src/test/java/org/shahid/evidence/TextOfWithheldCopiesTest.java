package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text read from an original (its copy withheld, or the file a wrapper of others) reaches monitors in
 * {@code extracted_text}: it must not carry what the copy would have left out.
 */
class TextOfWithheldCopiesTest {

    private static final String MARKER_PERSON = "Marker Person";
    private static final String VISIBLE = "Ballot papers were found already marked";
    private static final String COMMENT = "Seen at the second table";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final ClassifyType CLASSIFY = new ClassifyType();
    private static final ExtractText EXTRACT_TEXT = new ExtractText(new ExtractText.Limits(100, 5, 200, false,
            "ara+eng", 30));
    private static ExiftoolSession listings;
    private static ScrubMetadata scrubbers;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsExiftool() throws IOException {
        assumeTrue(ExiftoolAvailability.isAvailable(), "exiftool is not installed");
        listings = new ExiftoolSession("exiftool", TOOL_TIMEOUT, Files.createTempDirectory("withheld-text-"));
        scrubbers = new ScrubMetadata();
    }

    @AfterAll
    static void stopExiftool() {
        if (listings != null) {
            listings.close();
        }
    }

    @Test
    void aDocxWhoseCopyIsWithheldNeverPutsItsCommentAuthorInTheText() throws Exception {
        Path original = EvidenceFixtures.write(dir, "statement.docx", commentedDocx());
        assertThat(EXTRACT_TEXT.extract(original, "statement.docx", DOCX, 100_000, null).text())
                .as("the fixture: the worker's own extraction of the original shows the reviewer").contains(MARKER_PERSON);
        ScrubCopy withheld = new ScrubCopy(scrubbers.replacing(DOCX, ScrubMetadata.PASS_THROUGH),
                Optional.of(new CheckScrubbedCopy(listings)));

        ExtractionProtocol.Answer answer = handle(original, DOCX, withheld, Optional.of(listings));

        assertThat(answer.scrubbed()).isFalse();
        assertThat(answer.flags()).contains("scrub-incomplete").doesNotContain("text-withheld");
        assertThat(answer.text()).contains(VISIBLE, COMMENT).doesNotContainIgnoringCase(MARKER_PERSON);
    }

    @Test
    void aDocxWhoseCopyIsKeptGivesTheTextOfTheCopy() throws Exception {
        Path original = EvidenceFixtures.write(dir, "statement.docx", commentedDocx());

        ExtractionProtocol.Answer answer = handle(original, DOCX, checkedScrubCopy(), Optional.of(listings));

        assertThat(answer.scrubbed()).isTrue();
        assertThat(answer.text()).contains(VISIBLE, COMMENT).doesNotContain(MARKER_PERSON)
                .doesNotContain(RedactOriginalText.PLACEHOLDER);
    }

    @Test
    void withoutAListingOfTheOriginalItsTextIsWithheld() throws Exception {
        Path original = EvidenceFixtures.write(dir, "statement.docx", commentedDocx());
        ScrubCopy withheld = new ScrubCopy(scrubbers.replacing(DOCX, ScrubMetadata.PASS_THROUGH),
                Optional.of(new CheckScrubbedCopy(listings)));

        ExtractionProtocol.Answer answer = handle(original, DOCX, withheld, Optional.empty());

        assertThat(answer.flags()).contains("text-withheld");
        assertThat(answer.text()).isEmpty();
    }

    @Test
    void aMailSentOnAsAFileLosesEveryoneItsHeaderNamesFromTheText() throws Exception {
        Path original = EvidenceFixtures.write(dir, "offer.eml", ContainerCorpus.mail());
        assertThat(ScrubCorpusTest.tikaText(original)).as("the fixture").contains(ImageCorpus.OWNER);

        ExtractionProtocol.Answer answer = handle(original, "message/rfc822", checkedScrubCopy(),
                Optional.of(listings));

        assertThat(answer.text()).contains(ContainerCorpus.MAIL_TEXT).doesNotContain(ImageCorpus.OWNER,
                ImageCorpus.EMAIL, "Nadia");
    }

    private static ScrubCopy checkedScrubCopy() {
        return new ScrubCopy(scrubbers, Optional.of(new CheckScrubbedCopy(listings)));
    }

    private ExtractionProtocol.Answer handle(Path original, String type, ScrubCopy scrubCopy,
                                             Optional<ExiftoolSession> listing) {
        return ExtractionWorker.handle(new ExtractionProtocol.Request(original.toString(),
                        dir.resolve("copy.bin").toString(), "", original.getFileName().toString(), type, 100_000),
                EXTRACT_TEXT, scrubCopy, CLASSIFY, new RedactOriginalText(listing));
    }

    /**
     * A statement as Word saves it after a reviewer commented on it and pasted in a workbook she had annotated: the
     * reviewer is the comment's author, and Excel wrote her name before her note's text, which Tika reads.
     */
    private static byte[] commentedDocx() throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", ContainerCorpus.utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                <Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
                </Types>"""));
        parts.put("_rels/.rels", ContainerCorpus.utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
                </Relationships>"""));
        parts.put("word/document.xml", ContainerCorpus.utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:body><w:p><w:commentRangeStart w:id="1"/><w:r><w:t>%s</w:t></w:r><w:commentRangeEnd w:id="1"/>
                <w:r><w:commentReference w:id="1"/></w:r></w:p></w:body></w:document>""".formatted(VISIBLE)));
        parts.put("word/_rels/document.xml.rels", ContainerCorpus.utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/>
                </Relationships>"""));
        parts.put("word/embeddings/Microsoft_Excel_Worksheet.xlsx", annotatedBy(ContainerCorpus.xlsx(), MARKER_PERSON));
        parts.put("word/comments.xml", ContainerCorpus.utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:comment w:id="1" w:author="%s" w:date="2024-05-01T10:02:00Z" w:initials="MP"><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:comment>
                </w:comments>""".formatted(MARKER_PERSON, COMMENT)));
        parts.put("docProps/core.xml", ContainerCorpus.utf8("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:creator>%s</dc:creator></cp:coreProperties>""".formatted(MARKER_PERSON)));
        return ContainerCorpus.zip(parts);
    }

    /** The corpus workbook with its author, note and thread authors all the given person. */
    private static byte[] annotatedBy(byte[] xlsx, String person) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        ContainerCorpus.unzip(xlsx).forEach((name, content) -> parts.put(name, !name.endsWith(".xml") ? content
                : ContainerCorpus.utf8(new String(content, StandardCharsets.UTF_8).replace(ImageCorpus.OWNER, person))));
        return ContainerCorpus.zip(parts);
    }
}
