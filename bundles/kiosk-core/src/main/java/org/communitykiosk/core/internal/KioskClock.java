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
 * {@code Instant.now()}, so tests can move time (PIN lockouts, opening hours, votes that close). The zone is read
 * from the settings on each use, so a changed time zone applies without restarting the clock's users.
 */
@Component(service = Clock.class)
public final class KioskClock extends Clock {

    private final KioskSettings settings;

    @Activate
    public KioskClock(@Reference(name = "settings") KioskSettings settings) {
        this.settings = settings;
    }

    @Override
    public ZoneId getZone() {
        return settings.zone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
