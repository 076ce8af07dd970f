package org.communitykiosk.bloodpressure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.communitykiosk.bloodpressure.device.BloodPressureMonitor;
import org.communitykiosk.bloodpressure.device.MonitorListener;

/**
 * The station's one monitor, lent to one screen at a time: from the start of a guided measurement to its end (the
 * result, a device error, a repeat request, no answer, manual entry, the screen left, sign-out or the idle timeout,
 * which leave the screen). Another session is told the monitor is in use and can neither start it (a new start would
 * take over the measurement under way) nor stop it. The screen renews its hold at each of its ticks (its page polls
 * the server every second); a hold not renewed for {@link #STALE} is the hold of a page that is gone (a browser closed
 * on a device, a crashed kiosk browser) and another screen may take the monitor. No hold lasts beyond
 * {@link #MAX_HOLD}.
 */
final class MonitorDesk {

    /** Longer than any guided measurement (5 min rest, 3 readings, 2 pauses), bounded like a keep-awake lease. */
    static final Duration MAX_HOLD = Duration.ofMinutes(15);
    /** Ten missed polls of the holding page. */
    static final Duration STALE = Duration.ofSeconds(10);

    private final Supplier<Optional<BloodPressureMonitor>> monitor;
    private final Clock clock;
    private Object holder;
    private Instant heldSince;
    private Instant renewed;

    MonitorDesk(Supplier<Optional<BloodPressureMonitor>> monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    /** Whether the station has a monitor (the configured driver is registered). */
    boolean present() {
        return monitor.get().isPresent();
    }

    /** Takes the monitor for {@code who}; false when another screen holds it. */
    synchronized boolean take(Object who) {
        Instant now = clock.instant();
        if (holder != null && holder != who && now.isBefore(heldSince.plus(MAX_HOLD))
                && now.isBefore(renewed.plus(STALE))) {
            return false;
        }
        if (holder != who) {
            heldSince = now;
        }
        holder = who;
        renewed = now;
        return true;
    }

    /** The holder's screen is still there (called at each of its ticks); does nothing for anybody else. */
    synchronized void renew(Object who) {
        if (holder == who) {
            renewed = clock.instant();
        }
    }

    /** Whether {@code who} holds the monitor. */
    synchronized boolean heldBy(Object who) {
        return holder == who;
    }

    /** Starts a measurement for the holder; false (and nothing started) for anybody else. */
    synchronized boolean start(Object who, MonitorListener listener) {
        Optional<BloodPressureMonitor> device = monitor.get();
        if (device.isEmpty() || !take(who)) {
            return false;
        }
        device.get().start(listener);
        return true;
    }

    /** Ends {@code who}'s measurement and gives the monitor back; does nothing for anybody else. */
    synchronized void release(Object who) {
        if (holder != who) {
            return;
        }
        holder = null;
        heldSince = null;
        renewed = null;
        monitor.get().ifPresent(BloodPressureMonitor::stop);
    }
}
