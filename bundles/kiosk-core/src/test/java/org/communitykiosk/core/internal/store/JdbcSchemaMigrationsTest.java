package org.communitykiosk.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.communitykiosk.api.store.Migration;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcSchemaMigrationsTest {

    private final TestDatabase db = new TestDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    private static final List<Migration> STEPS = List.of(
            Migration.of(2, "add colour", "ALTER TABLE demo_item ADD COLUMN colour VARCHAR(20)"),
            Migration.of(1, "items", "CREATE TABLE demo_item (id INTEGER PRIMARY KEY, name VARCHAR(20))"));

    @Test
    void appliesStepsOnceInVersionOrder() {
        assertEquals(2, db.migrations().migrate("demo", STEPS));
        assertEquals(List.of(1, 2), versions("demo"));

        // second call: nothing to do, the table is not created twice
        assertEquals(2, db.migrations().migrate("demo", STEPS));
        assertEquals(List.of(1, 2), versions("demo"));
        update("INSERT INTO demo_item (id, name, colour) VALUES (1, 'a', 'red')");
    }

    @Test
    void laterStepIsAppliedOnTopOfEarlierOnes() {
        db.migrations().migrate("demo", STEPS.subList(1, 2));
        assertEquals(List.of(1), versions("demo"));
        assertEquals(2, db.migrations().migrate("demo", STEPS));
        assertEquals(List.of(1, 2), versions("demo"));
    }

    @Test
    void failingStepRollsBackAndLeavesVersionUnchanged() {
        db.migrations().migrate("demo", STEPS);
        Migration broken = Migration.of(3, "broken",
                "CREATE TABLE demo_other (id INTEGER)",
                "ALTER TABLE demo_item ADD COLUMN nonsense NO_SUCH_TYPE");

        assertThrows(StoreException.class,
                () -> db.migrations().migrate("demo", List.of(STEPS.get(0), STEPS.get(1), broken)));

        assertEquals(List.of(1, 2), versions("demo"));
        // the first statement of the broken step was rolled back with it
        update("CREATE TABLE demo_other (id INTEGER)");
    }

    @Test
    void ownersAreIndependent() {
        db.migrations().migrate("demo", STEPS);
        assertEquals(1, db.migrations().migrate("other",
                List.of(Migration.of(1, "t", "CREATE TABLE other_t (id INTEGER)"))));
        assertEquals(List.of(1, 2), versions("demo"));
        assertEquals(List.of(1), versions("other"));
    }

    @Test
    void concurrentCallersForOneOwnerApplyEachStepOnce() throws Exception {
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return db.migrations().migrate("demo", STEPS);
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(2, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(1, 2), versions("demo"));
    }

    @Test
    void refusesToRunInsideTheCallersTransaction() {
        assertThrows(IllegalStateException.class,
                () -> db.transactions().required(c -> db.migrations().migrate("demo", STEPS)));
    }

    @Test
    void coreTablesAreThere() {
        assertTrue(versions("kiosk").containsAll(List.of(1, 2)));
    }

    private List<Integer> versions(String owner) {
        return db.transactions().required(c -> {
            List<Integer> versions = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                    "SELECT version FROM kiosk_schema_version WHERE owner = '" + owner + "' ORDER BY version")) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
            return versions;
        });
    }

    private void update(String sql) {
        db.transactions().required(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }
}
