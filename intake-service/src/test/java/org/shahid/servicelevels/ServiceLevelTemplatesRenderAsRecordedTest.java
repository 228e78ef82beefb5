package org.shahid.servicelevels;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shahid.language.Language;
import org.shahid.outbound.RenderedTemplatesRecord;

class ServiceLevelTemplatesRenderAsRecordedTest {

    @Test
    void rendersEveryServiceLevelTemplateInEveryLanguageAsRecorded() {
        ServiceLevelTemplates templates = ServiceLevelTemplates.load(Path.of("templates"));
        RenderedTemplatesRecord record = new RenderedTemplatesRecord();
        for (String event : List.of(ServiceLevelTemplates.REMINDER, ServiceLevelTemplates.ESCALATION)) {
            for (Language language : Language.values()) {
                record.add(event, language.code(), 1,
                        templates.render(event, language.code(), ServiceLevelTemplates.sample()));
            }
        }
        record.assertMatches("service-levels");
    }
}
