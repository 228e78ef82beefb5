package org.shahid.parsing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailLimitsTest {

    @Test
    void acceptsPositiveLimits() {
        assertThat(new MailLimits(1, 1, 1).maxNestingDepth()).isEqualTo(1);
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThatThrownBy(() -> new MailLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttachments");
        assertThatThrownBy(() -> new MailLimits(1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttachmentBytes");
        assertThatThrownBy(() -> new MailLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxNestingDepth");
    }
}
