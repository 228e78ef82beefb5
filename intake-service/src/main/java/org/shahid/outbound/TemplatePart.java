package org.shahid.outbound;

import java.util.Locale;
import org.shahid.language.Language;

/** A part of a mail that has a template of its own: {@code <event>.<lang>.<subject|text|html>.ftl}. */
public enum TemplatePart {
    SUBJECT, TEXT, HTML;

    public String fileName(String event, Language language) {
        return event + "." + language.code() + "." + name().toLowerCase(Locale.ROOT) + ".ftl";
    }
}
