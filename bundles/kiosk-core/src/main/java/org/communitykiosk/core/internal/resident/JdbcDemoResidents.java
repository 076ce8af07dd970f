package org.communitykiosk.core.internal.resident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.erasure.DemoResidents;
import org.communitykiosk.api.erasure.ResidentErasure;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.AuditActions;
import org.communitykiosk.core.internal.CoreSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo residents of the register ({@code kiosk_resident.demo}), and their removal with every plugin's rows about
 * them through the plugins' {@link ResidentErasure} services, all in one transaction. The residents go last, so that a
 * plugin can still read them while it erases.
 */
@Component(service = DemoResidents.class)
public final class JdbcDemoResidents implements DemoResidents {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDemoResidents.class);

    private final Transactions transactions;
    private final AuditLog audit;
    private final List<ResidentErasure> erasures = new CopyOnWriteArrayList<>();
    private final List<String> owners = new CopyOnWriteArrayList<>();

    @Activate
    public JdbcDemoResidents(@Reference(name = "transactions") Transactions transactions,
            @Reference(name = "migrations") SchemaMigrations migrations,
            @Reference(name = "audit") AuditLog audit,
            // the register migrates the core tables; referenced so that it has done so first
            @Reference(name = "residents") ResidentDirectory residents) {
        this.transactions = transactions;
        this.audit = audit;
        migrations.migrate(CoreSchema.OWNER, CoreSchema.STEPS);
    }

    @Reference(name = "erasure", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addErasure(ResidentErasure erasure, java.util.Map<String, Object> properties) {
        erasures.add(erasure);
        Object owner = properties.get(ResidentErasure.OWNER);
        owners.add(owner == null ? erasure.getClass().getName() : owner.toString());
    }

    void removeErasure(ResidentErasure erasure, java.util.Map<String, Object> properties) {
        int index = erasures.indexOf(erasure);
        if (index >= 0) {
            erasures.remove(index);
            owners.remove(index);
        }
    }

    @Override
    public int count() {
        return transactions.required(c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "SELECT COUNT(*) FROM kiosk_resident WHERE demo = ?")) {
                statement.setBoolean(1, true);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    @Override
    public int remove(Actor by) {
        List<ResidentErasure> taking = List.copyOf(erasures);
        List<String> named = List.copyOf(owners);
        int removed = transactions.required(c -> {
            Set<Long> ids = demoIds(c);
            if (ids.isEmpty()) {
                return 0;
            }
            StringJoiner rows = new StringJoiner(", ");
            for (int i = 0; i < taking.size(); i++) {
                int erased = taking.get(i).eraseResidents(Set.copyOf(ids), by);
                rows.add((i < named.size() ? named.get(i) : "?") + " " + erased);
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM kiosk_resident WHERE demo = ?")) {
                delete.setBoolean(1, true);
                delete.executeUpdate();
            }
            audit.record(by, AuditActions.DEMO_REMOVE, "residents:demo",
                    ids.size() + " demo residents; rows erased: " + (rows.length() == 0 ? "none" : rows));
            return ids.size();
        });
        LOG.info("demo community removed: {} residents, by {}", removed, by);
        return removed;
    }

    private static Set<Long> demoIds(Connection c) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        try (PreparedStatement statement = c.prepareStatement("SELECT id FROM kiosk_resident WHERE demo = ?")) {
            statement.setBoolean(1, true);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Marks residents just created as demo residents, in the caller's transaction. */
    static void mark(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("UPDATE kiosk_resident SET demo = ? WHERE id = ?")) {
            for (long id : new ArrayList<>(ids)) {
                statement.setBoolean(1, true);
                statement.setLong(2, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
