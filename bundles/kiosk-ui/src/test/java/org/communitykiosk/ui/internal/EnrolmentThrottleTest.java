package org.communitykiosk.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Wrong pairing codes: ten a minute from one address, thirty from all together, counted over the last minute. */
class EnrolmentThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final EnrolmentThrottle throttle = new EnrolmentThrottle(now::get);

    @Test
    void oneAddressGetsTenWrongCodesAMinute() {
        for (int i = 0; i < EnrolmentThrottle.PER_CLIENT; i++) {
            assertTrue(throttle.allows("192.168.1.50"), "try " + i);
            throttle.wrong("192.168.1.50");
            now.addAndGet(1_000_000_000L);
        }
        assertFalse(throttle.allows("192.168.1.50"), "the eleventh within the minute");
        assertTrue(throttle.allows("192.168.1.51"), "another device is not held up");
        // the first wrong code leaves the minute after 60 s: one more try
        now.addAndGet(EnrolmentThrottle.WINDOW_NANOS - 10_000_000_000L);
        assertTrue(throttle.allows("192.168.1.50"));
        throttle.wrong("192.168.1.50");
        assertFalse(throttle.allows("192.168.1.50"));
    }

    @Test
    void manyAddressesTogetherGetThirty() {
        for (int i = 0; i < EnrolmentThrottle.OVERALL; i++) {
            String client = "10.0.0." + i;
            assertTrue(throttle.allows(client));
            throttle.wrong(client);
        }
        assertFalse(throttle.allows("10.0.1.1"), "a new address too, while the minute lasts");
        now.addAndGet(EnrolmentThrottle.WINDOW_NANOS);
        assertTrue(throttle.allows("10.0.1.1"));
    }

    @Test
    void thousandsOfAddressesAreNotKeptForever() {
        for (int i = 0; i < 5000; i++) {
            throttle.wrong("10." + (i / 256) + "." + (i % 256) + ".1");
            now.addAndGet(EnrolmentThrottle.WINDOW_NANOS);
        }
        assertTrue(throttle.allows("10.0.0.1"));
    }
}
