package org.communitykiosk.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.communitykiosk.api.KioskSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The system clock in the community's time zone, as a service: components take a {@link Clock} instead of calling
 * {@code Instant.now()}, so tests can move time (PIN lockouts, opening hours, votes that close).
 */
@Component(service = Clock.class)
public final class KioskClock extends Clock {

    private final Clock system;

    @Activate
    public KioskClock(@Reference(name = "settings") KioskSettings settings) {
        this.system = Clock.system(settings.zone());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return system.withZone(zone);
    }

    @Override
    public Instant instant() {
        return system.instant();
    }

    @Override
    public long millis() {
        return system.millis();
    }
}
