package org.communitykiosk.core.internal.resident;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.ImportProgress;
import org.communitykiosk.api.resident.ImportReport;
import org.communitykiosk.api.resident.ImportReport.RowProblem;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentCards;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.AuditActions;
import org.communitykiosk.core.internal.CoreSchema;
import org.communitykiosk.core.internal.MessageKeys;
import org.communitykiosk.core.internal.store.Jdbc;
import org.communitykiosk.core.internal.store.SqlStates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resident register in {@code kiosk_resident}. Uniqueness of card and phone is checked in the write transaction
 * (to report it together with every other problem) and enforced by unique constraints (to settle races between
 * kiosks); a lost race becomes the same translated problem.
 */
@Component(service = ResidentDirectory.class)
public final class JdbcResidentDirectory implements ResidentDirectory {

    static final List<String> CSV_HEADER =
            List.of("name", "card", "phone", "building", "unit", "household", "birth_date", "pin");
    /** The optional last column: the token of a card written elsewhere (issue 16). */
    static final String CSV_TOKEN_COLUMN = "card_token";
    static final int PAGE_MAX = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcResidentDirectory.class);

    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final PinHasher pins;

    @Activate
    public JdbcResidentDirectory(
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "migrations") SchemaMigrations migrations,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "clock") Clock clock) {
        this(transactions, migrations, audit, clock, new PinHasher());
    }

    JdbcResidentDirectory(Transactions transactions, SchemaMigrations migrations, AuditLog audit, Clock clock,
            PinHasher pins) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.pins = pins;
        migrations.migrate(CoreSchema.OWNER, CoreSchema.STEPS);
    }

    @Override
    public Optional<Resident> byId(long id) {
        return transactions.required(c -> ResidentRows.one(c, "id", id));
    }

    @Override
    public Optional<Resident> byCard(String cardNumber) {
        String card = ResidentRules.trim(cardNumber);
        if (!ResidentRules.validCard(card)) {
            return Optional.empty();
        }
        return transactions.required(c -> ResidentRows.one(c, "card_number", card));
    }

    @Override
    public Optional<Resident> byPhone(String phone) {
        String number = ResidentRules.trim(phone);
        if (!ResidentRules.validPhone(number)) {
            return Optional.empty();
        }
        return transactions.required(c -> ResidentRows.one(c, "phone", number));
    }

    @Override
    public List<Resident> household(String household) {
        String code = ResidentRules.trim(household);
        if (code == null) {
            return List.of();
        }
        return transactions.required(c -> ResidentRows.list(c, "SELECT " + ResidentRows.COLUMNS
                + " FROM kiosk_resident WHERE household = ? ORDER BY name, id", code));
    }

    @Override
    public List<Resident> search(String text, int offset, int limit) {
        String wanted = ResidentRules.trim(text);
        int first = Math.max(0, offset);
        int size = limit <= 0 ? PAGE_MAX : Math.min(limit, PAGE_MAX);
        String page = " ORDER BY name, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
        return transactions.required(c -> {
            if (wanted == null) {
                return ResidentRows.list(c, "SELECT " + ResidentRows.COLUMNS + " FROM kiosk_resident" + page,
                        first, size);
            }
            String pattern = "%" + Jdbc.likeLiteral(wanted.toLowerCase(java.util.Locale.ROOT)) + "%";
            return ResidentRows.list(c, "SELECT " + ResidentRows.COLUMNS + " FROM kiosk_resident"
                    + " WHERE LOWER(name) LIKE ? ESCAPE '\\' OR card_number LIKE ? ESCAPE '\\'"
                    + " OR phone LIKE ? ESCAPE '\\'" + page, pattern, pattern, pattern, first, size);
        });
    }

    @Override
    public int count() {
        return transactions.required(c -> {
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM kiosk_resident")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Override
    public Resident create(ResidentDraft draft, Actor by) {
        Objects.requireNonNull(by, "by");
        ResidentRules.Checked checked = ResidentRules.check(draft, LocalDate.now(clock));
        ResidentValues values = checked.values();
        // hashing takes a noticeable moment: outside the transaction, and only for an otherwise valid input
        String pinHash = checked.problems().isEmpty() && values.pin() != null ? pins.hash(values.pin()) : null;
        return insert(checked, pinHash, by);
    }

    /**
     * Creates a resident whose PIN was hashed beforehand, in {@link PinHasher}'s stored form: for the demo community,
     * whose published PIN is the same on every kiosk (see there why).
     */
    Resident createWithPinHash(ResidentDraft draft, String pinHash, Actor by) {
        Objects.requireNonNull(by, "by");
        if (draft.pin() != null || pinHash == null || !pinHash.startsWith(PinHasher.SCHEME + "$")) {
            throw new IllegalArgumentException("a draft without a PIN and a PIN hash in the stored form");
        }
        return insert(ResidentRules.check(draft, LocalDate.now(clock)), pinHash, by);
    }

    private Resident insert(ResidentRules.Checked checked, String pinHash, Actor by) {
        ResidentValues values = checked.values();
        return transactions.required(c -> {
            List<Problem> problems = new ArrayList<>(checked.problems());
            problems.addAll(taken(c, values, null));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            long id = insert(c, values, pinHash, clock.instant());
            audit.record(by, AuditActions.RESIDENT_CREATE, subject(id), null);
            return ResidentRows.one(c, "id", id).orElseThrow();
        });
    }

    @Override
    public Resident update(long id, ResidentDraft draft, Actor by) {
        Objects.requireNonNull(by, "by");
        ResidentRules.Checked checked = ResidentRules.check(draft, LocalDate.now(clock));
        ResidentValues values = checked.values();
        String pinHash = checked.problems().isEmpty() && values.pin() != null ? pins.hash(values.pin()) : null;
        return transactions.required(c -> {
            Resident before = ResidentRows.one(c, "id", id).orElseThrow(
                    () -> InvalidInputException.of(null, MessageKeys.RESIDENT_NOT_FOUND, id));
            List<Problem> problems = new ArrayList<>(checked.problems());
            problems.addAll(taken(c, values, id));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            String sql = "UPDATE kiosk_resident SET name = ?, card_number = ?, phone = ?, building = ?, unit = ?, "
                    + "household = ?, birth_date = ?, updated_at = ?"
                    // a new PIN also lifts a lockout: staff set it after checking who the resident is
                    + (pinHash != null ? ", pin_hash = ?, pin_failures = 0, pin_locked_until = NULL" : "")
                    + " WHERE id = ?";
            try (PreparedStatement update = c.prepareStatement(sql)) {
                int i = bindValues(update, values);
                Jdbc.setInstant(update, i++, clock.instant());
                if (pinHash != null) {
                    update.setString(i++, pinHash);
                }
                update.setLong(i, id);
                update.executeUpdate();
            } catch (SQLException e) {
                throw duplicateAsProblem(e);
            }
            audit.record(by, AuditActions.RESIDENT_UPDATE, subject(id), changedFields(before, values, pinHash));
            return ResidentRows.one(c, "id", id).orElseThrow();
        });
    }

    @Override
    public ImportReport importCsv(Reader csv, Actor by, ImportProgress progress) {
        Objects.requireNonNull(by, "by");
        List<CsvReader.Row> rows;
        try {
            rows = new CsvReader(csv, IMPORT_MAX_BYTES, IMPORT_MAX_FIELDS, IMPORT_MAX_FIELD_LENGTH)
                    .read(IMPORT_MAX_ROWS + 1);
        } catch (CsvReader.Malformed e) {
            return rejected(new RowProblem(e.line, e.problem));
        } catch (IOException e) {
            LOG.warn("resident import could not be read: {}", e.toString());
            return rejected(new RowProblem(1, Problem.of(null, MessageKeys.IMPORT_UNREADABLE)));
        }
        if (rows.isEmpty()) {
            return rejected(new RowProblem(1, Problem.of(null, MessageKeys.IMPORT_EMPTY)));
        }
        int columns = columns(rows.get(0));
        if (columns == 0) {
            return rejected(new RowProblem(1, Problem.of(null, MessageKeys.IMPORT_HEADER,
                    String.join(",", CSV_HEADER))));
        }
        List<CsvReader.Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            return rejected(new RowProblem(1, Problem.of(null, MessageKeys.IMPORT_EMPTY)));
        }
        if (data.size() > IMPORT_MAX_ROWS) {
            return rejected(new RowProblem(1, Problem.of(null, MessageKeys.IMPORT_TOO_MANY_ROWS, IMPORT_MAX_ROWS)));
        }

        List<RowProblem> problems = new ArrayList<>();
        List<ImportRow> candidates = checkRows(data, columns, problems);
        // report conflicts with the register together with the file's own problems
        problems.addAll(transactions.required(c -> conflictsWithRegister(c, candidates)));
        if (!problems.isEmpty()) {
            return rejected(problems);
        }

        Map<Integer, String> pinHashes = hashPins(candidates, progress);
        try {
            int imported = transactions.required(c -> {
                List<RowProblem> late = conflictsWithRegister(c, candidates);
                if (!late.isEmpty()) {
                    throw new RefusedImport(late);
                }
                Instant now = clock.instant();
                for (ImportRow row : candidates) {
                    long id;
                    try {
                        id = insert(c, row.values(), pinHashes.get(row.line()), now);
                    } catch (InvalidInputException e) {
                        // another kiosk registered the same card or phone since the check
                        throw new RefusedImport(e.problems().stream().map(p -> new RowProblem(row.line(), p))
                                .toList());
                    }
                    audit.record(by, AuditActions.RESIDENT_IMPORT, subject(id), null);
                    if (row.token() != null) {
                        // a new resident has no card to revoke; a token taken meanwhile by another kiosk's import
                        // fails the unique constraint, and with it the whole import
                        ResidentCards.Card card = CardRows.insert(c, id, CardRows.hash(row.token()), now, by);
                        audit.record(by, AuditActions.CARD_ISSUE, subject(id), "card:" + card.id() + ", imported");
                    }
                }
                return candidates.size();
            });
            LOG.info("resident import: {} residents by {}", imported, by);
            return new ImportReport(imported, List.of());
        } catch (RefusedImport e) {
            return rejected(e.problems);
        }
    }

    /**
     * Hashes the file's PINs, in parallel and before the import's transaction, so that a retry does not repeat it:
     * hashing is slow on purpose (some 10,000 PINs take minutes on a kiosk). Progress is told in order, one PIN at a
     * time.
     */
    private Map<Integer, String> hashPins(List<ImportRow> candidates, ImportProgress progress) {
        List<ImportRow> withPin = candidates.stream().filter(row -> row.values().pin() != null).toList();
        int[] hashed = { 0 };
        progress.pinsHashed(0, withPin.size());
        return withPin.parallelStream().collect(Collectors.toMap(ImportRow::line, row -> {
            String hash = pins.hash(row.values().pin());
            synchronized (hashed) {
                progress.pinsHashed(++hashed[0], withPin.size());
            }
            return hash;
        }));
    }

    /** A file row that passed the rules, the line it came from, and its card token if it has one. */
    private record ImportRow(int line, ResidentValues values, CardToken token) {
    }

    /** Leaves the import transaction so that it rolls back, carrying the rows that made it fail. */
    private static final class RefusedImport extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final transient List<RowProblem> problems;

        RefusedImport(List<RowProblem> problems) {
            super(null, null, false, false);
            this.problems = problems;
        }
    }

    /** The number of columns the header names: the eight required ones, with the card token or without; 0 if bad. */
    private static int columns(CsvReader.Row row) {
        List<String> names = row.fields().stream().map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        if (names.equals(CSV_HEADER)) {
            return CSV_HEADER.size();
        }
        List<String> withToken = new ArrayList<>(CSV_HEADER);
        withToken.add(CSV_TOKEN_COLUMN);
        return names.equals(withToken) ? withToken.size() : 0;
    }

    private List<ImportRow> checkRows(List<CsvReader.Row> data, int columns, List<RowProblem> problems) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> cardLines = new HashMap<>();
        Map<String, Integer> phoneLines = new HashMap<>();
        Map<CardToken, Integer> tokenLines = new HashMap<>();
        List<ImportRow> rows = new ArrayList<>();
        for (CsvReader.Row row : data) {
            List<String> f = row.fields();
            if (f.size() != columns) {
                problems.add(new RowProblem(row.line(),
                        Problem.of(null, MessageKeys.IMPORT_COLUMNS, columns, f.size())));
                continue;
            }
            if (f.stream().anyMatch(value -> value.indexOf('\uFFFD') >= 0)) {
                // a replacement character means the file was not UTF-8 (Excel often saves GBK): names would be garbled
                problems.add(new RowProblem(row.line(), Problem.of(null, MessageKeys.IMPORT_ENCODING)));
                continue;
            }
            List<Problem> rowProblems = new ArrayList<>();
            LocalDate birthDate = null;
            String birth = ResidentRules.trim(f.get(6));
            if (birth != null) {
                try {
                    birthDate = LocalDate.parse(birth);
                } catch (DateTimeParseException e) {
                    rowProblems.add(Problem.of("birthDate", MessageKeys.BIRTH_DATE_INVALID));
                }
            }
            ResidentRules.Checked checked = ResidentRules.check(
                    new ResidentDraft(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), birthDate, f.get(7)),
                    today);
            rowProblems.addAll(checked.problems());
            ResidentValues values = checked.values();
            if (ResidentRules.validCard(values.cardNumber())) {
                Integer earlier = cardLines.putIfAbsent(values.cardNumber(), row.line());
                if (earlier != null) {
                    rowProblems.add(Problem.of("cardNumber", MessageKeys.IMPORT_CARD_DUPLICATE, earlier));
                }
            }
            if (ResidentRules.validPhone(values.phone())) {
                Integer earlier = phoneLines.putIfAbsent(values.phone(), row.line());
                if (earlier != null) {
                    rowProblems.add(Problem.of("phone", MessageKeys.IMPORT_PHONE_DUPLICATE, earlier));
                }
            }
            CardToken token = null;
            String tokenText = columns > CSV_HEADER.size() ? ResidentRules.trim(f.get(CSV_HEADER.size())) : null;
            if (tokenText != null) {
                token = CardToken.parse(tokenText).orElse(null);
                if (token == null) {
                    // the problem names the column, never the value: a token is a secret, even a mistyped one
                    rowProblems.add(Problem.of(CSV_TOKEN_COLUMN, MessageKeys.IMPORT_TOKEN_INVALID));
                } else {
                    Integer earlier = tokenLines.putIfAbsent(token, row.line());
                    if (earlier != null) {
                        rowProblems.add(Problem.of(CSV_TOKEN_COLUMN, MessageKeys.IMPORT_TOKEN_DUPLICATE, earlier));
                    }
                }
            }
            rowProblems.forEach(p -> problems.add(new RowProblem(row.line(), p)));
            rows.add(new ImportRow(row.line(), values, token));
        }
        return rows;
    }

    private static List<RowProblem> conflictsWithRegister(Connection c, List<ImportRow> rows) throws SQLException {
        List<RowProblem> problems = new ArrayList<>();
        for (ImportRow row : rows) {
            taken(c, row.values(), null).forEach(p -> problems.add(new RowProblem(row.line(), p)));
            if (row.token() != null && CardRows.used(c, CardRows.hash(row.token()))) {
                problems.add(new RowProblem(row.line(), Problem.of(CSV_TOKEN_COLUMN, MessageKeys.IMPORT_TOKEN_USED)));
            }
        }
        return problems;
    }

    private static ImportReport rejected(RowProblem problem) {
        return new ImportReport(0, List.of(problem));
    }

    private static ImportReport rejected(List<RowProblem> problems) {
        List<RowProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(RowProblem::line));
        return new ImportReport(0, sorted);
    }

    /** Card and phone already held by another resident. */
    private static List<Problem> taken(Connection c, ResidentValues values, Long except) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        if (ResidentRules.validCard(values.cardNumber())
                && ResidentRows.holder(c, "card_number", values.cardNumber(), except).isPresent()) {
            problems.add(Problem.of("cardNumber", MessageKeys.CARD_TAKEN));
        }
        if (ResidentRules.validPhone(values.phone())
                && ResidentRows.holder(c, "phone", values.phone(), except).isPresent()) {
            problems.add(Problem.of("phone", MessageKeys.PHONE_TAKEN));
        }
        return problems;
    }

    private static long insert(Connection c, ResidentValues values, String pinHash, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO kiosk_resident (name, card_number, phone, "
                + "building, unit, household, birth_date, pin_hash, pin_failures, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            int i = bindValues(insert, values);
            Jdbc.setText(insert, i++, pinHash);
            Jdbc.setInstant(insert, i++, now);
            Jdbc.setInstant(insert, i, now);
            insert.executeUpdate();
            // Derby returns the identity value; PostgreSQL returns the whole row, whose first column is the id
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw duplicateAsProblem(e);
        }
    }

    /** Binds the seven record fields from index 1; returns the next index. */
    private static int bindValues(PreparedStatement statement, ResidentValues values) throws SQLException {
        int i = 1;
        statement.setString(i++, values.name());
        statement.setString(i++, values.cardNumber());
        Jdbc.setText(statement, i++, values.phone());
        Jdbc.setText(statement, i++, values.building());
        Jdbc.setText(statement, i++, values.unit());
        Jdbc.setText(statement, i++, values.household());
        Jdbc.setDate(statement, i++, values.birthDate());
        return i;
    }

    /**
     * A unique constraint refused the write: a concurrent write took the card or phone after our check. Thrown out of
     * the transaction (which rolls it back), never caught inside it: PostgreSQL cannot continue after an error.
     */
    private static SQLException duplicateAsProblem(SQLException e) {
        if (!SqlStates.isDuplicateKey(e)) {
            return e;
        }
        if (SqlStates.violates(e, CoreSchema.PHONE_CONSTRAINT)) {
            throw InvalidInputException.of("phone", MessageKeys.PHONE_TAKEN);
        }
        throw InvalidInputException.of("cardNumber", MessageKeys.CARD_TAKEN);
    }

    /** Which fields an update changed, by name only: the audit log must not hold personal data. */
    private static String changedFields(Resident before, ResidentValues after, String pinHash) {
        StringJoiner changed = new StringJoiner(",", "changed: ", "").setEmptyValue("unchanged");
        if (!Objects.equals(before.name(), after.name())) {
            changed.add("name");
        }
        if (!Objects.equals(before.cardNumber(), after.cardNumber())) {
            changed.add("card");
        }
        if (!Objects.equals(before.phone(), after.phone())) {
            changed.add("phone");
        }
        if (!Objects.equals(before.building(), after.building()) || !Objects.equals(before.unit(), after.unit())
                || !Objects.equals(before.household(), after.household())) {
            changed.add("address");
        }
        if (!Objects.equals(before.birthDate(), after.birthDate())) {
            changed.add("birth_date");
        }
        if (pinHash != null) {
            changed.add("pin");
        }
        return changed.toString();
    }

    private static String subject(long id) {
        return "resident:" + id;
    }
}
