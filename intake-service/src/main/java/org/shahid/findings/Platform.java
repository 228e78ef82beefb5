package org.shahid.findings;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.shahid.language.Language;
import org.shahid.language.LanguageCode;

/**
 * A social media platform: where its trusted-partner reports go, the language they are written in, and the
 * domains of its pages. Immutable.
 */
public record Platform(
        @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        String id,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 320) String trustedPartnerAddress,
        @NotEmpty List<@NotNull @Pattern(regexp = "[a-z0-9.-]+\\.[a-z]{2,}", message = "must be a domain name")
                String> hosts,
        @NotNull @LanguageCode String language) {

    public Platform {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** The language escalations to this platform are written in. */
    public Language writtenIn() {
        return Language.fromCode(language).orElse(Language.ENGLISH);
    }

    /** Whether a URL is a page of this platform. */
    public boolean hosts(String url) {
        PageAddress page = PageAddress.of(url);
        return page != null && hosts.stream().anyMatch(page::isOn);
    }
}
