package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shahid.language.Language;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void recognisesEnglish() {
        String text = "Hello, I saw people being paid to vote at the polling station in Karrada this morning.";

        assertThat(detector.detect(text, Language.ARABIC)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void recognisesArabic() {
        String text = "السلام عليكم، شاهدت اليوم توزيع أموال على الناخبين أمام مركز الاقتراع في حي الكرادة.";

        assertThat(detector.detect(text, Language.ENGLISH)).isEqualTo(Language.ARABIC);
    }

    @Test
    void recognisesSoraniKurdish() {
        String text = "سڵاو، ئەمڕۆ لە بەردەم بنکەی دەنگدان پارە بەسەر دەنگدەراندا دابەش دەکرا.";

        assertThat(detector.detect(text, Language.ENGLISH)).isEqualTo(Language.KURDISH_SORANI);
    }

    @Test
    void recognisesSoraniTypedOnAnArabicKeyboardWithOnlyAFewDistinctiveLetters() {
        // ە typed as ه, ک as ك, ی as ي; only ۆ and ڵ give it away (2 of 58 letters, 3.4%).
        String text = "كانديدي حيزب پاره ي دا به خه لكي گوند بو ئه وه ي دهنگي بۆ بدهن له هه ڵبژاردن";

        assertThat(detector.detect(text, Language.ARABIC)).isEqualTo(Language.KURDISH_SORANI);
    }

    @Test
    void countsHehWithZeroWidthNonJoinerAsTheKurdishLetterE() {
        // The older way of writing ە: ه followed by U+200C, with no other Sorani-only letter in the sentence.
        String text = "كاندیدی حیزب پاره\u200C ی دا به\u200C خه\u200Cلكی گوند";

        assertThat(detector.detect(text, Language.ARABIC)).isEqualTo(Language.KURDISH_SORANI);
    }

    @Test
    void keepsArabicThatQuotesAKurdishPlaceName() {
        String text = "تم شراء أصوات الناخبين بشكل علني أمام مدرسة في مدينة هەولێر صباح يوم الاقتراع، "
                + "وكان ممثلو أحد المرشحين يوزعون بطاقات شحن الهاتف على كبار السن.";

        assertThat(detector.detect(text, Language.ENGLISH)).isEqualTo(Language.ARABIC);
    }

    @Test
    void keepsArabicWithEnglishHashtagsLinksAndAddresses() {
        String text = "شراء أصوات في البصرة #VoteBuying #IraqElections2025 https://example.org/videos/evidence-clip-01 "
                + "contact: witness.basra@example.com";

        assertThat(detector.detect(text, Language.ENGLISH)).isEqualTo(Language.ARABIC);
    }

    @Test
    void keepsKurdishWithAnEnglishSignature() {
        String text = "ئەمڕۆ لە سلێمانی چاودێرەکانمان ڕێگەیان پێ نەدرا بچنە ژوورەوە.\n\nSent from my iPhone";

        assertThat(detector.detect(text, Language.ENGLISH)).isEqualTo(Language.KURDISH_SORANI);
    }

    @Test
    void readsEnglishWithAnArabicPlaceNameAsEnglish() {
        String text = "Ballot boxes were carried out of the school in الموصل before counting began.";

        assertThat(detector.detect(text, Language.ARABIC)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void ignoresDigitsPunctuationAndArabicIndicDigits() {
        assertThat(detector.detect("123 456 ٧٨٩ !!! ...", Language.KURDISH_SORANI)).isEqualTo(Language.KURDISH_SORANI);
    }

    @Test
    void fallsBackOnEmptyText() {
        assertThat(detector.detect("", Language.ARABIC)).isEqualTo(Language.ARABIC);
        assertThat(detector.detect("   \n ", Language.KURDISH_SORANI)).isEqualTo(Language.KURDISH_SORANI);
        assertThat(detector.detect(null, Language.ENGLISH)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void fallsBackWhenThereAreFewerThanThreeLetters() {
        assertThat(detector.detect("ok", Language.ARABIC)).isEqualTo(Language.ARABIC);
        assertThat(detector.detect("لا", Language.ENGLISH)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void fallsBackWhenTheMailIsOnlyALinkOrAnAddress() {
        assertThat(detector.detect("https://example.org/evidence/photo-1234.jpg", Language.ARABIC))
                .isEqualTo(Language.ARABIC);
        assertThat(detector.detect("someone@example.org", Language.KURDISH_SORANI)).isEqualTo(Language.KURDISH_SORANI);
    }

    @Test
    void ignoresTatweelThatOnlyStretchesAWord() {
        assertThat(detector.detect("ـــــــ ok", Language.ARABIC)).isEqualTo(Language.ARABIC);
    }
}
