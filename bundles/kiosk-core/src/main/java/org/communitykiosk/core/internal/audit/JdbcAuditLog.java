package org.communitykiosk.core.internal.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.CoreSchema;
import org.communitykiosk.core.internal.store.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit log in {@code kiosk_audit}; an entry commits or rolls back with the write it describes. */
@Component(service = AuditLog.class)
public final class JdbcAuditLog implements AuditLog {

    static final int DETAIL_MAX = 500;
    /** A screen shows a page of entries; more than this in one query is a mistake, not a need. */
    static final int LIMIT_MAX = 1000;

    private final Transactions transactions;
    private final KioskSettings settings;
    private final Clock clock;

    @Activate
    public JdbcAuditLog(
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "migrations") SchemaMigrations migrations,
            @Reference(name = "settings") KioskSettings settings,
            @Reference(name = "clock") Clock clock) {
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        migrations.migrate(CoreSchema.OWNER, CoreSchema.STEPS);
    }

    @Override
    public void record(Actor actor, String action, String subject, String detail) {
        if (actor == null || action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an actor and an action");
        }
        transactions.required(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kiosk_audit "
                    + "(occurred_at, kiosk_id, actor_kind, actor_id, action, subject, detail) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.setInstant(insert, 1, clock.instant());
                insert.setString(2, Jdbc.truncate(settings.kioskId(), 64));
                insert.setString(3, actor.kind().name());
                insert.setString(4, Jdbc.truncate(actor.id(), 100));
                insert.setString(5, Jdbc.truncate(action, 100));
                Jdbc.setText(insert, 6, Jdbc.truncate(subject, 200));
                Jdbc.setText(insert, 7, Jdbc.truncate(detail, DETAIL_MAX));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, kiosk_id, actor_kind, actor_id, action, "
                + "subject, detail FROM kiosk_audit WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(query.from());
        }
        if (query.until() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(query.until());
        }
        if (query.actorId() != null) {
            sql.append(" AND actor_id = ?");
            args.add(query.actorId());
        }
        if (query.actionPrefix() != null) {
            sql.append(" AND action LIKE ? ESCAPE '\\'");
            args.add(Jdbc.likeLiteral(query.actionPrefix()) + "%");
        }
        // id breaks ties between entries of the same instant, so paging is stable
        sql.append(" ORDER BY occurred_at DESC, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        args.add(Math.max(0, query.offset()));
        args.add(query.limit() <= 0 ? LIMIT_MAX : Math.min(query.limit(), LIMIT_MAX));

        return transactions.required(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object arg = args.get(i);
                    if (arg instanceof java.time.Instant instant) {
                        Jdbc.setInstant(select, i + 1, instant);
                    } else if (arg instanceof Integer number) {
                        select.setInt(i + 1, number);
                    } else {
                        select.setString(i + 1, (String) arg);
                    }
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new AuditEntry(rows.getLong("id"), Jdbc.getInstant(rows, "occurred_at"),
                                rows.getString("kiosk_id"),
                                new Actor(Actor.Kind.valueOf(rows.getString("actor_kind")), rows.getString("actor_id")),
                                rows.getString("action"), rows.getString("subject"), rows.getString("detail")));
                    }
                }
                return entries;
            }
        });
    }
}
