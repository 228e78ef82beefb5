package org.shahid.findings;

import java.time.Instant;
import java.util.List;

/**
 * One finding as the findings report counts it: when its report arrived, its confirmed category, the finding and
 * the post URLs of its evidence. No reporter, pseudonym or reference. Immutable.
 */
public record FindingFact(Instant reportedAt, String category, Finding finding, List<String> postUrls) {

    public FindingFact {
        postUrls = List.copyOf(postUrls);
    }

    public boolean isViolation() {
        return "VIOLATION".equals(finding.verdict());
    }
}
