package org.shahid.kernel;

/** A setting or file an admin controls is missing or wrong; the message says which and how to fix it. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
