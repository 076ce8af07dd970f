package org.communitykiosk.ui.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only moves forward at the pace of {@link System#nanoTime()}: idle time is measured with it, so that a
 * change of the system clock (a time server correcting it, a technician setting it) neither signs everybody out nor
 * keeps a session open for hours.
 */
final class MonotonicClock extends Clock {

    private final Instant base = Instant.now();
    private final long baseNanos = System.nanoTime();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - baseNanos);
    }
}
