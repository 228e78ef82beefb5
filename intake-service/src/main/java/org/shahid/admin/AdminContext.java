package org.shahid.admin;

import java.time.Clock;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.config.ShahidConfiguration;
import org.shahid.sealing.Keyring;

/**
 * What an admin command needs: the configuration, the database, and on request the wired beans. Opened per
 * command from the same environment the service runs with; close it when done.
 */
final class AdminContext implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private ShahidConfiguration.Beans beans;

    private AdminContext(Settings settings, Database database) {
        this.settings = settings;
        this.database = database;
    }

    static AdminContext open(Settings settings) {
        return new AdminContext(settings, Database.open(settings));
    }

    Settings settings() {
        return settings;
    }

    Database database() {
        return database;
    }

    /** The service's beans, for commands that process mail (needs keys and templates). */
    ShahidConfiguration.Beans beans() {
        if (beans == null) {
            Keyring keyring = Keyring.load(settings.path("shahid.keys.dir"), false);
            beans = ShahidConfiguration.wire(settings, database, keyring,
                    ShahidConfiguration.loadTemplates(settings.home()), Clock.systemUTC());
        }
        return beans;
    }

    @Override
    public void close() {
        try {
            if (beans != null) {
                beans.extractor().close(); // the evidence child JVM, if a released mail started one
            }
        } finally {
            database.close();
        }
    }
}
