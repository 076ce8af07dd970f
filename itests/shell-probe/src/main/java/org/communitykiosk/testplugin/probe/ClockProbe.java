package org.communitykiosk.testplugin.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code probe:clockshift <minutes>}: the kiosk's clock as its components read it, moved by that many minutes from
 * the real time (negative: back), so that a test can let a pairing code expire or make the clock jump back without
 * waiting or touching the machine's clock. Registered as a {@link Clock} service ranked above the kiosk's own; a
 * component that follows the highest-ranked clock (a greedy reference) reads it. {@code probe:clockshift 0} removes
 * it again.
 */
// immediate: a delayed component would be deactivated when the shell session that used it ends, and take its clock away
@Component(service = ClockProbe.class, immediate = true,
        property = {"osgi.command.scope=probe", "osgi.command.function=clockshift"})
public class ClockProbe {

    private final BundleContext context;
    private ServiceRegistration<Clock> shifted;

    @Activate
    public ClockProbe(BundleContext context) {
        this.context = context;
    }

    public synchronized void clockshift(int minutes) {
        remove();
        if (minutes != 0) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
            shifted = context.registerService(Clock.class, new Shifted(Duration.ofMinutes(minutes),
                    ZoneId.systemDefault()), properties);
        }
        System.out.println("clock shifted by " + minutes + " minutes");
    }

    @Deactivate
    synchronized void remove() {
        if (shifted != null) {
            shifted.unregister();
            shifted = null;
        }
    }

    private static final class Shifted extends Clock {

        private final Duration offset;
        private final ZoneId zone;

        Shifted(Duration offset, ZoneId zone) {
            this.offset = offset;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Shifted(offset, other);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
