package org.communitykiosk.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.communitykiosk.api.store.Migration;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema steps per owner, recorded in {@code kiosk_schema_version}. Within this JVM, callers for the same
 * owner are serialised by a lock; between kiosks sharing one database the primary key of the version row decides:
 * whoever inserts it first has applied the step, the other rolls back and moves on.
 */
@Component(service = SchemaMigrations.class)
public final class JdbcSchemaMigrations implements SchemaMigrations {

    static final String VERSION_TABLE = "kiosk_schema_version";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchemaMigrations.class);
    private static final String CREATE_VERSION_TABLE = "CREATE TABLE " + VERSION_TABLE + " ("
            + "owner VARCHAR(64) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200), "
            + "applied_at TIMESTAMP, PRIMARY KEY (owner, version))";

    private final Transactions transactions;
    private final Clock clock;
    private final ConcurrentMap<String, ReentrantLock> ownerLocks = new ConcurrentHashMap<>();
    private final Object versionTableLock = new Object();
    private volatile boolean versionTableReady;

    @Activate
    public JdbcSchemaMigrations(
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "clock") Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int migrate(String owner, List<Migration> steps) {
        if (owner == null || owner.isBlank() || owner.length() > 64) {
            throw new IllegalArgumentException("owner must be 1 to 64 characters");
        }
        if (transactions.active()) {
            // each step must commit on its own; joining the caller's transaction would defeat that
            throw new IllegalStateException("migrate must not be called inside a transaction");
        }
        List<Migration> ordered = ordered(steps);
        ensureVersionTable();
        ReentrantLock lock = ownerLocks.computeIfAbsent(owner, o -> new ReentrantLock());
        lock.lock();
        try {
            Set<Integer> applied = appliedVersions(owner);
            for (Migration step : ordered) {
                if (!applied.contains(step.version())) {
                    apply(owner, step);
                    applied.add(step.version());
                }
            }
            return applied.stream().mapToInt(Integer::intValue).max().orElse(0);
        } finally {
            lock.unlock();
        }
    }

    private static List<Migration> ordered(List<Migration> steps) {
        List<Migration> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).version() == ordered.get(i - 1).version()) {
                throw new IllegalArgumentException("two steps with version " + ordered.get(i).version());
            }
        }
        return ordered;
    }

    private void apply(String owner, Migration step) {
        try {
            transactions.required(connection -> {
                // another kiosk may have applied it since we looked; the version row is read in this transaction
                if (isApplied(connection, owner, step.version())) {
                    return null;
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : step.statements()) {
                        statement.execute(sql);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + VERSION_TABLE
                        + " (owner, version, description, applied_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, owner);
                    insert.setInt(2, step.version());
                    insert.setString(3, Jdbc.truncate(step.description(), 200));
                    Jdbc.setInstant(insert, 4, clock.instant());
                    insert.executeUpdate();
                }
                return null;
            });
            LOG.info("schema {} migrated to version {}", owner, step.version());
        } catch (StoreException e) {
            // a duplicate version row or an "already exists" means a concurrent migrator won: fine if it is recorded
            if ((SqlStates.isDuplicateKey(e) || SqlStates.isAlreadyExists(e)) && appliedVersions(owner)
                    .contains(step.version())) {
                LOG.info("schema {} version {} was applied by another kiosk", owner, step.version());
                return;
            }
            throw e;
        }
    }

    private Set<Integer> appliedVersions(String owner) {
        return transactions.required(connection -> {
            Set<Integer> versions = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT version FROM " + VERSION_TABLE + " WHERE owner = ?")) {
                query.setString(1, owner);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        versions.add(rows.getInt(1));
                    }
                }
            }
            return versions;
        });
    }

    private static boolean isApplied(Connection connection, String owner, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM " + VERSION_TABLE + " WHERE owner = ? AND version = ?")) {
            query.setString(1, owner);
            query.setInt(2, version);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void ensureVersionTable() {
        if (versionTableReady) {
            return;
        }
        synchronized (versionTableLock) {
            if (versionTableReady) {
                return;
            }
            // trying to create is the portable way to ask: catalog queries differ between databases
            try {
                transactions.required(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(CREATE_VERSION_TABLE);
                    }
                    return null;
                });
            } catch (StoreException e) {
                if (!SqlStates.isAlreadyExists(e)) {
                    throw e;
                }
            }
            versionTableReady = true;
        }
    }
}
