package org.communitykiosk.ui.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.communitykiosk.api.plugin.AwakeLease;

/**
 * How long one session has been idle, as the server counts it: from the last activity the server saw (see
 * {@link Activity}), or from the end of the last keep-awake lease, whichever is later. While a lease is active the
 * session is awake. The page's own timer plays no part: what the page says about idleness is not trusted.
 * <p>
 * Safe to use from any thread: leases are closed from screens (under the session lock) and from device threads.
 */
final class IdleTimer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a session stands. */
    enum Phase {
        /** Someone is there, or a lease keeps the session awake. */
        AWAKE,
        /** The countdown is shown: the session ends when it runs out. */
        WARNING,
        /** The timeout has passed: sign the person out. */
        EXPIRED
    }

    /**
     * @param phase where the session stands
     * @param secondsLeft seconds until the session ends (0 when expired), rounded up, for the countdown
     */
    record State(Phase phase, long secondsLeft) {
    }

    private final transient Clock clock;
    private final List<Lease> leases = new ArrayList<>();
    private Instant lastActivity;

    IdleTimer(Clock clock) {
        this.clock = clock;
        this.lastActivity = clock.instant();
    }

    /** Something a person did reached the server. */
    synchronized void activity() {
        lastActivity = latest(lastActivity, clock.instant());
    }

    /** A lease that keeps the session awake until it is closed, or at the latest for {@code max}. */
    synchronized AwakeLease lease(Duration max) {
        Instant now = clock.instant();
        Lease lease = new Lease(now.plus(max));
        leases.add(lease);
        return lease;
    }

    /** At sign-out: every lease ends now (a lease of the last person must not keep the next one's session awake). */
    synchronized void endLeases() {
        Instant now = clock.instant();
        for (Lease lease : leases) {
            lease.end(now);
        }
        leases.clear();
    }

    /** Where the session stands for an idle timeout, with the countdown of {@link IdleCountdown#countdownFor}. */
    synchronized State state(Duration timeout) {
        Instant now = clock.instant();
        Instant since = lastActivity;
        for (Iterator<Lease> it = leases.iterator(); it.hasNext();) {
            Lease lease = it.next();
            Instant end = lease.endedAt(now);
            if (end == null) {
                return new State(Phase.AWAKE, timeout.toSeconds());
            }
            // an ended lease counts as activity at its end: the person was told to keep still until then
            lastActivity = latest(lastActivity, end);
            since = lastActivity;
            it.remove();
        }
        Duration idle = Duration.between(since, now);
        Duration left = timeout.minus(idle);
        if (left.isZero() || left.isNegative()) {
            return new State(Phase.EXPIRED, 0);
        }
        long secondsLeft = (left.toMillis() + 999) / 1000;
        if (left.compareTo(IdleCountdown.countdownFor(timeout)) <= 0) {
            return new State(Phase.WARNING, secondsLeft);
        }
        return new State(Phase.AWAKE, secondsLeft);
    }

    /** Whether any lease keeps the session awake right now. */
    synchronized boolean leased() {
        Instant now = clock.instant();
        return leases.stream().anyMatch(lease -> lease.endedAt(now) == null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** One lease: active until closed or until its deadline, whichever comes first. */
    private final class Lease implements AwakeLease {

        private final Instant deadline;
        private Instant closedAt;

        Lease(Instant deadline) {
            this.deadline = deadline;
        }

        @Override
        public void close() {
            synchronized (IdleTimer.this) {
                end(clock.instant());
            }
        }

        @Override
        public boolean active() {
            synchronized (IdleTimer.this) {
                return endedAt(clock.instant()) == null;
            }
        }

        void end(Instant now) {
            if (closedAt == null) {
                closedAt = now;
            }
        }

        /** When the lease ended, or {@code null} while it is active. */
        Instant endedAt(Instant now) {
            if (closedAt != null) {
                return closedAt.isBefore(deadline) ? closedAt : deadline;
            }
            return now.isBefore(deadline) ? null : deadline;
        }
    }
}
