package org.shahid.config;

import java.nio.file.Path;
import java.util.Map;
import org.shahid.monitors.Categories;
import org.shahid.monitors.MonitorTemplates;
import org.shahid.monitors.Monitors;
import org.shahid.monitors.Roster;
import org.shahid.outbound.TemplateCatalog;
import org.shahid.reload.ReloadChangedFiles;
import org.shahid.reload.WatchedFile;

/**
 * The beans of running Shahid as a service in production (live reload, ...), wired from settings beside
 * {@link ShahidService.Beans}. Each file admins edit is watched here with one line.
 */
public record OperationsBeans(ReloadChangedFiles reloadChangedFiles) {

    public static OperationsBeans wire(Settings settings, TemplateCatalog templates, Monitors monitors) {
        Path home = settings.home();
        ReloadChangedFiles reload = new ReloadChangedFiles()
                .watch(WatchedFile.of("templates", home.resolve("templates"),
                        folder -> ShahidService.loadTemplates(home), templates::adopt))
                .watch(WatchedFile.of("monitor templates", home.resolve("templates"),
                        MonitorTemplates::load, monitors.templates()::adopt))
                .watch(WatchedFile.of("roster", home.resolve(settings.text("shahid.monitors.roster-file")),
                        Roster::load, monitors.roster()::adopt))
                .watch(WatchedFile.of("category rules", home.resolve(settings.text("shahid.monitors.categories-file")),
                        Categories::load, monitors.categories()::adopt));
        return new OperationsBeans(reload);
    }

    /** The beans by the names the route files call them. */
    public Map<String, Object> byRouteName() {
        return Map.of("reloadChangedFiles", reloadChangedFiles);
    }
}
