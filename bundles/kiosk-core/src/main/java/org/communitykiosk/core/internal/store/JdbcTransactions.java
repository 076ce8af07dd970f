package org.communitykiosk.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.communitykiosk.api.store.SqlWork;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions on the kiosk database. The connection of the running transaction is kept per thread, so that services
 * called inside a transaction join it; only the outermost level commits, rolls back, retries and closes.
 */
@Component(service = Transactions.class)
public final class JdbcTransactions implements Transactions {

    /** Runs after the first attempt: lock conflicts between kiosks are short, so a few quick tries settle them. */
    static final int MAX_RETRIES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    @Activate
    public JdbcTransactions(
            @Reference(name = "dataSource", target = "(dataSourceName=kioskdb)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean active() {
        return current.get() != null;
    }

    @Override
    public <T> T required(SqlWork<T> work) {
        Connection joined = current.get();
        if (joined != null) {
            return joinedRun(joined, work);
        }
        for (int attempt = 0;; attempt++) {
            try {
                return outermostRun(work);
            } catch (SQLException e) {
                if (attempt < MAX_RETRIES && SqlStates.isRetryable(e)) {
                    backOff(attempt, e);
                    continue;
                }
                throw new StoreException("transaction failed", e);
            } catch (StoreException e) {
                // a nested level turned the conflict into a StoreException; the whole transaction is lost either way
                if (attempt < MAX_RETRIES && SqlStates.isRetryable(e)) {
                    backOff(attempt, e);
                    continue;
                }
                throw e;
            }
        }
    }

    private static <T> T joinedRun(Connection connection, SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            // the outermost level decides about rollback and retry; it recognises the SQLState inside
            throw new StoreException("statement failed", e);
        }
    }

    private <T> T outermostRun(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            current.set(connection);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable failure) {
                rollbackQuietly(connection, failure);
                throw failure;
            } finally {
                current.remove();
                restoreAutoCommit(connection, autoCommit);
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the original failure is what the caller needs to see
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        // a pooled connection goes back as it came
        try {
            if (autoCommit && !connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("could not restore auto-commit", e);
        }
    }

    private static void backOff(int attempt, Exception conflict) {
        // randomised so that two kiosks that collided do not collide again in lock step
        long millis = 10L * (attempt + 1) + ThreadLocalRandom.current().nextLong(40);
        LOG.debug("lock conflict ({}), retry {} in {} ms", sqlState(conflict), attempt + 1, millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to retry", sqlCause(conflict));
        }
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String sqlState(Exception e) {
        if (e instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return e instanceof StoreException store ? store.sqlState() : null;
    }
}
