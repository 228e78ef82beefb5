package org.shahid.findings;

import org.shahid.kernel.Settings;

/**
 * The files admins edit about the monitoring work ({@code monitoring/}): the declaration, the register of key
 * actors and the platforms, loaded and cross-checked together at start and by {@code validate}. Reads
 * {@code shahid.monitoring.declaration-file}, {@code .actors-file} and {@code .platforms-file}. Immutable.
 */
public record MonitoringData(Declaration declaration, ActorRegister actors, Platforms platforms) {

    public static MonitoringData load(Settings settings) {
        Declaration declaration = Declaration.load(settings.home()
                .resolve(settings.text("shahid.monitoring.declaration-file")));
        return new MonitoringData(declaration,
                ActorRegister.load(settings.home().resolve(settings.text("shahid.monitoring.actors-file")), declaration),
                Platforms.load(settings.home().resolve(settings.text("shahid.monitoring.platforms-file"))));
    }
}
