package org.communitykiosk.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.communitykiosk.api.plugin.AwakeLease;
import org.communitykiosk.ui.internal.IdleTimer.Phase;
import org.communitykiosk.ui.internal.IdleTimer.State;
import org.junit.jupiter.api.Test;

/** The server's idle timing and the keep-awake lease, on a clock the test moves. */
class IdleTimerTest {

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX = Duration.ofMinutes(10);

    private final TestClock clock = new TestClock();
    private final IdleTimer timer = new IdleTimer(clock);

    @Test
    void theCountdownShowsInTheLastQuarterAndTheSessionExpiresAtTheTimeout() {
        assertEquals(new State(Phase.AWAKE, 60), timer.state(TIMEOUT));
        clock.advance(Duration.ofSeconds(44));
        assertEquals(Phase.AWAKE, timer.state(TIMEOUT).phase());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new State(Phase.WARNING, 15), timer.state(TIMEOUT), "15 s countdown for a 60 s timeout");
        clock.advance(Duration.ofMillis(14_500));
        assertEquals(new State(Phase.WARNING, 1), timer.state(TIMEOUT), "seconds left are rounded up");
        clock.advance(Duration.ofMillis(500));
        assertEquals(new State(Phase.EXPIRED, 0), timer.state(TIMEOUT));
    }

    @Test
    void activityStartsTheIdleTimeAgain() {
        clock.advance(Duration.ofSeconds(50));
        assertEquals(Phase.WARNING, timer.state(TIMEOUT).phase());
        timer.activity();
        assertEquals(new State(Phase.AWAKE, 60), timer.state(TIMEOUT));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Phase.WARNING, timer.state(TIMEOUT).phase());
    }

    @Test
    void aLeaseKeepsTheSessionAwakeAndTheIdleTimeStartsAtItsEnd() {
        AwakeLease lease = timer.lease(MAX);
        clock.advance(Duration.ofMinutes(5));
        assertTrue(lease.active());
        assertEquals(Phase.AWAKE, timer.state(TIMEOUT).phase(), "5 min without a touch, but told to sit still");
        lease.close();
        assertFalse(lease.active());
        assertEquals(new State(Phase.AWAKE, 60), timer.state(TIMEOUT), "idle from the lease's end");
        clock.advance(TIMEOUT);
        assertEquals(Phase.EXPIRED, timer.state(TIMEOUT).phase());
        lease.close();
        assertEquals(Phase.EXPIRED, timer.state(TIMEOUT).phase(), "closing twice changes nothing");
    }

    @Test
    void aLeaseNobodyClosesEndsAtTheMaximum() {
        AwakeLease lease = timer.lease(MAX);
        clock.advance(MAX.minusSeconds(1));
        assertTrue(lease.active());
        assertEquals(Phase.AWAKE, timer.state(TIMEOUT).phase());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(lease.active(), "ended by the platform at the maximum");
        assertEquals(new State(Phase.AWAKE, 60), timer.state(TIMEOUT));
        clock.advance(TIMEOUT);
        assertEquals(Phase.EXPIRED, timer.state(TIMEOUT).phase(), "signed out a timeout after the maximum");
    }

    @Test
    void aLeaseClosedLateCountsOnlyUpToItsMaximum() {
        AwakeLease lease = timer.lease(MAX);
        clock.advance(MAX.plus(TIMEOUT));
        lease.close();
        assertEquals(Phase.EXPIRED, timer.state(TIMEOUT).phase(), "a late close does not extend the session");
    }

    @Test
    void signOutEndsEveryLease() {
        AwakeLease first = timer.lease(MAX);
        AwakeLease second = timer.lease(MAX);
        assertTrue(timer.leased());
        timer.endLeases();
        assertFalse(first.active());
        assertFalse(second.active());
        assertFalse(timer.leased());
        clock.advance(TIMEOUT);
        assertEquals(Phase.EXPIRED, timer.state(TIMEOUT).phase());
    }

    @Test
    void oneActiveLeaseAmongEndedOnesStillKeepsTheSessionAwake() {
        AwakeLease ended = timer.lease(MAX);
        AwakeLease held = timer.lease(MAX);
        clock.advance(Duration.ofMinutes(1));
        ended.close();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Phase.AWAKE, timer.state(TIMEOUT).phase());
        held.close();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Phase.WARNING, timer.state(TIMEOUT).phase(), "idle from the later lease's end");
    }

    @Test
    void theMonotonicClockDoesNotFollowTheSystemClock() throws InterruptedException {
        MonotonicClock monotonic = new MonotonicClock();
        Instant first = monotonic.instant();
        Thread.sleep(20);
        Duration passed = Duration.between(first, monotonic.instant());
        assertTrue(passed.toMillis() >= 19 && passed.toMillis() < 5_000, passed.toString());
    }
}
