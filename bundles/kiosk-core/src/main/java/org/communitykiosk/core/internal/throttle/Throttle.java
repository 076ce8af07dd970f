package org.communitykiosk.core.internal.throttle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.store.Jdbc;
import org.communitykiosk.core.internal.store.SqlStates;

/**
 * Failure counts and waits of sign-in attempts, kept in the database: a restart does not reset them, and kiosks
 * sharing one database share them. Each row counts one kind of thing (a staff user name, a place) under a key. A
 * failure is counted by an UPDATE first, which takes the row's lock, so that concurrent failures are counted one after
 * the other; the first failure of a key inserts its row.
 */
public final class Throttle {

    /** What a row counts. */
    public enum Kind {
        /** Failed staff sign-ins per user name, keyed by a keyed hash of the name. */
        STAFF_NAME("staff.name"),
        /** Failed staff sign-ins per place. */
        STAFF_PLACE("staff.place"),
        /** Failed PIN sign-ins per place: the place's budget. */
        PIN_PLACE("pin.place");

        final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private final Transactions transactions;
    private final Clock clock;

    public Throttle(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Until when the key must wait, if it must wait now. */
    public Optional<Instant> waitingUntil(Kind kind, String key) {
        Instant now = clock.instant();
        return transactions.required(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT locked_until FROM kiosk_signin_throttle WHERE kind = ? AND throttle_key = ?")) {
                select.setString(1, kind.column);
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Instant>empty();
                    }
                    Instant until = Jdbc.getInstant(rows, "locked_until");
                    return until != null && until.isAfter(now) ? Optional.of(until) : Optional.<Instant>empty();
                }
            }
        });
    }

    /**
     * Counts a failure of the key and starts the wait the rule gives for it.
     *
     * @return the failure counted, and the wait it started (none when zero)
     */
    public Failure fail(Kind kind, String key, ThrottleRule rule) {
        Instant now = clock.instant();
        Instant forgotten = now.minus(rule.forgetAfter());
        return transactions.required(c -> {
            if (count(c, kind, key, now, forgotten) == 0) {
                // portable "insert unless there": a concurrent first failure wins the insert, this one then counts
                Savepoint before = c.setSavepoint();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO kiosk_signin_throttle "
                        + "(kind, throttle_key, failures, last_failure, locked_until) VALUES (?, ?, 1, ?, NULL)")) {
                    insert.setString(1, kind.column);
                    insert.setString(2, key);
                    Jdbc.setInstant(insert, 3, now);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!SqlStates.isDuplicateKey(e)) {
                        throw e;
                    }
                    c.rollback(before);
                    count(c, kind, key, now, forgotten);
                }
            }
            int failures;
            Instant lockedUntil;
            try (PreparedStatement select = c.prepareStatement("SELECT failures, locked_until "
                    + "FROM kiosk_signin_throttle WHERE kind = ? AND throttle_key = ?")) {
                select.setString(1, kind.column);
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    failures = rows.getInt("failures");
                    lockedUntil = Jdbc.getInstant(rows, "locked_until");
                }
            }
            Duration wait = rule.waitAfter(failures);
            if (wait.isZero()) {
                return new Failure(failures, Duration.ZERO);
            }
            Instant until = now.plus(wait);
            if (lockedUntil == null || until.isAfter(lockedUntil)) {
                try (PreparedStatement lock = c.prepareStatement("UPDATE kiosk_signin_throttle SET locked_until = ? "
                        + "WHERE kind = ? AND throttle_key = ?")) {
                    Jdbc.setInstant(lock, 1, until);
                    lock.setString(2, kind.column);
                    lock.setString(3, key);
                    lock.executeUpdate();
                }
            }
            return new Failure(failures, wait);
        });
    }

    /** Forgets the key's failures (a correct password for a user name). */
    public void clear(Kind kind, String key) {
        transactions.required(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM kiosk_signin_throttle WHERE kind = ? AND throttle_key = ?")) {
                delete.setString(1, kind.column);
                delete.setString(2, key);
                return delete.executeUpdate();
            }
        });
    }

    /** One more failure on an existing row; a run whose last failure is forgotten starts again at one. */
    private static int count(Connection c, Kind kind, String key, Instant now, Instant forgotten)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE kiosk_signin_throttle SET "
                + "failures = CASE WHEN last_failure < ? THEN 1 ELSE failures + 1 END, last_failure = ? "
                + "WHERE kind = ? AND throttle_key = ?")) {
            Jdbc.setInstant(update, 1, forgotten);
            Jdbc.setInstant(update, 2, now);
            update.setString(3, kind.column);
            update.setString(4, key);
            return update.executeUpdate();
        }
    }

    /**
     * A failure as counted.
     *
     * @param failures the failures of the key in a row, this one included
     * @param delay the wait this failure started; zero for none
     */
    public record Failure(int failures, Duration delay) {

        public boolean startedWait() {
            return !delay.isZero();
        }
    }
}
