package org.communitykiosk.deliberation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** Matters in {@code deliberation_matter}, supports in {@code deliberation_support} (one per resident: its key). */
@Component(service = Matters.class, configurationPid = DeliberationConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class JdbcMatters implements Matters {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    static final int LOCATION_MAX = 120;
    static final int REFERRED_MAX = 120;
    static final int REASON_MAX = 500;

    private static final String ACTION = "deliberation.matter.";
    private static final String SELECT = "SELECT id, title, description, category, location, raised_by, raised_at,"
            + " route, referred_to, reason, state, supports FROM deliberation_matter";

    private final Transactions transactions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int supportThreshold;

    @Activate
    public JdbcMatters(@Reference(name = "transactions") Transactions transactions,
            @Reference(name = "migrations") SchemaMigrations migrations,
            @Reference(name = "auditLog") AuditLog auditLog, @Reference(name = "clock") Clock clock,
            DeliberationConfig config) {
        this(transactions, migrations, auditLog, clock, config.supportThreshold());
    }

    JdbcMatters(Transactions transactions, SchemaMigrations migrations, AuditLog auditLog, Clock clock,
            int supportThreshold) {
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.supportThreshold = Math.max(1, supportThreshold);
        migrations.migrate(DeliberationSchema.OWNER, DeliberationSchema.MIGRATIONS);
    }

    @Override
    public int supportThreshold() {
        return supportThreshold;
    }

    @Override
    public Matter raise(MatterDraft draft, Resident by) {
        String title = VoteRules.clean(draft.title());
        String description = VoteRules.clean(draft.description());
        String location = VoteRules.clean(draft.location());
        List<Problem> problems = new ArrayList<>();
        VoteRules.text(problems, "title", title, TITLE_MAX, "deliberation.problem.title.required");
        VoteRules.text(problems, "description", description, DESCRIPTION_MAX,
                "deliberation.problem.description.required");
        VoteRules.text(problems, "location", location, LOCATION_MAX, "deliberation.problem.location.required");
        if (draft.category() == null) {
            problems.add(Problem.of("category", "deliberation.problem.category.required"));
        }
        VoteRules.refuseIfAny(problems);
        Instant now = now();
        return transactions.required(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_matter (title, description,"
                    + " category, location, raised_by, raised_at, state, supports, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'RAISED', 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, title);
                ps.setString(2, description);
                ps.setString(3, draft.category().name());
                ps.setString(4, location);
                ps.setLong(5, by.id());
                Sql.setInstant(ps, 6, now);
                Sql.setInstant(ps, 7, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            auditLog.record(Actor.resident(by.id()), ACTION + "raise", "matter:" + id, null);
            return find(c, id).orElseThrow();
        });
    }

    @Override
    public List<Matter> all() {
        return transactions.required(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY raised_at DESC, id DESC")) {
                return list(ps);
            }
        });
    }

    @Override
    public Optional<Matter> byId(long id) {
        return transactions.required(c -> find(c, id));
    }

    @Override
    public Matter triage(long id, Route route, String referredTo, String reason, Actor by) {
        String to = VoteRules.clean(referredTo);
        String why = VoteRules.clean(reason);
        List<Problem> problems = new ArrayList<>();
        if (route == null) {
            problems.add(Problem.of("route", "deliberation.problem.route.required"));
        } else if (route != Route.SMALL) {
            VoteRules.text(problems, "referredTo", to, REFERRED_MAX, "deliberation.problem.referredTo.required");
        } else {
            to = "";
        }
        VoteRules.text(problems, "reason", why, REASON_MAX, "deliberation.problem.reason.required");
        VoteRules.refuseIfAny(problems);
        String department = to;
        return transactions.required(c -> {
            // only a matter still waiting is sorted: two staff at once, the first one wins
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_matter SET route = ?,"
                    + " referred_to = ?, reason = ?, state = ?, updated_at = ? WHERE id = ? AND state = 'RAISED'")) {
                ps.setString(1, route.name());
                ps.setString(2, department.isEmpty() ? null : department);
                ps.setString(3, why);
                ps.setString(4, (route == Route.SMALL ? State.COUNCIL : State.REFERRED).name());
                Sql.setInstant(ps, 5, now());
                ps.setLong(6, id);
                if (ps.executeUpdate() == 0) {
                    find(c, id).orElseThrow(() -> notFound(id));
                    throw InvalidInputException.of(null, "deliberation.problem.matter.alreadySorted");
                }
            }
            auditLog.record(by, ACTION + "triage", "matter:" + id, route.name());
            return find(c, id).orElseThrow();
        });
    }

    @Override
    public Matter support(long id, Resident by) {
        try {
            return transactions.required(c -> {
                Matter matter = find(c, id).orElseThrow(() -> notFound(id));
                if (matter.state() != State.COUNCIL && matter.state() != State.AGENDA) {
                    throw InvalidInputException.of(null, "deliberation.problem.support.notSmall");
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM deliberation_support WHERE matter_id = ? AND resident_id = ?")) {
                    ps.setLong(1, id);
                    ps.setLong(2, by.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            throw alreadySupported();
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO deliberation_support (matter_id, resident_id) VALUES (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setLong(2, by.id());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_matter SET supports ="
                        + " supports + 1, updated_at = ? WHERE id = ?")) {
                    Sql.setInstant(ps, 1, now());
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_matter SET state = 'AGENDA'"
                        + " WHERE id = ? AND state = 'COUNCIL' AND supports >= ?")) {
                    ps.setLong(1, id);
                    ps.setInt(2, supportThreshold);
                    if (ps.executeUpdate() == 1) {
                        auditLog.record(Actor.system("deliberation"), ACTION + "agenda", "matter:" + id, null);
                    }
                }
                auditLog.record(Actor.resident(by.id()), ACTION + "support", "matter:" + id, null);
                return find(c, id).orElseThrow();
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw alreadySupported(); // the same card at two kiosks at once
            }
            throw e;
        }
    }

    @Override
    public Matter close(long id, Actor by) {
        return transactions.required(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_matter SET state = 'CLOSED',"
                    + " updated_at = ? WHERE id = ? AND state <> 'CLOSED'")) {
                Sql.setInstant(ps, 1, now());
                ps.setLong(2, id);
                if (ps.executeUpdate() == 1) {
                    auditLog.record(by, ACTION + "close", "matter:" + id, null);
                }
            }
            return find(c, id).orElseThrow(() -> notFound(id));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static InvalidInputException notFound(long id) {
        return InvalidInputException.of(null, "deliberation.problem.matter.notFound", id);
    }

    private static InvalidInputException alreadySupported() {
        return InvalidInputException.of(null, "deliberation.problem.support.already");
    }

    private static Optional<Matter> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            return list(ps).stream().findFirst();
        }
    }

    private static List<Matter> list(PreparedStatement ps) throws SQLException {
        List<Matter> matters = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String route = rs.getString(8);
                matters.add(new Matter(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Category.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6), Sql.getInstant(rs, 7),
                        route == null ? null : Route.valueOf(route), rs.getString(9), rs.getString(10),
                        State.valueOf(rs.getString(11)), rs.getInt(12)));
            }
        }
        return matters;
    }
}
