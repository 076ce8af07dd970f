package org.communitykiosk.core.internal.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the platform knows about database-specific error codes, in one place, so that plugin code and the rest
 * of core stay portable between the embedded Derby of a single kiosk and a district's shared PostgreSQL.
 */
public final class SqlStates {

    /** Unique or primary key violation: the same on Derby and PostgreSQL. */
    public static final String DUPLICATE_KEY = "23505";

    private static final Set<String> RETRYABLE = Set.of(
            "40001", // Derby deadlock; PostgreSQL serialization failure
            "40XL1", // Derby lock wait timeout
            "40XL2", // Derby lock wait timeout, with lock table dump
            "40P01", // PostgreSQL deadlock
            "55P03"); // PostgreSQL lock_timeout (when an administrator sets one)

    private static final Set<String> ALREADY_EXISTS = Set.of(
            "X0Y32", // Derby: table, view or index already exists
            "42P07"); // PostgreSQL: duplicate table or index

    private SqlStates() {
    }

    /**
     * Whether the transaction lost a lock conflict and may succeed when run again. Derby and PostgreSQL both end the
     * whole transaction in that case, so only the outermost level may retry.
     */
    public static boolean isRetryable(Throwable failure) {
        return anyState(failure, RETRYABLE);
    }

    /** Whether a CREATE failed because the table or index is already there (another kiosk created it first). */
    public static boolean isAlreadyExists(Throwable failure) {
        return anyState(failure, ALREADY_EXISTS);
    }

    public static boolean isDuplicateKey(Throwable failure) {
        return anyState(failure, Set.of(DUPLICATE_KEY));
    }

    /**
     * Whether a duplicate key failure names the constraint. Both databases put the constraint name in the message
     * (Derby upper-cased in quotes, PostgreSQL as declared), and neither offers it portably otherwise.
     */
    public static boolean violates(Throwable failure, String constraintName) {
        String wanted = constraintName.toLowerCase(Locale.ROOT);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (DUPLICATE_KEY.equals(e.getSQLState()) && e.getMessage() != null
                            && e.getMessage().toLowerCase(Locale.ROOT).contains(wanted)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean anyState(Throwable failure, Set<String> states) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // Derby chains the real cause behind generic states such as 40XC0; look at every link
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && states.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
