package org.shahid.outbound;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.util.List;
import java.util.Map;
import org.shahid.language.Language;

/**
 * What one family of templates is: its events, the parts each has, the samples each is checked with, and the
 * rules its output must keep. {@link TemplateRenderer} does the loading, checking and rendering for every family.
 * Implementations are immutable.
 */
public interface TemplateFamily {

    /** How render-time failures name the family, e.g. "monitor". */
    String noun();

    /** The events, each loaded in every {@link Language}. */
    List<String> events();

    /** The parts every event has; a family without {@link TemplatePart#HTML} renders "" as HTML. */
    List<TemplatePart> parts();

    /** The models an event's templates are rendered with at load; more than one reaches both sides of an {@code #if}. */
    List<Map<String, ?>> samples(String event, Language language);

    /** The model a template sees for {@code callerModel}; a family can drop what its templates must not see. */
    default Map<String, ?> model(Language language, Map<String, ?> callerModel) {
        return callerModel;
    }

    /** Adds to {@code problems} each rule that {@code output}, rendered from {@code sample}, breaks. */
    void checkOutput(String fileName, String event, Language language, TemplatePart part, String output,
                     Map<String, ?> sample, List<String> problems);

    /** The problem a template that cannot be loaded or rendered with a sample is listed with. */
    default String describeFailure(String fileName, Exception failure) {
        if (failure instanceof TemplateNotFoundException) {
            return fileName + ": missing";
        }
        if (failure instanceof ParseException parse) {
            return fileName + ": line " + parse.getLineNumber() + ", column " + parse.getColumnNumber() + ": "
                    + TemplateRenderer.collapse(parse.getEditorMessage());
        }
        if (failure instanceof TemplateException template) {
            return fileName + ": " + TemplateRenderer.oneLine(template);
        }
        return fileName + ": cannot be read: " + failure.getMessage();
    }
}
