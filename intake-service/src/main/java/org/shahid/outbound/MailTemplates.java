package org.shahid.outbound;

import java.util.List;
import java.util.Map;
import org.shahid.language.Language;

/**
 * Mail rendered from the templates admins edit: acknowledgements and status updates to reporters, mail to
 * monitors, service-level mail. Every implementation renders through one {@link TemplateRenderer}, so each family
 * is sandboxed, checked with its samples and adopted on reload the same way. Implementations are thread-safe.
 */
public interface MailTemplates {

    /** The events these templates render, in the order their family lists them. */
    List<String> events();

    /**
     * Renders {@code event} in {@code language}; the HTML part is "" for a family without HTML.
     *
     * @throws IllegalArgumentException for an unknown event or a model its family refuses
     */
    RenderedMail render(String event, Language language, Map<String, ?> model);
}
