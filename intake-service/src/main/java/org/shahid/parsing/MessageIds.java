package org.shahid.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads message ids out of Message-ID, In-Reply-To and References values, without their angle brackets, tolerating
 * comments, phrases and missing brackets that old clients write. Stateless, thread-safe.
 */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]+)>");
    private static final Pattern COMMENT_OR_BLANK = Pattern.compile("\\([^()]*\\)|\\s+");

    private MessageIds() {
    }

    static List<String> all(List<String> headerValues) {
        List<String> ids = new ArrayList<>();
        for (String value : headerValues) {
            Matcher matcher = BRACKETED.matcher(value);
            boolean found = false;
            while (matcher.find()) {
                // Obsolete syntax allows comments and blanks inside the brackets: <1234 @ local(blah) .machine>.
                String id = COMMENT_OR_BLANK.matcher(matcher.group(1)).replaceAll("");
                if (!id.isEmpty()) {
                    ids.add(id);
                    found = true;
                }
            }
            if (!found) {
                for (String token : value.split("[\\s,]+")) {
                    if (token.contains("@")) {
                        ids.add(token.replaceAll("[<>]", ""));
                    }
                }
            }
        }
        return ids;
    }

    static Optional<String> first(Optional<String> headerValue) {
        return headerValue.flatMap(value -> {
            List<String> ids = all(List.of(value));
            if (!ids.isEmpty()) {
                return Optional.of(ids.get(0));
            }
            String bare = value.replaceAll("[<>]", "").trim();
            return bare.isEmpty() ? Optional.empty() : Optional.of(bare);
        });
    }
}
