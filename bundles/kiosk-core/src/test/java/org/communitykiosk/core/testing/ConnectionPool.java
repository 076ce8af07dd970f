package org.communitykiosk.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * A minimal fixed connection pool for benchmarks, as pax-jdbc gives the kiosk pooled connections (opening a Derby
 * connection per transaction would measure connection set-up instead of the work): close() hands the connection back
 * instead of closing it.
 */
public final class ConnectionPool implements DataSource {

    private final DataSource target;
    private final BlockingQueue<Connection> idle;

    public ConnectionPool(DataSource target, int size) throws SQLException {
        this.target = target;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(target.getConnection());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real;
        try {
            real = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (returned.compareAndSet(false, true)) {
                            idle.add(real);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed")) {
                        return returned.get();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public java.io.PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
        return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }

    /** Closes every connection; call it once the work is done. */
    public void closeAll() {
        for (Connection c : idle) {
            try {
                c.close();
            } catch (SQLException e) {
                // shutting down anyway
            }
        }
    }
}
