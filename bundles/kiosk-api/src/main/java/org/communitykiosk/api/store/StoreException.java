package org.communitykiosk.api.store;

/**
 * A database failure that is not the caller's fault (disk, lost connection, conflict still lost after retries).
 * Screens show a generic translated "please try again" message for it.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public StoreException(String message, java.sql.SQLException cause) {
        super(message, cause);
        this.sqlState = cause == null ? null : cause.getSQLState();
    }

    /** SQLState of the underlying failure, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    /** Whether a unique or primary key constraint refused the write (SQLState 23505 on Derby and PostgreSQL). */
    public boolean isDuplicateKey() {
        return "23505".equals(sqlState);
    }
}
