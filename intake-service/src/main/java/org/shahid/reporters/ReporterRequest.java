package org.shahid.reporters;

/** What a reporter can ask of Shahid by the first line of a follow-up on their own ticket. */
public enum ReporterRequest {
    /** Take the report back: the ticket becomes {@code WITHDRAWN}, monitors are told, the reporter hears once more. */
    WITHDRAW,
    /** Forget who reported: reply channel, identity, sealed original and receipt code are destroyed at once. */
    ERASE
}
