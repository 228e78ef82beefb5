package org.shahid.monitors;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shahid.language.Language;
import org.shahid.outbound.RenderedTemplatesRecord;

class MonitorTemplatesRenderAsRecordedTest {

    @Test
    void rendersEveryMonitorTemplateInEveryLanguageAsRecorded() {
        MonitorTemplates templates = MonitorTemplates.load(Path.of("templates"));
        RenderedTemplatesRecord record = new RenderedTemplatesRecord();
        for (String event : List.of(MonitorTemplates.TICKET_NOTIFICATION, MonitorTemplates.MONITOR_DIGEST,
                MonitorTemplates.COMMAND_PROBLEMS, MonitorTemplates.REPLY_REFUSED, MonitorTemplates.REPLY_KEY_EXPIRED,
                MonitorTemplates.WEEKLY_FINDINGS, MonitorTemplates.MONITOR_EVIDENCE, MonitorTemplates.PLATFORM_ESCALATION)) {
            for (Language language : Language.values()) {
                record.add(event, language.code(), 1, templates.render(event, language, MonitorSamples.of(event)));
            }
        }
        record.assertMatches("monitors");
    }
}
