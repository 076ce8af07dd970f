package org.communitykiosk.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTransactionsTest {

    private final TestDatabase db = new TestDatabase();
    private final Transactions tx = db.transactions();

    @BeforeEach
    void table() {
        update("CREATE TABLE t_account (id INTEGER PRIMARY KEY, balance INTEGER)");
        update("INSERT INTO t_account VALUES (1, 100)");
        update("INSERT INTO t_account VALUES (2, 100)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void nestedWorkJoinsTheOuterTransaction() {
        assertFalse(tx.active());
        tx.required(outer -> {
            assertTrue(tx.active());
            exec(outer, "UPDATE t_account SET balance = 50 WHERE id = 1");
            tx.required(inner -> {
                assertSame(outer, inner);
                assertEquals(50, balance(inner, 1)); // sees the outer's uncommitted write
                exec(inner, "UPDATE t_account SET balance = 150 WHERE id = 2");
                return null;
            });
            assertTrue(tx.active(), "the inner level must not end the transaction");
            return null;
        });
        assertFalse(tx.active());
        assertEquals(50, (int) tx.<Integer>required(c -> balance(c, 1)));
        assertEquals(150, (int) tx.<Integer>required(c -> balance(c, 2)));
    }

    @Test
    void runtimeExceptionRollsBackEverythingAndPropagatesUnchanged() {
        IllegalStateException thrown = new IllegalStateException("changed my mind");
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> tx.required(outer -> {
            exec(outer, "UPDATE t_account SET balance = 50 WHERE id = 1");
            tx.required(inner -> exec(inner, "UPDATE t_account SET balance = 150 WHERE id = 2"));
            throw thrown;
        }));
        assertSame(thrown, caught);
        assertFalse(tx.active());
        assertEquals(100, (int) tx.<Integer>required(c -> balance(c, 1)));
        assertEquals(100, (int) tx.<Integer>required(c -> balance(c, 2)));
    }

    @Test
    void commitsWhenWorkReturns() {
        assertEquals(1, (int) tx.<Integer>required(c -> exec(c, "UPDATE t_account SET balance = 70 WHERE id = 1")));
        assertEquals(70, (int) tx.<Integer>required(c -> balance(c, 1)));
    }

    @Test
    void sqlExceptionBecomesStoreException() {
        StoreException e = assertThrows(StoreException.class,
                () -> tx.required(c -> exec(c, "INSERT INTO t_account VALUES (1, 0)")));
        assertTrue(e.isDuplicateKey());
        StoreException nested = assertThrows(StoreException.class, () -> tx.required(
                outer -> tx.required(inner -> exec(inner, "SELECT nonsense FROM nowhere"))));
        assertEquals("42X05", nested.sqlState());
    }

    @Test
    void retriesAfterLockTimeout() {
        AtomicInteger runs = new AtomicInteger();
        int result = tx.required(c -> {
            exec(c, "UPDATE t_account SET balance = balance + 1 WHERE id = 1");
            if (runs.incrementAndGet() < 3) {
                throw new SQLTransactionRollbackException("A lock could not be obtained within the time requested",
                        "40XL1");
            }
            return balance(c, 1);
        });
        assertEquals(3, runs.get());
        assertEquals(101, result, "earlier attempts were rolled back");
    }

    @Test
    void retriesWhenANestedLevelReportsTheConflict() {
        AtomicInteger runs = new AtomicInteger();
        tx.required(outer -> tx.required(inner -> {
            if (runs.incrementAndGet() == 1) {
                throw new SQLException("deadlock", "40001");
            }
            return null;
        }));
        assertEquals(2, runs.get());
    }

    @Test
    void givesUpAfterFiveRetries() {
        AtomicInteger runs = new AtomicInteger();
        StoreException e = assertThrows(StoreException.class, () -> tx.required(c -> {
            runs.incrementAndGet();
            throw new SQLException("lock timeout", "40XL1");
        }));
        assertEquals("40XL1", e.sqlState());
        assertEquals(1 + JdbcTransactions.MAX_RETRIES, runs.get());
    }

    @Test
    void doesNotRetryOrdinaryFailures() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(StoreException.class, () -> tx.required(c -> {
            runs.incrementAndGet();
            throw new SQLException("disk full", "XSDG1");
        }));
        assertEquals(1, runs.get());
    }

    @Test
    void deadlockBetweenTwoThreadsIsRetriedUntilBothSucceed() throws Exception {
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> transfer(1, 2, bothHoldOneLock, runs));
            Future<?> b = pool.submit(() -> transfer(2, 1, bothHoldOneLock, runs));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(runs.get() >= 3, "one of the two must have run again, runs=" + runs.get());
        assertEquals(100, (int) tx.<Integer>required(c -> balance(c, 1)));
        assertEquals(100, (int) tx.<Integer>required(c -> balance(c, 2)));
    }

    /** Locks {@code from}, waits until the other thread holds its first lock too, then locks {@code to}. */
    private void transfer(int from, int to, CyclicBarrier barrier, AtomicInteger runs) {
        tx.required(c -> {
            int run = runs.incrementAndGet();
            exec(c, "UPDATE t_account SET balance = balance - 10 WHERE id = " + from);
            if (run <= 2) { // only the first round of both threads meets, so the retry can go through
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            exec(c, "UPDATE t_account SET balance = balance + 10 WHERE id = " + to);
            return null;
        });
    }

    private static int exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static int balance(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT balance FROM t_account WHERE id = " + id)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void update(String sql) {
        tx.required(c -> exec(c, sql));
    }
}
