package org.communitykiosk.core.internal.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.communitykiosk.core.internal.throttle.Throttle.Kind;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    static final ThrottleRule.Backoff BACKOFF = new ThrottleRule.Backoff(2, Duration.ofSeconds(5),
            Duration.ofMinutes(1), Duration.ofHours(1));

    private final TestDatabase db = new TestDatabase();
    private final Throttle throttle;

    ThrottleTest() {
        db.migrations().migrate(SignInSchema.OWNER, SignInSchema.STEPS);
        throttle = new Throttle(db.transactions(), db.clock());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBackOffDoublesFromTheFirstWaitUpToTheLongest() {
        assertEquals(List.of(0L, 0L, 5L, 10L, 20L, 40L, 60L, 60L),
                IntStream.rangeClosed(1, 8).mapToObj(n -> BACKOFF.waitAfter(n).toSeconds()).toList());
        assertEquals(Duration.ofMinutes(1), BACKOFF.waitAfter(Integer.MAX_VALUE), "no overflow");
        assertThrows(IllegalArgumentException.class, () -> new ThrottleRule.Backoff(1, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofHours(1)));
    }

    @Test
    void aBudgetPausesAtEveryMultiple() {
        ThrottleRule.Budget budget = new ThrottleRule.Budget(3, Duration.ofMinutes(15), Duration.ofMinutes(15));
        assertEquals(List.of(0L, 0L, 900L, 0L, 0L, 900L),
                IntStream.rangeClosed(1, 6).mapToObj(n -> budget.waitAfter(n).toSeconds()).toList());
    }

    @Test
    void failuresAreCountedPerKindAndKeyAndStartTheirWaits() {
        assertFalse(throttle.fail(Kind.STAFF_PLACE, "screen", BACKOFF).startedWait());
        assertFalse(throttle.fail(Kind.STAFF_PLACE, "screen", BACKOFF).startedWait());
        assertTrue(throttle.waitingUntil(Kind.STAFF_PLACE, "screen").isEmpty());
        Throttle.Failure third = throttle.fail(Kind.STAFF_PLACE, "screen", BACKOFF);
        assertEquals(3, third.failures());
        assertEquals(Duration.ofSeconds(5), third.delay());
        assertEquals(db.clock().instant().plusSeconds(5), throttle.waitingUntil(Kind.STAFF_PLACE, "screen")
                .orElseThrow());
        assertTrue(throttle.waitingUntil(Kind.PIN_PLACE, "screen").isEmpty(), "another kind");
        assertTrue(throttle.waitingUntil(Kind.STAFF_PLACE, "device:1").isEmpty(), "another key");
        db.clock().advance(Duration.ofSeconds(5));
        assertTrue(throttle.waitingUntil(Kind.STAFF_PLACE, "screen").isEmpty(), "the wait is over");
        assertEquals(Duration.ofSeconds(10), throttle.fail(Kind.STAFF_PLACE, "screen", BACKOFF).delay());
    }

    @Test
    void aQuietHourForgetsTheRunAndClearForgetsAtOnce() {
        for (int i = 0; i < 3; i++) {
            throttle.fail(Kind.STAFF_NAME, "k", BACKOFF);
        }
        db.clock().advance(Duration.ofMinutes(61));
        assertEquals(1, throttle.fail(Kind.STAFF_NAME, "k", BACKOFF).failures());
        throttle.fail(Kind.STAFF_NAME, "k", BACKOFF);
        throttle.clear(Kind.STAFF_NAME, "k");
        assertEquals(1, throttle.fail(Kind.STAFF_NAME, "k", BACKOFF).failures());
    }

    @Test
    void concurrentFirstFailuresAreEachCounted() throws Exception {
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Throttle.Failure>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return throttle.fail(Kind.PIN_PLACE, "screen", BACKOFF);
                }));
            }
            List<Integer> counts = new ArrayList<>();
            for (Future<Throttle.Failure> result : results) {
                counts.add(result.get(30, TimeUnit.SECONDS).failures());
            }
            counts.sort(null);
            assertEquals(List.of(1, 2, 3, 4), counts);
        } finally {
            pool.shutdownNow();
        }
    }
}
