package org.communitykiosk.core.internal.staff;

import java.time.Duration;

import org.communitykiosk.core.internal.throttle.ThrottleRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checked staff sign-in settings. A value outside its range falls back to its default with a warning: a kiosk
 * whose staff can still sign in serves better than one whose sign-in does not start.
 */
record StaffPolicy(String realm, Duration passwordMaxAge, ThrottleRule.Backoff perName, ThrottleRule.Backoff perPlace) {

    private static final Logger LOG = LoggerFactory.getLogger(StaffPolicy.class);

    static StaffPolicy defaults() {
        return new StaffPolicy("karaf", Duration.ofMinutes(2),
                new ThrottleRule.Backoff(3, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(24)),
                new ThrottleRule.Backoff(10, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(24)));
    }

    static StaffPolicy from(StaffSignInConfig config) {
        StaffPolicy defaults = defaults();
        String realm = config.realm() == null || config.realm().isBlank() ? defaults.realm() : config.realm().strip();
        Duration maxAge = Duration.ofSeconds(within(config.passwordMaxAgeSeconds(), 10, 3600,
                defaults.passwordMaxAge().toSeconds(), "passwordMaxAgeSeconds"));
        Duration base = Duration.ofSeconds(within(config.backoffBaseSeconds(), 1, 300, 5, "backoffBaseSeconds"));
        Duration max = Duration.ofSeconds(within(config.backoffMaxSeconds(), base.toSeconds(), 86_400,
                Math.max(900, base.toSeconds()), "backoffMaxSeconds"));
        Duration forget = Duration.ofHours(within(config.failuresForgottenAfterHours(), 1, 720, 24,
                "failuresForgottenAfterHours"));
        int perName = (int) within(config.nameFreeFailures(), 1, 20, 3, "nameFreeFailures");
        int perPlace = (int) within(config.placeFreeFailures(), 1, 100, 10, "placeFreeFailures");
        return new StaffPolicy(realm, maxAge, new ThrottleRule.Backoff(perName, base, max, forget),
                new ThrottleRule.Backoff(perPlace, base, max, forget));
    }

    private static long within(long value, long min, long max, long fallback, String field) {
        if (value < min || value > max) {
            LOG.warn("staff sign-in setting {}={} is outside {}..{}, using {}", field, value, min, max, fallback);
            return fallback;
        }
        return value;
    }
}
