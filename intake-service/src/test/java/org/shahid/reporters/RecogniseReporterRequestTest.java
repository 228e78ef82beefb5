package org.shahid.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shahid.kernel.Settings;
import org.shahid.language.Language;
import org.shahid.outbound.TemplateCatalog;
import org.shahid.outbound.TemplateProblems;

/** The words of the reporter's controls, as people type them, and as the acknowledgements list them. */
class RecogniseReporterRequestTest {

    private static final Settings DEFAULTS = Settings.load(Map.of(), Map.of());
    private static final RecogniseReporterRequest RECOGNISE = new RecogniseReporterRequest(
            DEFAULTS.list("shahid.reporters.withdraw-words"), DEFAULTS.list("shahid.reporters.erase-words"));

    private static Optional<ReporterRequest> requestIn(String text) {
        return RECOGNISE.in(text, Language.ARABIC).map(RecogniseReporterRequest.Recognised::request);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            withdraw                                  | WITHDRAW
            Withdraw.                                 | WITHDRAW
            WITHDRAW MY REPORT!                       | WITHDRAW
            سحب                                       | WITHDRAW
            اسحب البلاغ                               | WITHDRAW
            اِسْحَبِ البَلاغَ                           | WITHDRAW
            ســــحب                                   | WITHDRAW
            أسحب بلاغي                                | WITHDRAW
            الغاء البلاغ                              | WITHDRAW
            «سحب»                                     | WITHDRAW
            کشانەوە                                   | WITHDRAW
            كشانهوه                                   | WITHDRAW
            ڕاپۆرتەکە بکشێنەوە                        | WITHDRAW
            راپورتهكه بكشينهوه                        | WITHDRAW
            erase                                     | ERASE
            Erase me                                  | ERASE
            forget me.                                | ERASE
            امسح                                      | ERASE
            إمسح                                      | ERASE
            احذف هويتي                                | ERASE
            احذف هویتی                                | ERASE
            حذف هويّتي                                | ERASE
            سڕینەوە                                   | ERASE
            سرينهوه                                   | ERASE
            ناسنامەکەم بسڕەوە                         | ERASE
            """)
    void recognisesTheWordsAsPeopleTypeThem(String line, ReporterRequest expected) {
        assertThat(requestIn(line)).contains(expected);
        assertThat(requestIn("\n  " + line + "  \n\nOn Monday Shahid wrote:\n> [SHD-1] Your report was received"))
                .contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            سحب الأموال من الناخبين أمام المدرسة
            I want to withdraw my support for candidate X, who bought votes
            Please erase the graffiti they painted
            withdraw?? no, I add a photo
            حذف
            """)
    void aReportThatMerelyBeginsWithTheWordIsNoRequest(String line) {
        assertThat(requestIn(line)).isEmpty();
    }

    @Test
    void onlyTheFirstLineCountsButALineOfOnlyTheReceiptCodeIsSkipped() {
        assertThat(requestIn("Here is another photo.\nwithdraw")).isEmpty();
        assertThat(requestIn("4821-0937-5562-1048\nwithdraw")).contains(ReporterRequest.WITHDRAW);
        assertThat(requestIn("٤٨٢١ ٠٩٣٧ ٥٥٦٢ ١٠٤٨\nامسح")).contains(ReporterRequest.ERASE);
        assertThat(requestIn("")).isEmpty();
        assertThat(requestIn(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            withdraw  | ar  | ENGLISH
            سحب       | en  | ARABIC
            امسح      | ckb | KURDISH_SORANI
            کشانەوە   | ar  | KURDISH_SORANI
            سڕینەوە   | en  | KURDISH_SORANI
            """)
    void answersInTheLanguageOfTheWord(String word, String ticketLanguage, Language expected) {
        assertThat(RECOGNISE.in(word, Language.fromCode(ticketLanguage).orElseThrow()))
                .map(RecogniseReporterRequest.Recognised::language).contains(expected);
    }

    /** A whole mail on one line is no request, and is not folded character by character to find that out. */
    @Test
    void aLongFirstLineIsNoRequestAndCostsNothingToRefuse() {
        String oneLine = "withdraw " + "the ballot boxes were carried off ".repeat(30_000);
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(requestIn(oneLine)).isEmpty();
            assertThat(RECOGNISE.controlLineOf(oneLine)).isEmpty();
        }
        // 100 times a 1 MB line: folding it took seconds; refusing it unread takes well under a millisecond each.
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(requestIn("   \n\u200b\nwithdraw\n" + oneLine)).contains(ReporterRequest.WITHDRAW);
    }

    @Test
    void aWordMeaningBothIsRefusedAtStart() {
        assertThatThrownBy(() -> new RecogniseReporterRequest(List.of("withdraw", "stop"), List.of("STOP.")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stop");
        assertThatThrownBy(() -> new RecogniseReporterRequest(List.of(), List.of("erase")))
                .hasMessageContaining("shahid.reporters.withdraw-words");
    }

    /** Every word an acknowledgement puts in quotes (« ») or names in English is one Shahid recognises. */
    @ParameterizedTest
    @CsvSource({"en", "ar", "ckb"})
    void theAcknowledgementListsWordsThatWork(String code) throws TemplateProblems {
        Language language = Language.fromCode(code).orElseThrow();
        TemplateCatalog catalog = TemplateCatalog.load(Path.of("templates"), List.of("report-received"));
        String text = catalog.render("report-received", language, Map.of("reference", "SHD-7K3M-Q9XR-2BTA",
                "receiptCode", "4821-0937-5562-1048", "organisation", "Shahid", "mailbox", "report@shahid.test"))
                .text();
        assertThat(text).contains("withdraw").contains("erase");
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("«([^»]+)»").matcher(text);
        int words = 0;
        while (quoted.find()) {
            assertThat(requestIn(quoted.group(1))).as(quoted.group(1)).isPresent();
            words++;
        }
        assertThat(words).isEqualTo(language == Language.ENGLISH ? 0 : language == Language.ARABIC ? 4 : 2);
        assertThat(requestIn("withdraw")).contains(ReporterRequest.WITHDRAW);
        assertThat(requestIn("erase")).contains(ReporterRequest.ERASE);
    }
}
