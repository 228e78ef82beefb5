package org.shahid.outbound;

import java.util.List;
import java.util.Map;
import org.shahid.language.Language;

/**
 * A family of templates as the service holds it: loaded and checked by a {@link TemplateRenderer}, which serves
 * it, and swapped for a newer load on reload. Each family's class adds its events and how to load it; the
 * typed {@code adopt} of each keeps one family from adopting another's templates. Thread-safe.
 */
public abstract class LoadedFamily implements MailTemplates {

    private final TemplateRenderer renderer;

    protected LoadedFamily(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** Serves {@code newer}'s templates from now on (they were loaded and checked in full). */
    protected final void adoptFrom(LoadedFamily newer) {
        renderer.adopt(newer.renderer);
    }

    @Override
    public final List<String> events() {
        return renderer.events();
    }

    @Override
    public final RenderedMail render(String event, Language language, Map<String, ?> model) {
        return renderer.render(event, language, model);
    }
}
