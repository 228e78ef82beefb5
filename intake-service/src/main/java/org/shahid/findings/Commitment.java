package org.shahid.findings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One commitment of the declaration: a stable id and its wording. Immutable. */
public record Commitment(
        @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        String id,
        @NotNull @Valid Wording text) {
}
