package org.shahid.findings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A key actor of the register: its group, the name findings publish, and its known accounts and pages. */
public record Actor(
        @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        @Size(max = 64) String id,
        @NotBlank(message = "needs the id of a group of the declaration") String group,
        @NotBlank @Size(max = 200) String name,
        List<@NotNull @Pattern(regexp = "https?://[^\\s/]+(/\\S*)?", message = "must be an http(s) URL")
                String> accounts) {

    public Actor {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** Whether a reported URL is one of this actor's pages or lies under one. */
    public boolean owns(String url) {
        PageAddress page = PageAddress.of(url);
        return page != null && accounts.stream().map(PageAddress::of).anyMatch(account -> account != null
                && account.contains(page));
    }
}
