package org.communitykiosk.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests that stands still until moved. Thread-safe, so concurrent test code can share it.
 * Starts at {@link #START} in Asia/Shanghai, the default community time zone.
 */
public final class MutableClock extends Clock {

    /** Monday 2 June 2025, 09:00 in Shanghai. */
    public static final Instant START =
            ZonedDateTime.of(2025, 6, 2, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock() {
        this(START, ZoneId.of("Asia/Shanghai"));
    }

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public MutableClock advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
        return this;
    }

    public MutableClock set(Instant instant) {
        now.set(instant);
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A clock in another zone that still follows this one. */
    @Override
    public Clock withZone(ZoneId other) {
        MutableClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return outer.withZone(zone);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }
}
