package org.shahid.authentication;

import java.time.Duration;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.Settings;

/**
 * The sender-authentication settings, read and checked once at start: {@code shahid.mail.authserv-id} (for
 * reporters and monitors alike; {@code shahid.monitors.authserv-id} is its older alias),
 * {@code shahid.monitors.allow-unauthenticated} and {@code shahid.monitors.reply-key-ttl}. Immutable.
 */
public record AuthenticationSettings(String authservId, boolean allowUnauthenticatedMonitors, Duration replyKeyTtl) {

    public static final String AUTHSERV_ID = "shahid.mail.authserv-id";
    public static final String AUTHSERV_ID_ALIAS = "shahid.monitors.authserv-id";
    public static final String ALLOW_UNAUTHENTICATED = "shahid.monitors.allow-unauthenticated";
    public static final String REPLY_KEY_TTL = "shahid.monitors.reply-key-ttl";

    public static AuthenticationSettings of(Settings settings) {
        String authservId = settings.text(AUTHSERV_ID, settings.text(AUTHSERV_ID_ALIAS, "")).strip();
        if (authservId.chars().anyMatch(c -> c <= ' ' || c == ';' || c == '(' || c == '"')) {
            throw new ConfigurationException(AUTHSERV_ID + " must be one token such as mx.example.org, not '"
                    + authservId + "'");
        }
        Duration ttl = settings.duration(REPLY_KEY_TTL);
        if (ttl.toDays() < 1) {
            throw new ConfigurationException(REPLY_KEY_TTL + " must be at least one day (e.g. 720h)");
        }
        return new AuthenticationSettings(authservId, settings.flag(ALLOW_UNAUTHENTICATED), ttl);
    }

    public SenderAuthentication senderAuthentication() {
        return new SenderAuthentication(authservId);
    }

    /** Why {@code run} must not start as configured, or empty when it may. */
    public java.util.Optional<String> refusalToRun() {
        if (!authservId.isEmpty() || allowUnauthenticatedMonitors) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(AUTHSERV_ID + " (SHAHID_MAIL_AUTHSERV_ID) is not set: without it anyone who"
                + " holds a monitor's notification and knows a roster address could act in that monitor's name. Set it"
                + " to the authserv-id your receiving mail server writes in Authentication-Results, or set "
                + ALLOW_UNAUTHENTICATED + "=true to accept that risk");
    }

    /** What {@code validate} says about these settings: plain warnings, empty when there is nothing to say. */
    public java.util.List<String> warnings() {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        if (authservId.isEmpty() && allowUnauthenticatedMonitors) {
            warnings.add(ALLOW_UNAUTHENTICATED + "=true and no " + AUTHSERV_ID + ": a forged mail with a monitor's"
                    + " roster address and the key of one of their notifications can change that ticket and write to"
                    + " its reporter in the monitoring team's name; reporters' follow-ups can join tickets only by"
                    + " Message-ID or receipt code");
        } else if (authservId.isEmpty()) {
            warnings.add(AUTHSERV_ID + " is not set: run refuses to start, and every monitor reply is refused");
        }
        return warnings;
    }

    /** The demo banner's line on what the monitors mailbox accepts. */
    public String bannerLine() {
        if (!authservId.isEmpty()) {
            return "Monitors' replies: accepted only when authenticated by " + authservId
                    + " (SHAHID_MAIL_AUTHSERV_ID)";
        }
        if (allowUnauthenticatedMonitors) {
            return "Monitors' replies: NOT authenticated (SHAHID_MONITORS_ALLOW_UNAUTHENTICATED=true): anyone who"
                    + " can mail the monitors address can forge a monitor's reply; `run` refuses this without"
                    + " SHAHID_MAIL_AUTHSERV_ID";
        }
        return "Monitors' replies: all refused (no SHAHID_MAIL_AUTHSERV_ID, and"
                + " SHAHID_MONITORS_ALLOW_UNAUTHENTICATED=false)";
    }
}
