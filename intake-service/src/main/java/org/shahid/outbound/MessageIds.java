package org.shahid.outbound;

import java.util.UUID;

/** Makes the Message-IDs of mail Shahid sends: random, under Shahid's own domain, recorded in the outbox. */
public final class MessageIds {

    private final String domain;

    public MessageIds(String domain) {
        this.domain = domain;
    }

    /** A new id without angle brackets, as stored and as compared with In-Reply-To. */
    public String next() {
        return UUID.randomUUID() + "@" + domain;
    }
}
