package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shahid.sealing.RedactionTerms;

/** The names members carry inside a rebuilt archive, and the record that maps them to the redacted originals. */
class MemberNamesTest {

    private final RedactionTerms ahmed = new RedactionTerms(List.of("ahmed.kareem@example.org"),
            List.of("Ahmed Kareem", "Ahmed", "Kareem"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "sdcard/DCIM/Ahmed_Kareem/photo from 07701234567.JPG, jpg",
        "C:\\Users\\layla\\statement.docx, docx",
        "archive.tar.gz, gz",
        "no-extension, ''",
        "folder.d/README, ''",
        "weird.extension6, ''",
        "photo.jp_g, ''",
        "x.7z, 7z",
        "NULL, ''"})
    void theExtensionIsTheLastElementsWhenItIsTwoToFiveLettersOrDigits(String name, String extension) {
        assertThat(MemberNames.extension(name)).isEqualTo(extension);
    }

    @Test
    void aMemberIsNamedByItsPositionAndItsCopysHashAndNothingElse() throws Exception {
        Path copy = Files.writeString(dir.resolve("copy.bin"), "abc", StandardCharsets.UTF_8);

        String name = MemberNames.of(4, copy, "sdcard/DCIM/Ahmed_Kareem/photo from 07701234567.jpg");

        // SHA-256("abc") = ba7816bf...
        assertThat(name).isEqualTo("4-ba7816bf.jpg");
    }

    @Test
    void theServiceRedactsTheRecordedOriginalNameWithTheReportersTerms() {
        String record = MemberNames.record("1-ba7816bf.jpg", "sdcard/DCIM/Ahmed_Kareem/photo from 07701234567.jpg");

        String redacted = MemberNames.redacted("Member:" + record, ahmed::replaceInFileName);

        assertThat(redacted).startsWith("Member:Renamed:1-ba7816bf.jpg=sdcard/DCIM/")
                .doesNotContain("Ahmed", "Kareem", "07701234567").contains(RedactionTerms.NAME);
        assertThat(MemberNames.redacted("Zip:comment", ahmed::replaceInFileName)).isEqualTo("Zip:comment");
    }

    @Test
    void theRecordedOriginalNameCannotBreakTheRecordsSeparators() {
        String record = MemberNames.record("2-00000000.txt", "a,b;c|d=e\nf" + "x".repeat(200));

        assertThat(record.substring("Renamed:2-00000000.txt=".length())).doesNotContain(",", ";", "|", "=", "\n")
                .hasSize(120);
    }

    @Test
    void aMembersOwnRenamingsAreRecordedUnderItsNameInTheCopyAndItsOtherFieldsUnderItsKind() {
        List<String> recorded = MemberNames.nested("Member:", "1-0a1b2c3d.zip", List.of("Zip:comment",
                "Renamed:1-11111111.txt=a.txt", "Renamed:2-22222222.zip/1-33333333.jpg=b/c.jpg"));

        assertThat(recorded).containsExactly("Member:Zip:comment", "Renamed:1-0a1b2c3d.zip/1-11111111.txt=a.txt",
                "Renamed:1-0a1b2c3d.zip/2-22222222.zip/1-33333333.jpg=b/c.jpg");
        assertThat(MemberNames.nested("Member:", null, List.of("Renamed:1-11111111.txt=a.txt")))
                .containsExactly("Renamed:1-11111111.txt=a.txt");
    }

    @Test
    void aRecordIsReadBackWithTheArchiveThatHoldsTheMember() {
        MemberRenamings.Renaming deep = MemberNames.renaming("Renamed:1-0a1b2c3d.zip/2-22222222.zip/1-33333333.jpg="
                + "b/c.jpg").orElseThrow();
        MemberRenamings.Renaming old = MemberNames.renaming("Member:Renamed:1-11111111.txt=a.txt").orElseThrow();

        assertThat(deep).isEqualTo(new MemberRenamings.Renaming("", "1-0a1b2c3d.zip/2-22222222.zip",
                "1-33333333.jpg", "b/c.jpg"));
        assertThat(deep.pathInCopy()).isEqualTo("1-0a1b2c3d.zip/2-22222222.zip/1-33333333.jpg");
        assertThat(old).isEqualTo(new MemberRenamings.Renaming("Member:", "", "1-11111111.txt", "a.txt"));
        assertThat(MemberNames.renaming("EXIF:GPSLatitude")).isEmpty();
        assertThat(MemberNames.renaming("Renamed:=x")).isEmpty();
    }
}
