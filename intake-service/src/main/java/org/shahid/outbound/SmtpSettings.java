package org.shahid.outbound;

import java.util.Properties;
import org.shahid.kernel.Settings;

/** How to reach the outbound SMTP relay ({@code shahid.smtp.*}). Immutable. */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, boolean ssl,
                           int connectionTimeoutMs, int timeoutMs) {

    public static SmtpSettings from(Settings settings) {
        return new SmtpSettings(settings.text("shahid.smtp.host"), settings.integer("shahid.smtp.port"),
                settings.text("shahid.smtp.username", ""), settings.text("shahid.smtp.password", ""),
                settings.flag("shahid.smtp.starttls"), settings.flag("shahid.smtp.ssl"),
                settings.integer("shahid.smtp.connection-timeout-ms"), settings.integer("shahid.smtp.timeout-ms"));
    }

    /** Jakarta Mail session properties; the defaults would wait forever on a silent server. */
    public Properties sessionProperties() {
        String protocol = ssl ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", String.valueOf(port));
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(connectionTimeoutMs));
        properties.put("mail." + protocol + ".timeout", String.valueOf(timeoutMs));
        properties.put("mail." + protocol + ".writetimeout", String.valueOf(timeoutMs));
        properties.put("mail." + protocol + ".auth", String.valueOf(!username.isEmpty()));
        properties.put("mail." + protocol + ".socketFactory", NoDelaySocketFactory.INSTANCE);
        if (startTls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (startTls || ssl) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return properties;
    }

    public String protocol() {
        return ssl ? "smtps" : "smtp";
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + "]";
    }
}
