package org.communitykiosk.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.store.SqlWork;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path data;

    private final TestDatabase db = new TestDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void folderNamesAreTheStartTimeAndNeverReused() throws IOException {
        LocalDateTime at = LocalDateTime.of(2026, 3, 9, 7, 5, 1);
        Path first = Backups.folderFor(data, at);
        assertEquals("20260309-070501", first.getFileName().toString());
        Files.createDirectories(first);
        assertEquals("20260309-070501-2", Backups.folderFor(data, at).getFileName().toString());
        assertEquals(at, Backups.startedAt("20260309-070501-2").orElseThrow());
        assertTrue(Backups.startedAt("notes").isEmpty());
    }

    @Test
    void listsDatedFoldersNewestFirstAndIgnoresTheRest() throws IOException {
        Files.createDirectories(data.resolve("20260101-080000"));
        Files.createDirectories(data.resolve("20260301-080000"));
        Files.createDirectories(data.resolve("20260301-080000-2"));
        Files.createDirectories(data.resolve("restore-notes"));
        Files.writeString(data.resolve("20260401-080000"), "a file, not a backup");
        Backups backups = new Backups(db.transactions(), db.auditLog(), db.clock(), data);
        assertEquals(List.of("20260301-080000-2", "20260301-080000", "20260101-080000"),
                backups.list().stream().map(Backups.Backup::name).toList());
        assertEquals(List.of(), new Backups(db.transactions(), db.auditLog(), db.clock(), data.resolve("none")).list());
    }

    /** A real Derby online backup of the in-memory database, which then opens with its data. */
    @Test
    void backsUpTheDerbyDatabaseIntoADatedFolderThatOpensAgain() throws Exception {
        db.transactions().required(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE backup_probe (id INT)");
                s.execute("INSERT INTO backup_probe VALUES (42)");
            }
            return null;
        });
        Backups backups = new Backups(db.transactions(), db.auditLog(), db.clock(), data.resolve("backups"));
        Backups.Backup backup = backups.start(Actor.staff("admin"), SHANGHAI, java.util.Locale.ENGLISH);

        assertEquals(Backups.FOLDER_NAME.format(LocalDateTime.ofInstant(db.clock().instant(), SHANGHAI)),
                backup.name());
        assertEquals(List.of(backup.name()), backups.list().stream().map(Backups.Backup::name).toList());
        Path copy;
        try (Stream<Path> inside = Files.list(backup.folder())) {
            copy = inside.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertTrue(Files.exists(copy.resolve("service.properties")), "a Derby database directory");
        try (Connection restored = DriverManager.getConnection("jdbc:derby:" + copy.toAbsolutePath());
                ResultSet rows = restored.createStatement().executeQuery("SELECT id FROM backup_probe")) {
            assertTrue(rows.next());
            assertEquals(42, rows.getInt(1));
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + copy.toAbsolutePath() + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a shut-down database as an exception
            }
        }
        assertEquals("backup.start", db.auditLog().find(AuditQuery.latest(10)).get(0).action());
    }

    @Test
    void anotherDatabaseIsRefusedWithNothingWritten() {
        Transactions postgres = new Transactions() {
            @Override
            public <T> T required(SqlWork<T> work) {
                DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] { DatabaseMetaData.class },
                        (p, m, a) -> m.getName().equals("getDatabaseProductName") ? "PostgreSQL" : null);
                Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] { Connection.class }, (p, m, a) -> {
                            if (m.getName().equals("getMetaData")) {
                                return meta;
                            }
                            throw new AssertionError("nothing but the product name is asked: " + m.getName());
                        });
                try {
                    return work.run(connection);
                } catch (SQLException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public boolean active() {
                return false;
            }
        };
        FakeAudit audit = new FakeAudit();
        Backups backups = new Backups(postgres, audit, db.clock(), data);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> backups.start(Actor.staff("admin"), SHANGHAI, java.util.Locale.ENGLISH));
        assertEquals("backup.error.notDerby", e.problems().get(0).key());
        assertEquals(List.of("staff:admin backup.start backup refused: not Derby"), audit.lines);
        assertEquals(List.of(), backups.list());
        assertFalse(backups.list().iterator().hasNext());
    }

    /** A plugin that holds something a backup must not copy now (an open secret vote) stops it, in its words. */
    @Test
    void aBackupWaitsWhileAPluginHoldsItAndSaysWhy() throws Exception {
        Backups backups = new Backups(db.transactions(), db.auditLog(), db.clock(), data.resolve("held"));
        backups.holds.add(locale -> Optional.of("a vote is open in 六月议事会"));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> backups.start(Actor.staff("admin"), SHANGHAI, java.util.Locale.ENGLISH));
        assertEquals("backup.error.held", refused.problems().get(0).key());
        assertEquals(List.of("a vote is open in 六月议事会"), refused.problems().get(0).args());
        assertFalse(Files.exists(data.resolve("held")), "nothing was copied");
        backups.holds.clear();
        backups.holds.add(locale -> Optional.empty());
        Backups.Backup backup = backups.start(Actor.staff("admin"), SHANGHAI, java.util.Locale.ENGLISH);
        assertEquals(List.of(backup.name()), backups.list().stream().map(Backups.Backup::name).toList(),
                "a hold with nothing to hold lets the backup run");
    }
}
