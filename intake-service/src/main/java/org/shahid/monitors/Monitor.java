package org.shahid.monitors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.shahid.language.Language;
import org.shahid.language.LanguageCode;

/**
 * One person on the roster: the address they write from, the name shown to other monitors (never to
 * reporters), their role, and the languages they read, best first. Immutable.
 */
public record Monitor(
        @NotBlank @Email @Size(max = 320) String address,
        @NotBlank @Size(max = 100) String name,
        @NotNull Role role,
        @NotEmpty List<@NotNull @LanguageCode String> languages) {

    /** A lead may do everything a monitor does; the role is shown in listings and digests. */
    public enum Role { MONITOR, LEAD }

    public Monitor {
        address = address == null ? null : address.strip().toLowerCase(Locale.ROOT);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** The language Shahid writes to this monitor in: the first they read. */
    public Language language() {
        return Language.fromCode(languages.get(0)).orElse(Language.ENGLISH);
    }

    public boolean reads(String languageCode) {
        return languages.contains(languageCode);
    }
}
