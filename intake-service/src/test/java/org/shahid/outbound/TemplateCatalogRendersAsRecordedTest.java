package org.shahid.outbound;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shahid.config.ShahidConfiguration;
import org.shahid.language.Language;

class TemplateCatalogRendersAsRecordedTest {

    @Test
    void rendersEveryReporterTemplateInEveryLanguageAsRecorded() {
        TemplateCatalog catalog = ShahidConfiguration.loadTemplates(Path.of("."));
        RenderedTemplatesRecord record = new RenderedTemplatesRecord();
        for (String event : catalog.events()) {
            for (Language language : Language.values()) {
                record.add(event, language.code(), 1, catalog.render(event, language, Map.of(
                        "reference", "SHD-7K3M-Q9XR-2BTA", "receiptCode", "RC-4WQ8-ZP2M",
                        "organisation", "Shahid election monitoring", "mailbox", "report@shahid.test",
                        "status", "INVESTIGATING", "message", "A <sample> message & more.",
                        "files", "polling-station.mp4 (video/mp4, 23.4 MB)",
                        "largeFilesChannel", "https://upload.shahid.test/drop")));
                record.add(event, language.code(), 2, catalog.render(event, language, Map.of(
                        "reference", "SHD-7K3M-Q9XR-2BTA", "receiptCode", "",
                        "organisation", "Shahid election monitoring", "mailbox", "report@shahid.test")));
            }
        }
        record.assertMatches("reporters");
    }
}
