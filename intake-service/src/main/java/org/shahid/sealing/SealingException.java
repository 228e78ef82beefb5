package org.shahid.sealing;

/** A sealed record or file could not be sealed or opened. The message never contains plaintext. */
public final class SealingException extends RuntimeException {
    public SealingException(String message) {
        super(message);
    }
}
