package org.communitykiosk.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.ResidentCards;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.internal.audit.JdbcAuditLog;
import org.communitykiosk.core.internal.resident.JdbcResidentCards;
import org.communitykiosk.core.internal.resident.JdbcResidentDirectory;
import org.communitykiosk.core.internal.resident.PinIdentification;
import org.communitykiosk.core.internal.store.JdbcSchemaMigrations;
import org.communitykiosk.core.internal.store.JdbcTransactions;

/**
 * A fresh in-memory Derby database with the real core services wired by hand, for plugin unit tests: test your own
 * component against {@link #transactions()}, {@link #migrations()}, {@link #auditLog()} and {@link #clock()} exactly
 * as it runs in the kiosk, without OSGi and without mocks of the database.
 *
 * <pre>{@code
 * try (TestDatabase db = new TestDatabase()) {
 *     JdbcNoticeBoard board = new JdbcNoticeBoard(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
 *             db.settings());
 *     ...
 *     db.clock().advance(Duration.ofDays(8));
 *     assertEquals(List.of(), board.current());
 * }
 * }</pre>
 *
 * The core tables ({@code kiosk_schema_version}, {@code kiosk_audit}, {@code kiosk_resident}, {@code kiosk_card})
 * exist from the start;
 * the register is empty (no demo data). Each instance is its own database, so tests may run in parallel. Lock waits
 * are short (deadlock detection after 1 s, lock timeout after 5 s) so that a test provoking a conflict does not hang.
 * Plugins depend on the test jar plus Derby:
 *
 * <pre>{@code
 * <dependency><groupId>org.communitykiosk</groupId><artifactId>kiosk-core</artifactId>
 *   <version>${project.version}</version><type>test-jar</type><scope>test</scope></dependency>
 * <dependency><groupId>org.communitykiosk</groupId><artifactId>kiosk-core</artifactId>
 *   <version>${project.version}</version><scope>test</scope></dependency>
 * <dependency><groupId>org.apache.derby</groupId><artifactId>derby</artifactId><scope>test</scope></dependency>
 * <dependency><groupId>org.apache.derby</groupId><artifactId>derbytools</artifactId><scope>test</scope></dependency>
 * <dependency><groupId>org.apache.derby</groupId><artifactId>derbyshared</artifactId><scope>test</scope></dependency>
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

    static {
        // keep Derby's boot log out of the module directory
        if (System.getProperty("derby.stream.error.file") == null
                && System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.file",
                    System.getProperty("java.io.tmpdir") + java.io.File.separator + "kiosk-test-derby.log");
        }
    }

    private final String name;
    private final EmbeddedDataSource dataSource;
    private final MutableClock clock;
    private final KioskSettings settings;
    private final Transactions transactions;
    private final SchemaMigrations migrations;
    private final AuditLog auditLog;
    private final ResidentDirectory residents;
    private final Identification identification;
    private final ResidentCards cards;

    /** A new, empty database with the core tables; the clock starts at {@link MutableClock#START}. */
    public TestDatabase() {
        this.name = "kiosk-test-" + UUID.randomUUID();
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name);
        dataSource.setCreateDatabase("create");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '1')");
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '5')");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the in-memory test database", e);
        }
        this.clock = new MutableClock();
        this.settings = Settings.defaults();
        this.transactions = new JdbcTransactions(dataSource);
        this.migrations = new JdbcSchemaMigrations(transactions, clock);
        this.auditLog = new JdbcAuditLog(transactions, migrations, settings, clock);
        this.residents = new JdbcResidentDirectory(transactions, migrations, auditLog, clock);
        this.identification = new PinIdentification(residents, transactions, migrations, auditLog, settings, clock);
        this.cards = new JdbcResidentCards(residents, transactions, auditLog, clock);
    }

    /** The raw data source, for assertions on tables; production code goes through {@link #transactions()}. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The core transaction helper (nesting joins, retry on lock conflicts). */
    public Transactions transactions() {
        return transactions;
    }

    public SchemaMigrations migrations() {
        return migrations;
    }

    /** The audit log; entries are stamped with {@link #clock()} and kiosk id {@code kiosk-1}. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** The clock every service of this database uses; move it with {@link MutableClock#advance}. */
    public MutableClock clock() {
        return clock;
    }

    /** The built-in default kiosk settings (kiosk-1, zh-CN, Asia/Shanghai, demo data on). */
    public KioskSettings settings() {
        return settings;
    }

    /** The resident register (empty at first). */
    public ResidentDirectory residents() {
        return residents;
    }

    /**
     * The demo residents of the register, removed with the given plugins' parts of the erasure (for a plugin's test of
     * its {@link org.communitykiosk.api.erasure.ResidentErasure}).
     */
    public org.communitykiosk.api.erasure.DemoResidents demoResidents(
            org.communitykiosk.api.erasure.ResidentErasure... erasures) {
        org.communitykiosk.core.internal.resident.JdbcDemoResidents demo =
                new org.communitykiosk.core.internal.resident.JdbcDemoResidents(transactions, migrations, auditLog,
                        residents);
        for (org.communitykiosk.api.erasure.ResidentErasure erasure : erasures) {
            demo.addErasure(erasure, java.util.Map.of());
        }
        return demo;
    }

    /** Marks residents as demo residents, as the demo community does (for tests of the removal). */
    public void markDemo(long... residentIds) {
        transactions.required(c -> {
            try (java.sql.PreparedStatement update = c.prepareStatement(
                    "UPDATE kiosk_resident SET demo = ? WHERE id = ?")) {
                for (long id : residentIds) {
                    update.setBoolean(1, true);
                    update.setLong(2, id);
                    update.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Card, QR and phone-and-PIN identification against {@link #residents()}. */
    public Identification identification() {
        return identification;
    }

    /** Resident cards: {@code cards().issue(id, actor)} gives a resident a card to tap. */
    public ResidentCards cards() {
        return cards;
    }

    /** A new card for the resident, as staff issue it; returns its token's digits, what a card reader types. */
    public String newCard(long residentId) {
        return cards.issue(residentId, org.communitykiosk.api.Actor.staff("test")).token().digits();
    }

    /** Drops the in-memory database. */
    @Override
    public void close() {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName("memory:" + name);
        drop.setConnectionAttributes("drop=true");
        try (Connection ignored = drop.getConnection()) {
            throw new IllegalStateException("Derby did not drop " + name);
        } catch (SQLException e) {
            // Derby reports a successful drop as SQLState 08006
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot drop the in-memory test database", e);
            }
        }
    }
}
