package org.communitykiosk.core.internal.resident;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Unknown cards per place, and whether card reading at a place is paused. A place may read {@code allowance} unknown
 * cards within {@code window}; the next one pauses card reading there for {@code firstPause}, and every further pause
 * is twice as long as the one before, up to {@code longestPause}, until the place has read no unknown card for
 * {@code forgiveAfter} after its last pause ended. A pause refuses every card at the place (whether a card is known is only learnt by looking it
 * up, which is what the pause withholds); reads refused during a pause do not lengthen it. Reads already being looked up
 * when a pause starts are not counted (at most one per reader busy at that place, a screen has one).
 * <p>
 * Time is the JVM's monotonic clock: a wall clock set back (or forward) neither stretches a pause nor lifts it. A read
 * while no pause is running costs one map lookup and one volatile read, so that 50 reads a second cost nothing
 * measurable; only unknown cards take the place's lock. Places are the kiosk's screen and its enrolled devices, so the
 * map stays small; should it ever grow (a caller using other keys), places quiet for {@code forgiveAfter} are dropped.
 */
final class CardThrottle {

    /** How much a place may read, and how it is paused. */
    record Policy(int allowance, Duration window, Duration firstPause, Duration longestPause, Duration forgiveAfter) {

        Policy {
            if (allowance < 1 || window.isNegative() || window.isZero() || firstPause.isNegative()
                    || longestPause.compareTo(firstPause) < 0 || forgiveAfter.isNegative()) {
                throw new IllegalArgumentException("card throttle: " + allowance + " per " + window + ", pauses "
                        + firstPause + " to " + longestPause + ", forgiven after " + forgiveAfter);
            }
        }
    }

    static final int PLACES_BEFORE_CLEAN_UP = 1000;

    private final LongSupplier nanos;
    private final Map<String, Place> places = new ConcurrentHashMap<>();
    private volatile Policy policy;

    /** @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime}; a fake one in tests) */
    CardThrottle(Policy policy, LongSupplier nanos) {
        this.policy = policy;
        this.nanos = nanos;
    }

    /** A new policy applies from the next read; pauses running go on as they were set. */
    void policy(Policy policy) {
        this.policy = policy;
    }

    /** The rest of the pause at the place, or {@link Duration#ZERO} when cards may be read there. */
    Duration pausedFor(String place) {
        Place state = places.get(place);
        if (state == null) {
            return Duration.ZERO;
        }
        long left = state.pausedUntil - nanos.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * Counts an unknown card read at the place (while it was not paused).
     *
     * @return the pause that starts with this card, or {@link Duration#ZERO} when the place may go on reading
     */
    Duration unknown(String place) {
        Policy rules = policy;
        if (places.size() >= PLACES_BEFORE_CLEAN_UP && !places.containsKey(place)) {
            forgetQuietPlaces(rules);
        }
        long now = nanos.getAsLong();
        Place state = places.computeIfAbsent(place, k -> new Place(now));
        synchronized (state) {
            if (state.pausedUntil - now > 0) {
                // looked up by a read that found the place unpaused just before another read paused it: it neither
                // counts towards the next pause nor starts one of its own
                return Duration.ZERO;
            }
            // quiet since the last unknown card or the end of the last pause, whichever is later
            long quietSince = state.lastUnknown - state.pausedUntil > 0 ? state.lastUnknown : state.pausedUntil;
            if (state.everUnknown && now - quietSince >= rules.forgiveAfter().toNanos()) {
                state.strikes = 0;
            }
            state.everUnknown = true;
            state.lastUnknown = now;
            while (!state.recent.isEmpty() && now - state.recent.peekFirst() >= rules.window().toNanos()) {
                state.recent.pollFirst();
            }
            state.recent.addLast(now);
            if (state.recent.size() <= rules.allowance()) {
                return Duration.ZERO;
            }
            state.recent.clear();
            Duration pause = pause(rules, state.strikes);
            state.strikes++;
            state.pausedUntil = now + pause.toNanos();
            return pause;
        }
    }

    /** The pause after {@code strikes} earlier ones: doubling from the first, at most the longest. */
    static Duration pause(Policy rules, int strikes) {
        Duration pause = rules.firstPause();
        for (int i = 0; i < strikes && pause.compareTo(rules.longestPause()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(rules.longestPause()) > 0 ? rules.longestPause() : pause;
    }

    private void forgetQuietPlaces(Policy rules) {
        long now = nanos.getAsLong();
        places.entrySet().removeIf(entry -> {
            Place state = entry.getValue();
            synchronized (state) {
                long quiet = rules.forgiveAfter().toNanos();
                return now - state.pausedUntil >= quiet && now - state.lastUnknown >= quiet;
            }
        });
    }

    /** Number of places with state, for tests. */
    int places() {
        return places.size();
    }

    /** One place's unknown cards; guarded by itself, except the pause end, which readers see without the lock. */
    private static final class Place {

        final ArrayDeque<Long> recent = new ArrayDeque<>();
        /** Not paused: a time already past (the monotonic clock's values may be negative, so no fixed sentinel). */
        volatile long pausedUntil;
        long lastUnknown;
        boolean everUnknown;
        int strikes;

        Place(long now) {
            this.pausedUntil = now;
        }
    }
}
