package org.shahid.intake;

import java.util.Objects;
import java.util.regex.Pattern;
import org.shahid.language.Language;

/**
 * Guesses the language a reporter wrote in, to answer in it: by script, so the decision can be explained in one
 * sentence (Arabic-script letters outnumber Latin ones, and Sorani-only letters are at least 3% of them).
 * Stateless and thread-safe.
 */
public final class LanguageDetector {

    /** Below this many counted letters the text says nothing reliable (an "ok", an emoji, a lone link). */
    static final int MINIMUM_LETTERS = 3;

    /**
     * Share of Arabic-script letters that must be Sorani-only (ە ێ ۆ ڕ ڵ ڤ) for the text to be Kurdish. Arabic never
     * uses these letters, while ە is among the most frequent letters in Sorani: our own Kurdish templates run at 25%.
     * Sorani typed on an Arabic keyboard (ە written as ه) keeps only ۆ ێ ڕ ڵ, which have no Arabic stand-in; the test
     * sample of that kind runs at 3.4%. An Arabic report that quotes one Kurdish place name such as هەولێر (2 letters)
     * stays Arabic from about 70 letters on. When in doubt we lean to Arabic, which more Kurdish speakers read than
     * Arabic speakers read Sorani.
     */
    static final double SORANI_SHARE = 0.03;

    // Addresses, links, hashtags and mentions are mostly Latin whatever language surrounds them; they would
    // outvote a short Arabic or Kurdish message, so they are removed before counting.
    private static final Pattern NOT_PROSE = Pattern.compile(
            "(?i)(?:https?://|www\\.)\\S+"
                    + "|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+"
                    + "|[#@][\\p{L}\\p{N}_]+");

    static final int SAMPLE_CHARS = 4000;

    private static final char ZERO_WIDTH_NON_JOINER = '\u200C';
    private static final char ARABIC_HEH = '\u0647';
    private static final char TATWEEL = '\u0640';

    /** The language of {@code text}, or {@code fallback} when there are too few letters to tell. */
    public Language detect(String text, Language fallback) {
        Objects.requireNonNull(fallback, "fallback");
        if (text == null || text.isBlank()) {
            return fallback;
        }
        // The first few thousand characters tell the language; the address pattern backtracks quadratically on a
        // long run of letters (a 1 MB subject held the intake thread for minutes).
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        String prose = NOT_PROSE.matcher(sample).replaceAll(" ");
        int arabicScript = 0;
        int soraniOnly = 0;
        int latin = 0;
        for (int index = 0; index < prose.length(); ) {
            int codePoint = prose.codePointAt(index);
            index += Character.charCount(codePoint);
            // Tatweel only stretches a word for looks; it is a "letter" to Unicode but says nothing about language.
            if (!Character.isLetter(codePoint) || codePoint == TATWEEL) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else if (script == Character.UnicodeScript.ARABIC) {
                arabicScript++;
                boolean hehWithNonJoiner = codePoint == ARABIC_HEH
                        && index < prose.length() && prose.charAt(index) == ZERO_WIDTH_NON_JOINER;
                // Older Kurdish keyboards write ە as ه followed by a zero-width non-joiner; count it as ە.
                if (isSoraniOnly(codePoint) || hehWithNonJoiner) {
                    soraniOnly++;
                }
            }
        }
        if (arabicScript + latin < MINIMUM_LETTERS || arabicScript == latin) {
            return fallback;
        }
        if (latin > arabicScript) {
            return Language.ENGLISH;
        }
        return soraniOnly >= SORANI_SHARE * arabicScript ? Language.KURDISH_SORANI : Language.ARABIC;
    }

    private static boolean isSoraniOnly(int codePoint) {
        return switch (codePoint) {
            case '\u06D5', // ە AE
                    '\u06CE', // ێ YEH WITH SMALL V
                    '\u06C6', // ۆ OE
                    '\u0695', // ڕ REH WITH SMALL V BELOW
                    '\u06B5', // ڵ LAM WITH SMALL V
                    '\u06A4' // ڤ VEH
                    -> true;
            default -> false;
        };
    }
}
