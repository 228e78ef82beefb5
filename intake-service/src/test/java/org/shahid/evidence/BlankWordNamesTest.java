package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.RevisionMarkAuthorTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Word 97–2003 file: its copy keeps the text and tracked changes, with every author's name blanked. */
class BlankWordNamesTest {

    @TempDir
    Path dir;

    @Test
    void theCopyOfALegacyWordFileHasBlankRevisionAndCommentAuthorsAndTheSameText() throws Exception {
        Path original = EvidenceFixtures.write(dir, "revision-authors.doc", EvidenceFixtures.wordWithRevisionAuthors());
        try (HWPFDocument before = open(original)) {
            assertThat(authors(before.getRevisionMarkAuthorTable())).contains("BSanders", "Ryan Lauck");
        }
        Path copy = dir.resolve("copy.doc");

        List<String> removed = new ScrubOle().scrub(original, copy);

        assertThat(removed).contains("Word:revision-authors", "Word:comment-authors", "OLE:SummaryInformation");
        try (HWPFDocument before = open(original); HWPFDocument after = open(copy)) {
            assertThat(authors(after.getRevisionMarkAuthorTable())).allMatch(String::isBlank)
                    .hasSameSizeAs(authors(before.getRevisionMarkAuthorTable()));
            assertThat(after.getRange().text()).isEqualTo(before.getRange().text());
            assertThat(after.getSummaryInformation()).isNull();
        }
        String bytes = new String(Files.readAllBytes(copy), java.nio.charset.StandardCharsets.UTF_16LE)
                + new String(Files.readAllBytes(copy), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("BSanders", "Ryan Lauck");
    }

    private static HWPFDocument open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new HWPFDocument(in);
        }
    }

    private static List<String> authors(RevisionMarkAuthorTable table) {
        List<String> authors = new java.util.ArrayList<>();
        for (int i = 0; i < table.getSize(); i++) {
            authors.add(table.getAuthor(i));
        }
        return authors;
    }
}
