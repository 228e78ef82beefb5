package org.shahid.evidence;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URLs in free text (a message body, an attachment's extracted text), including the scheme-less short
 * forms people paste from phones (youtu.be/…, t.me/…, x.com/…), and returns them normalised by
 * {@link NormalizeUrl}, without duplicates, at most {@link #MAX_URLS}. Stateless and thread-safe.
 */
public final class ExtractUrls {

    static final int MAX_URLS = 200;
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.|(?:youtu\\.be|t\\.me|telegram\\.me|fb\\.watch|x\\.com|twitter\\.com"
                    + "|mobile\\.twitter\\.com|m\\.facebook\\.com|facebook\\.com|vm\\.tiktok\\.com|tiktok\\.com"
                    + "|instagram\\.com|youtube\\.com|m\\.youtube\\.com)/)[^\\s<>\"'\\u00A0\\u200B-\\u200F]+");
    // Sentence punctuation (Latin and Arabic) that follows a URL in prose and is not part of it.
    private static final String TRAILING = ".,;:!?)]}>'\"،؛؟…»";

    private ExtractUrls() {
    }

    public static Set<String> from(String text) {
        Set<String> urls = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return urls;
        }
        Matcher matcher = URL.matcher(text);
        while (matcher.find() && urls.size() < MAX_URLS) {
            String candidate = matcher.group();
            while (!candidate.isEmpty() && TRAILING.indexOf(candidate.charAt(candidate.length() - 1)) >= 0) {
                candidate = candidate.substring(0, candidate.length() - 1);
            }
            if (candidate.length() > 2000) {
                continue;
            }
            NormalizeUrl.normalize(candidate).ifPresent(urls::add);
        }
        return urls;
    }
}
