package org.communitykiosk.core.internal.resident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.core.internal.throttle.ThrottleRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When wrong PINs lock a resident's PIN, and each place's budget of PIN failures. The failures of a resident are
 * counted from their last correct PIN and never restart at a lock: every {@code perLock}-th wrong PIN locks, for the
 * next lockout of the list, and the one after the list's last locks until staff unlock. With the defaults a guesser
 * gets 20 tries at one resident's PIN in all (5 + 5 + 5 + 5, over more than five hours), where a lock that restarted
 * every 15 minutes gave 480 a day.
 *
 * @param perLock wrong PINs in a row per lock
 * @param lockouts how long each timed lock lasts, in order
 * @param placeBudget PIN failures at one place, and the pause that spends it
 */
record PinPolicy(int perLock, List<Duration> lockouts, ThrottleRule.Budget placeBudget) {

    private static final Logger LOG = LoggerFactory.getLogger(PinPolicy.class);

    PinPolicy {
        lockouts = List.copyOf(lockouts);
    }

    static PinPolicy defaults() {
        return new PinPolicy(5, List.of(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4)),
                new ThrottleRule.Budget(10, Duration.ofMinutes(15), Duration.ofMinutes(15)));
    }

    static PinPolicy from(IdentificationConfig config) {
        PinPolicy defaults = defaults();
        int perLock = config.pinFailuresPerLock();
        if (perLock < 3 || perLock > 10) {
            LOG.warn("identification setting pinFailuresPerLock={} is outside 3..10, using {}", perLock,
                    defaults.perLock());
            perLock = defaults.perLock();
        }
        List<Duration> lockouts = minutes(config.pinLockoutMinutes()).orElseGet(() -> {
            LOG.warn("identification setting pinLockoutMinutes={} is not a list of 1 to 10 minutes from 1 to 10080,"
                    + " using 15,60,240", config.pinLockoutMinutes());
            return defaults.lockouts();
        });
        int budget = config.pinPlaceBudget();
        if (budget < 3 || budget > 1000) {
            LOG.warn("identification setting pinPlaceBudget={} is outside 3..1000, using 10", budget);
            budget = 10;
        }
        int pause = config.pinPlacePauseSeconds();
        if (pause < 10 || pause > 86_400) {
            LOG.warn("identification setting pinPlacePauseSeconds={} is outside 10..86400, using 900", pause);
            pause = 900;
        }
        Duration pauseFor = Duration.ofSeconds(pause);
        // a place's failures are forgotten after a quiet quarter of an hour, or a pause if that is longer
        Duration forget = pauseFor.compareTo(Duration.ofMinutes(15)) > 0 ? pauseFor : Duration.ofMinutes(15);
        return new PinPolicy(perLock, lockouts, new ThrottleRule.Budget(budget, pauseFor, forget));
    }

    private static Optional<List<Duration>> minutes(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Duration> list = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                long minutes = Long.parseLong(part.strip());
                if (minutes < 1 || minutes > 10_080) {
                    return Optional.empty();
                }
                list.add(Duration.ofMinutes(minutes));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return list.isEmpty() || list.size() > 10 ? Optional.empty() : Optional.of(list);
    }

    /** Wrong PINs from which the PIN stays locked until staff unlock it. */
    int untilUnlockAfter() {
        return perLock * (lockouts.size() + 1);
    }

    /** Whether a PIN with this many failures is locked until staff unlock it, whatever the time. */
    boolean lockedForGood(int failures) {
        return failures >= untilUnlockAfter();
    }

    /** The lock that the {@code failures}-th wrong PIN in a row starts, if it starts one. */
    Optional<Lock> lockAfter(int failures, Instant now) {
        if (failures <= 0 || failures % perLock != 0) {
            return Optional.empty();
        }
        int nth = failures / perLock;
        if (nth > lockouts.size()) {
            return Optional.of(new Lock(null));
        }
        return Optional.of(new Lock(now.plus(lockouts.get(nth - 1))));
    }

    /** Wrong PINs left before the next lock. */
    int leftBeforeLock(int failures) {
        return perLock - failures % perLock;
    }

    /** A lock on a PIN: until a time, or until staff unlock it ({@code until} is {@code null}). */
    record Lock(Instant until) {
    }
}
