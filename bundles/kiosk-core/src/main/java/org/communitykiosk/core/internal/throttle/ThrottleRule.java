package org.communitykiosk.core.internal.throttle;

import java.time.Duration;

/** How failures of one kind turn into waits. */
public interface ThrottleRule {

    /** The wait that the {@code failures}-th failure in a row starts; {@link Duration#ZERO} for none. */
    Duration waitAfter(int failures);

    /** A run of failures is forgotten when the last one is older than this. */
    Duration forgetAfter();

    /**
     * A back-off that grows: the first {@code free} failures cost nothing, each one after that doubles the wait,
     * starting at {@code base}, up to {@code max}. A guesser gets a few quick tries; a long guessing run slows to one
     * try per {@code max}.
     */
    record Backoff(int free, Duration base, Duration max, Duration forgetAfter) implements ThrottleRule {

        public Backoff {
            if (free < 0 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
                throw new IllegalArgumentException("free >= 0, 0 < base <= max");
            }
        }

        @Override
        public Duration waitAfter(int failures) {
            int over = failures - free;
            if (over <= 0) {
                return Duration.ZERO;
            }
            // doubling past 2^20 only overflows: max is reached long before
            Duration wait = base.multipliedBy(1L << Math.min(over - 1, 20));
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }

    /**
     * A budget: every {@code budget}-th failure pauses for {@code pause}. Unlike a back-off the pause does not grow:
     * it stops a guesser at one place without keeping everybody else there out for long.
     */
    record Budget(int budget, Duration pause, Duration forgetAfter) implements ThrottleRule {

        public Budget {
            if (budget < 1 || pause.isNegative() || pause.isZero()) {
                throw new IllegalArgumentException("budget >= 1, pause > 0");
            }
        }

        @Override
        public Duration waitAfter(int failures) {
            return failures > 0 && failures % budget == 0 ? pause : Duration.ZERO;
        }
    }
}
