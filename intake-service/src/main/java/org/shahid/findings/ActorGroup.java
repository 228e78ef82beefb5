package org.shahid.findings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * A group of actors who signed the declaration and the commitments it made. Actors of a group not named in
 * findings (private individuals) are only counted. Immutable.
 */
public record ActorGroup(
        @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        String id,
        boolean namedInFindings,
        @NotNull @Valid Wording name,
        @NotEmpty List<@NotNull @Valid Commitment> commitments) {

    public ActorGroup {
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
    }

    public Optional<Commitment> commitment(String commitmentId) {
        return commitments.stream().filter(commitment -> commitment.id().equals(commitmentId)).findFirst();
    }
}
