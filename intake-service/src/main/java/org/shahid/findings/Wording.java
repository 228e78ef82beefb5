package org.shahid.findings;

import jakarta.validation.constraints.AssertTrue;
import java.util.Map;
import org.shahid.language.Language;

/** A text of the declaration in every language Shahid speaks, keyed by language code. Immutable. */
public record Wording(Map<String, String> byLanguage) {

    public Wording {
        byLanguage = Map.copyOf(byLanguage);
    }

    public String in(Language language) {
        return byLanguage.getOrDefault(language.code(), byLanguage.get(Language.ENGLISH.code()));
    }

    @AssertTrue(message = "needs a non-empty text in each of Shahid's languages, and no other")
    public boolean isInEveryLanguage() {
        return byLanguage.keySet().equals(java.util.Set.copyOf(Language.codes()))
                && byLanguage.values().stream().allMatch(text -> text != null && !text.isBlank());
    }
}
