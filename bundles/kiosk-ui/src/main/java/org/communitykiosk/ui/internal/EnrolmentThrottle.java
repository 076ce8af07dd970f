package org.communitykiosk.ui.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits wrong pairing codes, so that nobody on the LAN can guess one within its ten minutes: at most
 * {@value #PER_CLIENT} wrong codes a minute from one address, and {@value #OVERALL} from all addresses together (an
 * attacker with many addresses). With 10^8 codes, guessing at the overall limit finds a given code within its ten
 * minutes with a chance of 3 in a million. Only wrong codes count: a device that types its code right is never held
 * up by another's guesses unless the overall limit is reached, and then for a minute at most.
 * <p>
 * In memory: a restart forgets the counts, and costs the attacker the restart's minute. Thread-safe.
 */
final class EnrolmentThrottle {

    static final int PER_CLIENT = 10;
    static final int OVERALL = 30;
    static final long WINDOW_NANOS = 60_000_000_000L;
    /** Addresses remembered at most; the oldest are forgotten first (their minute is over by then anyway). */
    private static final int CLIENTS_MAX = 1000;

    private final LongSupplier nanoTime;
    private final Deque<Long> overall = new ArrayDeque<>();
    private final Map<String, Deque<Long>> perClient = new LinkedHashMap<>();

    EnrolmentThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether this address may try a code now. */
    synchronized boolean allows(String client) {
        long now = nanoTime.getAsLong();
        expire(overall, now);
        Deque<Long> mine = perClient.get(client);
        if (mine != null) {
            expire(mine, now);
        }
        return overall.size() < OVERALL && (mine == null || mine.size() < PER_CLIENT);
    }

    /** Counts a wrong code from this address. */
    synchronized void wrong(String client) {
        long now = nanoTime.getAsLong();
        overall.addLast(now);
        perClient.computeIfAbsent(client, k -> new ArrayDeque<>()).addLast(now);
        if (perClient.size() > CLIENTS_MAX) {
            Iterator<Map.Entry<String, Deque<Long>>> oldest = perClient.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private static void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
            times.removeFirst();
        }
    }
}
