package org.shahid.reporters;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shahid.language.Language;

/**
 * Recognises a reporter's request by the first line of their mail: a line that is exactly one of the words of
 * {@code shahid.reporters.withdraw-words} or {@code shahid.reporters.erase-words}, compared after folding the ways
 * people type Arabic and Sorani (diacritics, tatweel, Persian/Arabic letter forms, Kurdish letters typed on an Arabic
 * keyboard, joiners and direction marks), case and surrounding punctuation. Only a whole line counts, so a report
 * that merely begins with such a word ("سحب الأموال…") is not a request. A line holding only a receipt code is
 * skipped, since a reporter writing from another address puts the code first. Immutable and thread-safe.
 */
public final class RecogniseReporterRequest {

    private static final Pattern RECEIPT_CODE = Pattern.compile(
            "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]{4}([\\s\\-\\u2010-\\u2015]?[0-9\\u0660-\\u0669\\u06F0-\\u06F9]{4}){3}");
    /** Arabic harakat, superscript alef, Quranic marks, tatweel, joiners, direction marks. */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640\\u200B-\\u200F\\u061C\\u2066-\\u2069\\uFEFF]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");
    private static final Pattern KURDISH_LETTER = Pattern.compile("[ڕڵێۆەڤکیگچپژ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Longer than any request word with a receipt code and the punctuation and spaces around them. */
    private static final int LONGEST_REQUEST_LINE = 200;
    /** Letters written in more than one way, each folded to one form (both sides of the comparison are folded). */
    private static final Map<Character, Character> LETTER_FORMS = Map.ofEntries(
            Map.entry('أ', 'ا'), Map.entry('إ', 'ا'), Map.entry('آ', 'ا'), Map.entry('ٱ', 'ا'),
            Map.entry('ى', 'ي'), Map.entry('ی', 'ي'), Map.entry('ێ', 'ي'), Map.entry('ۍ', 'ي'),
            Map.entry('ک', 'ك'), Map.entry('ڪ', 'ك'),
            Map.entry('ە', 'ه'), Map.entry('ہ', 'ه'), Map.entry('ھ', 'ه'), Map.entry('ۀ', 'ه'),
            Map.entry('ۆ', 'و'), Map.entry('ۊ', 'و'), Map.entry('ؤ', 'و'),
            Map.entry('ڕ', 'ر'), Map.entry('ڵ', 'ل'), Map.entry('ڤ', 'ف'));

    private final Set<String> withdrawWords;
    private final Set<String> eraseWords;

    public RecogniseReporterRequest(List<String> withdrawWords, List<String> eraseWords) {
        this.withdrawWords = folded(withdrawWords, "shahid.reporters.withdraw-words");
        this.eraseWords = folded(eraseWords, "shahid.reporters.erase-words");
        Set<String> both = this.withdrawWords.stream().filter(this.eraseWords::contains).collect(Collectors.toSet());
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("words both withdraw and erase: " + both);
        }
    }

    /**
     * A request and the language its word was written in, which is the language of the answer: Latin letters are
     * English; Arabic script with a letter of Kurdish (ڕ ڵ ێ ۆ ە ڤ, or Persian ک ی گ چ پ ژ) is Sorani; plain Arabic
     * letters are Arabic, unless the ticket is Sorani (a Kurdish writer on an Arabic keyboard).
     */
    public record Recognised(ReporterRequest request, Language language) {
    }

    /** The request the mail's first line makes, if any; {@code ticketLanguage} decides an ambiguous script. */
    public Optional<Recognised> in(String text, Language ticketLanguage) {
        Optional<String> first = firstLine(text == null ? "" : text);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (first.get().length() > LONGEST_REQUEST_LINE) {
            return Optional.empty();
        }
        String line = fold(first.get());
        ReporterRequest request = withdrawWords.contains(line) ? ReporterRequest.WITHDRAW
                : eraseWords.contains(line) ? ReporterRequest.ERASE : null;
        return request == null ? Optional.empty()
                : Optional.of(new Recognised(request, languageOf(first.get(), ticketLanguage)));
    }

    /**
     * The mail's first line exactly as written when it is one of the configured words, else empty: what the
     * identity gate lets through of the unredacted text (a word of a fixed list names nobody).
     */
    public Optional<String> controlLineOf(String text) {
        Optional<String> first = firstLine(text == null ? "" : text);
        return first.filter(line -> {
            if (line.length() > LONGEST_REQUEST_LINE) {
                return false;
            }
            String folded = fold(line);
            return withdrawWords.contains(folded) || eraseWords.contains(folded);
        });
    }

    private static Language languageOf(String line, Language ticketLanguage) {
        if (LATIN.matcher(line).find()) {
            return Language.ENGLISH;
        }
        if (KURDISH_LETTER.matcher(line).find() || ticketLanguage == Language.KURDISH_SORANI) {
            return Language.KURDISH_SORANI;
        }
        return Language.ARABIC;
    }

    /**
     * The first line that is not blank once folded. A line longer than any request could be is that line without
     * folding it: it is compared with nothing, and folding a long first line (a whole mail without line breaks) cost
     * every mail's intake more than the rest of this class.
     */
    private static Optional<String> firstLine(String text) {
        return text.lines()
                .filter(line -> line.length() > LONGEST_REQUEST_LINE
                        || !fold(RECEIPT_CODE.matcher(line).replaceAll(" ")).isEmpty())
                .findFirst()
                .map(line -> line.length() > LONGEST_REQUEST_LINE ? line : RECEIPT_CODE.matcher(line).replaceAll(" "));
    }

    /** The form both the configured words and the mail's line are compared in. */
    static String fold(String line) {
        String text = Normalizer.normalize(line, Normalizer.Form.NFKC);
        text = INVISIBLE.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(LETTER_FORMS.getOrDefault(c, c));
        }
        text = EDGE_PUNCTUATION.matcher(out.toString()).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static Set<String> folded(List<String> words, String setting) {
        Set<String> folded = words.stream().map(RecogniseReporterRequest::fold).filter(word -> !word.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (folded.isEmpty()) {
            throw new IllegalArgumentException(setting + " must name at least one word");
        }
        return folded;
    }
}
