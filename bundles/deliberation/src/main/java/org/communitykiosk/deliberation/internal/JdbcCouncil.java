package org.communitykiosk.deliberation.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The council in the kiosk database. Portable SQL only (Derby and PostgreSQL).
 * <p>
 * A ballot is one transaction: the register row (its primary key refuses a second ballot of the voter or household,
 * also when two kiosks submit at the same moment: the second insert waits for the first and then fails), the ballot
 * row (random id and receipt, no voter, no time), the audit entry (who voted in which poll, never what), and last a
 * conditional {@code UPDATE deliberation_poll_counter SET ballots = ballots + 1 WHERE ... AND accepting = TRUE} on
 * one of the poll's counter rows. Closing sets every counter row of the poll to not accepting, which waits for the
 * ballots holding them: a ballot either committed before the close (and is counted) or finds the poll closed and is
 * rolled back. The count is always read from the ballots themselves, so after a crash the poll is closed and counted as usual.
 */
@Component(service = Council.class, configurationPid = DeliberationConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DeliberationConfig.class)
public final class JdbcCouncil implements Council {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcCouncil.class);

    private static final String ACTION = "deliberation.";
    static final String COUNT_MISMATCH = "deliberation.problem.poll.countMismatch";

    private static final String MEETING = "SELECT id, title, starts_at, place, eligibility, building, quorum,"
            + " open_poll_id, grid, grid_buildings FROM deliberation_meeting";
    /**
     * Counter rows of a poll opened from now on. A ballot holds its row's lock from its update to its commit (the
     * durable log write), so two ballots in flight on one row queue for a whole commit: profiling 50 kiosks showed
     * most of a ballot's time waiting there with 16 rows picked at random, and still some with 64 rows taken in turn
     * (a row comes round again while a slow commit holds it). Rows are taken in turn ({@link #nextStripe}) and there
     * are far more of them than ballots in flight. Polls opened before keep the rows they have ({@link #stripes}).
     */
    static final int STRIPES = 256;

    private static final String POLL = "SELECT id, motion_id, meeting_id, kind, options, max_choices, secret,"
            + " majority, state, (SELECT COALESCE(SUM(c.ballots), 0) FROM deliberation_poll_counter c"
            + " WHERE c.poll_id = p.id), opened_at, closed_at, present_at_close FROM deliberation_poll p";

    private final Transactions transactions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PollEvents events;
    private final int defaultQuorum;
    private final Map<String, List<String>> grids;
    private final SecureRandom random = new SecureRandom();
    /** What never changes once a poll exists (kind, options, meeting): read once, not under the hot row's lock. */
    private final ConcurrentHashMap<Long, Poll> settings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Meeting> meetingSettings = new ConcurrentHashMap<>();
    /** Counter rows of each opened poll: fixed when it is opened. */
    private final ConcurrentHashMap<Long, Integer> stripes = new ConcurrentHashMap<>();
    private final AtomicInteger nextStripe = new AtomicInteger();
    /**
     * Ballot transactions in flight at once, admitted first come first served. Fifty kiosks' ballots at once mostly
     * take turns on the cores, and a thread descheduled while it holds a Derby latch or a row lock stalls the others:
     * unadmitted, the slowest acknowledgements were 3 to 10 times the median (BallotBenchmark, 50 voters on 2 cores:
     * p99 210-705 ms). Four per core, since part of a ballot is the log write rather than CPU, measured best there
     * (p99 117-165 ms; two per core 166-185 ms, sixteen per core 218-313 ms).
     */
    private final Semaphore ballotsInFlight = new Semaphore(4 * Runtime.getRuntime().availableProcessors(), true);

    @Activate
    public JdbcCouncil(@Reference(name = "transactions") Transactions transactions,
            @Reference(name = "migrations") SchemaMigrations migrations,
            @Reference(name = "auditLog") AuditLog auditLog, @Reference(name = "clock") Clock clock,
            @Reference(name = "events") PollEvents events, DeliberationConfig config) {
        this(transactions, migrations, auditLog, clock, events, config.defaultQuorum(), grids(config.grids()));
    }

    JdbcCouncil(Transactions transactions, SchemaMigrations migrations, AuditLog auditLog, Clock clock,
            PollEvents events, int defaultQuorum) {
        this(transactions, migrations, auditLog, clock, events, defaultQuorum, Map.of());
    }

    JdbcCouncil(Transactions transactions, SchemaMigrations migrations, AuditLog auditLog, Clock clock,
            PollEvents events, int defaultQuorum, Map<String, List<String>> grids) {
        this.grids = Collections.unmodifiableMap(new LinkedHashMap<>(grids)); // keeps the configured order
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
        this.defaultQuorum = defaultQuorum;
        migrations.migrate(DeliberationSchema.OWNER, DeliberationSchema.MIGRATIONS);
    }

    int defaultQuorum() {
        return defaultQuorum;
    }

    /**
     * A mistyped {@code grids} setting must not take the whole council (and the meetings under way) down: it is
     * logged and no grid is offered until it is fixed. Meetings already called for a grid keep their buildings.
     */
    private static Map<String, List<String>> grids(String config) {
        try {
            return VoteRules.parseGrids(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{} in {}; no grid meetings can be called until it is corrected", e.getMessage(),
                    DeliberationConfig.PID);
            return Map.of();
        }
    }

    @Override
    public Map<String, List<String>> grids() {
        return grids;
    }

    // ---------------------------------------------------------------- meetings and agenda

    @Override
    public Meeting createMeeting(MeetingDraft draft, Actor by) {
        MeetingDraft meeting = VoteRules.checkMeeting(draft, defaultQuorum, grids);
        Instant now = now();
        return transactions.required(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_meeting (title, starts_at, place,"
                    + " eligibility, building, quorum, created_at, created_by, grid, grid_buildings)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, meeting.title());
                Sql.setInstant(ps, 2, meeting.startsAt().truncatedTo(ChronoUnit.MINUTES));
                ps.setString(3, meeting.place());
                ps.setString(4, meeting.eligibility().name());
                ps.setString(5, meeting.building());
                ps.setInt(6, meeting.quorum());
                Sql.setInstant(ps, 7, now);
                ps.setString(8, by.toString());
                ps.setString(9, meeting.grid());
                ps.setString(10, meeting.grid() == null ? null : String.join(",", grids.get(meeting.grid())));
                ps.executeUpdate();
                id = key(ps);
            }
            auditLog.record(by, ACTION + "meeting.create", "meeting:" + id, null);
            return findMeeting(c, id).orElseThrow();
        });
    }

    @Override
    public List<Meeting> meetings() {
        return transactions.required(c -> {
            try (PreparedStatement ps = c.prepareStatement(MEETING + " ORDER BY starts_at DESC, id DESC")) {
                return meetings(ps);
            }
        });
    }

    @Override
    public Optional<Meeting> meeting(long id) {
        return transactions.required(c -> findMeeting(c, id));
    }

    @Override
    public Motion addMotion(long meetingId, MotionDraft draft, Actor by) {
        MotionDraft motion = VoteRules.checkMotion(draft);
        return transactions.required(c -> {
            findMeeting(c, meetingId).orElseThrow(() -> meetingNotFound(meetingId));
            int position;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM deliberation_motion WHERE meeting_id = ?")) {
                ps.setLong(1, meetingId);
                position = count(ps) + 1;
            }
            long motionId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_motion (meeting_id, agenda_no,"
                    + " title) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, meetingId);
                ps.setInt(2, position);
                ps.setString(3, motion.title());
                ps.executeUpdate();
                motionId = key(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_poll (motion_id, meeting_id,"
                    + " kind, options, max_choices, secret, majority, state)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, motionId);
                ps.setLong(2, meetingId);
                ps.setString(3, motion.kind().name());
                ps.setString(4, String.join("\n", motion.options()));
                ps.setInt(5, motion.maxChoices());
                ps.setBoolean(6, motion.secret());
                ps.setString(7, motion.rule().name());
                ps.executeUpdate();
            }
            auditLog.record(by, ACTION + "motion.add", "motion:" + motionId, "meeting:" + meetingId);
            return motions(c, meetingId).stream().filter(m -> m.id() == motionId).findFirst().orElseThrow();
        });
    }

    @Override
    public List<Motion> motions(long meetingId) {
        return transactions.required(c -> motions(c, meetingId));
    }

    @Override
    public Optional<Poll> poll(long pollId) {
        return transactions.required(c -> findPoll(c, pollId));
    }

    // ---------------------------------------------------------------- check-in

    @Override
    public CheckIn checkIn(long meetingId, Resident resident, Actor by) {
        Meeting meeting = meeting(meetingId).orElseThrow(() -> meetingNotFound(meetingId));
        checkEligible(meeting, resident);
        Instant now = now();
        boolean newly;
        try {
            newly = transactions.required(c -> {
                if (attended(c, meetingId, resident.id())) {
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_attendance (meeting_id,"
                        + " resident_id, household, checked_in_at) VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, meetingId);
                    ps.setLong(2, resident.id());
                    ps.setString(3, blankToNull(resident.household()));
                    Sql.setInstant(ps, 4, now);
                    ps.executeUpdate();
                }
                auditLog.record(by, ACTION + "checkin", "meeting:" + meetingId, "resident:" + resident.id());
                return true;
            });
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
            newly = false; // the same card tapped at two doors at once: one row, as wanted
        }
        if (newly) {
            events.changed(meetingId);
        }
        return new CheckIn(newly, status(meetingId).present());
    }

    @Override
    public List<Long> attendees(long meetingId) {
        return transactions.required(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT resident_id FROM deliberation_attendance"
                    + " WHERE meeting_id = ? ORDER BY checked_in_at, resident_id")) {
                ps.setLong(1, meetingId);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public MeetingStatus status(long meetingId) {
        return transactions.required(c -> {
            Meeting meeting = findMeeting(c, meetingId).orElseThrow(() -> meetingNotFound(meetingId));
            int present = present(c, meeting);
            Optional<Poll> open = meeting.openPollId() == null ? Optional.empty() : findPoll(c, meeting.openPollId());
            return new MeetingStatus(meeting, present, present >= meeting.quorum(), open);
        });
    }

    // ---------------------------------------------------------------- opening and closing

    @Override
    public Poll openPoll(long pollId, Actor by) {
        Poll poll = transactions.required(c -> {
            Poll found = findPoll(c, pollId).orElseThrow(() -> pollNotFound(pollId));
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_meeting SET open_poll_id = ?"
                    + " WHERE id = ? AND open_poll_id IS NULL")) {
                ps.setLong(1, pollId);
                ps.setLong(2, found.meetingId());
                if (ps.executeUpdate() == 0) {
                    throw InvalidInputException.of(null, "deliberation.problem.poll.anotherOpen");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_poll SET state = 'OPEN',"
                    + " opened_at = ? WHERE id = ? AND state = 'PENDING'")) {
                Sql.setInstant(ps, 1, now());
                ps.setLong(2, pollId);
                if (ps.executeUpdate() == 0) {
                    throw InvalidInputException.of(null, "deliberation.problem.poll.notPending");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_poll_counter (poll_id, stripe,"
                    + " ballots, accepting) VALUES (?, ?, 0, TRUE)")) {
                for (int stripe = 0; stripe < STRIPES; stripe++) {
                    ps.setLong(1, pollId);
                    ps.setInt(2, stripe);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            auditLog.record(by, ACTION + "poll.open", "poll:" + pollId, null);
            return findPoll(c, pollId).orElseThrow();
        });
        events.changed(poll.meetingId());
        return poll;
    }

    @Override
    public Poll closePoll(long pollId, Actor by) {
        Instant closing = now();
        java.util.concurrent.atomic.AtomicBoolean closedNow = new java.util.concurrent.atomic.AtomicBoolean();
        Poll poll;
        try {
            poll = transactions.required(c -> {
            closedNow.set(false); // a retried transaction starts again
            Poll found = findPoll(c, pollId).orElseThrow(() -> pollNotFound(pollId));
            Meeting meeting = findMeeting(c, found.meetingId()).orElseThrow();
            int present = present(c, meeting);
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_poll SET state = 'CLOSED',"
                    + " closed_at = ?, present_at_close = ? WHERE id = ? AND state = 'OPEN'")) {
                Sql.setInstant(ps, 1, closing);
                ps.setInt(2, present);
                ps.setLong(3, pollId);
                if (ps.executeUpdate() == 0) {
                    if (found.state() == PollState.CLOSED) {
                        return found; // closed by a double tap or by the other chair's screen: nothing to do
                    }
                    throw InvalidInputException.of(null, "deliberation.problem.poll.notOpen");
                }
            }
            // waits for every ballot holding a counter row; from this commit on, every later ballot is refused
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_poll_counter SET accepting = FALSE"
                    + " WHERE poll_id = ?")) {
                ps.setLong(1, pollId);
                ps.executeUpdate();
            }
            seal(c, pollId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_meeting SET open_poll_id = NULL"
                    + " WHERE id = ? AND open_poll_id = ?")) {
                ps.setLong(1, found.meetingId());
                ps.setLong(2, pollId);
                ps.executeUpdate();
            }
            auditLog.record(by, ACTION + "poll.close", "poll:" + pollId, null);
            closedNow.set(true);
            return findPoll(c, pollId).orElseThrow();
        });
        } catch (InvalidInputException refused) {
            if (refused.problems().get(0).key().equals(COUNT_MISMATCH)) {
                // the close rolled back: reported in a transaction of its own
                transactions.required(c -> {
                    auditLog.record(by, ACTION + "poll.countMismatch", "poll:" + pollId,
                            "ballots " + refused.problems().get(0).args().get(0) + ", voters "
                                    + refused.problems().get(0).args().get(1));
                    return null;
                });
            }
            throw refused;
        }
        if (closedNow.get()) {
            reshuffle(pollId);
            checkpoint();
        }
        events.changed(poll.meetingId());
        return poll;
    }

    /**
     * Derby keeps every change in its transaction log until a checkpoint, in the order it happened: the ballots and
     * register rows of the poll just closed among them. A checkpoint right after the reshuffle lets Derby drop the log
     * files that hold the voting order (PostgreSQL checkpoints by itself; its WAL is the district's to manage).
     */
    private void checkpoint() {
        try {
            transactions.required(c -> {
                if (c.getMetaData().getDatabaseProductName().contains("Derby")) {
                    try (java.sql.CallableStatement call =
                            c.prepareCall("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()")) {
                        call.execute();
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("no checkpoint after closing a poll: {}", e.toString());
        }
    }

    /**
     * Rewrites the closed poll's ballots in random order with new random ids, so that not even the order in which
     * the database stored the rows follows the order of voting (which the register's audit entries reveal). Runs after
     * the close has committed: ballots still in flight then fail and roll back, and this waits for them. A kiosk
     * killed in between leaves the rows in storage order; the count is the same either way.
     */
    private void reshuffle(long pollId) {
        transactions.required(c -> {
            List<String[]> ballots = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT receipt, choices FROM deliberation_ballot WHERE poll_id = ?")) {
                ps.setLong(1, pollId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ballots.add(new String[] { rs.getString(1), rs.getString(2) });
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM deliberation_ballot WHERE poll_id = ?")) {
                ps.setLong(1, pollId);
                ps.executeUpdate();
            }
            Collections.shuffle(ballots, random);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO deliberation_ballot (id, poll_id, receipt, choices) VALUES (?, ?, ?, ?)")) {
                for (String[] ballot : ballots) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setLong(2, pollId);
                    ps.setString(3, ballot[0]);
                    ps.setString(4, ballot[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- voting

    @Override
    public void checkVoter(long pollId, Resident voter) {
        transactions.required(c -> {
            Poll poll = pollSettings(c, pollId);
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM deliberation_poll WHERE id = ?")) {
                ps.setLong(1, pollId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !PollState.OPEN.name().equals(rs.getString(1))) {
                        throw notOpen();
                    }
                }
            }
            Meeting meeting = meetingSettings(c, poll.meetingId());
            checkEligible(meeting, voter);
            if (!attended(c, poll.meetingId(), voter.id())) {
                throw notCheckedIn();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM deliberation_voter_register WHERE poll_id = ? AND voter_key = ?")) {
                ps.setLong(1, pollId);
                ps.setString(2, voterKey(meeting, voter));
                if (count(ps) > 0) {
                    throw alreadyVoted(meeting);
                }
            }
            return null;
        });
    }

    @Override
    public Receipt cast(long pollId, Resident voter, Collection<Integer> chosen) {
        ballotsInFlight.acquireUninterruptibly();
        Receipt receipt;
        try {
            receipt = castAdmitted(pollId, voter, chosen);
        } finally {
            ballotsInFlight.release();
        }
        // committed: now the voter may be told, and the screens
        events.changed(settings.get(pollId).meetingId());
        return receipt;
    }

    private Receipt castAdmitted(long pollId, Resident voter, Collection<Integer> chosen) {
        return transactions.required(c -> {
            Poll poll = pollSettings(c, pollId);
            String choices = VoteRules.choices(poll, chosen);
            Meeting meeting = meetingSettings(c, poll.meetingId());
            checkEligible(meeting, voter);
            if (!attended(c, poll.meetingId(), voter.id())) {
                throw notCheckedIn();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_voter_register (poll_id,"
                    + " voter_key, resident_id, named_choices) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, pollId);
                ps.setString(2, voterKey(meeting, voter));
                ps.setLong(3, voter.id());
                ps.setString(4, poll.secret() ? null : choices);
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw alreadyVoted(meeting);
                }
                throw e;
            }
            String code = VoteRules.receipt(random);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO deliberation_ballot (id, poll_id, receipt, choices) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setLong(2, pollId);
                ps.setString(3, code);
                ps.setString(4, choices);
                ps.executeUpdate();
            }
            // who voted in which poll, as the register says; never the choice or the receipt
            auditLog.record(Actor.resident(voter.id()), ACTION + "ballot.cast", "poll:" + pollId, null);
            // last, so that the counter row is held only until the commit; refused once the poll is closed
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliberation_poll_counter SET ballots ="
                    + " ballots + 1 WHERE poll_id = ? AND stripe = ? AND accepting = TRUE")) {
                ps.setLong(1, pollId);
                ps.setInt(2, Math.floorMod(nextStripe.getAndIncrement(), stripes(c, pollId)));
                if (ps.executeUpdate() == 0) {
                    throw notOpen();
                }
            }
            return new Receipt(pollId, code);
        });
    }

    // ---------------------------------------------------------------- counting

    @Override
    public void addPaper(long pollId, PaperTotals paper, Actor by) {
        Instant now = now();
        long meetingId;
        try {
            meetingId = transactions.required(c -> {
                Poll poll = findPoll(c, pollId).orElseThrow(() -> pollNotFound(pollId));
                if (poll.state() != PollState.CLOSED) {
                    throw InvalidInputException.of(null, "deliberation.problem.paper.notClosed");
                }
                VoteRules.checkPaper(poll, paper);
                if (findPaper(c, pollId).isPresent()) {
                    throw paperAlready();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_paper (poll_id,"
                        + " total_count, valid_count, blank_count, invalid_count, option_votes, added_at, added_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, pollId);
                    ps.setInt(2, paper.total());
                    ps.setInt(3, paper.valid());
                    ps.setInt(4, paper.blank());
                    ps.setInt(5, paper.invalid());
                    ps.setString(6, paper.optionVotes().stream().map(String::valueOf)
                            .collect(Collectors.joining(",")));
                    Sql.setInstant(ps, 7, now);
                    ps.setString(8, by.toString());
                    ps.executeUpdate();
                }
                auditLog.record(by, ACTION + "paper.add", "poll:" + pollId, "total " + paper.total());
                return poll.meetingId();
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw paperAlready();
            }
            throw e;
        }
        events.changed(meetingId);
    }

    @Override
    public PollResult result(long pollId) {
        return transactions.required(c -> {
            Poll poll = findPoll(c, pollId).orElseThrow(() -> pollNotFound(pollId));
            Meeting meeting = findMeeting(c, poll.meetingId()).orElseThrow();
            int[] votes = new int[poll.optionCount()];
            int electronic = 0;
            int blank = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT choices, COUNT(*) FROM deliberation_ballot"
                    + " WHERE poll_id = ? GROUP BY choices")) {
                ps.setLong(1, pollId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Integer> choices = VoteRules.parseChoices(rs.getString(1));
                        int n = rs.getInt(2);
                        electronic += n;
                        if (choices.isEmpty()) {
                            blank += n;
                        }
                        for (int choice : choices) {
                            votes[choice] += n;
                        }
                    }
                }
            }
            int present = poll.presentAtClose() != null ? poll.presentAtClose() : present(c, meeting);
            return VoteRules.decide(poll, votes, electronic, blank, findPaper(c, pollId), present, meeting.quorum());
        });
    }

    /**
     * Fixes the poll's chain head, ballot count and register count in the closing transaction (after the counters
     * stopped accepting, so no ballot is in flight). More or fewer ballots than voters in the register means rows were
     * written beside the booth: the close is refused.
     */
    private void seal(Connection c, long pollId) throws SQLException {
        List<ChainEntry> chain = VoteRules.chain(ballots(c, pollId));
        int registered = registered(c, pollId);
        if (chain.size() != registered) {
            throw InvalidInputException.of(null, COUNT_MISMATCH, chain.size(), registered);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliberation_poll_seal (poll_id, chain_head,"
                + " ballot_count, register_count) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, pollId);
            ps.setString(2, VoteRules.head(chain));
            ps.setInt(3, chain.size());
            ps.setInt(4, registered);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Seal> seal(long pollId) {
        return transactions.required(c -> findSeal(c, pollId));
    }

    @Override
    public Verification verify(long pollId, Actor by) {
        Verification verification = transactions.required(c -> {
            Poll poll = findPoll(c, pollId).orElseThrow(() -> pollNotFound(pollId));
            if (poll.state() != PollState.CLOSED) {
                throw InvalidInputException.of(null, "deliberation.problem.poll.notClosed");
            }
            List<ChainEntry> chain = VoteRules.chain(ballots(c, pollId));
            Verification found = new Verification(pollId, findSeal(c, pollId), VoteRules.head(chain), chain.size(),
                    registered(c, pollId));
            auditLog.record(by, ACTION + "poll.verify", "poll:" + pollId, found.intact() ? "intact"
                    : found.seal().isEmpty() ? "not sealed" : "NOT INTACT: ballots " + found.ballots() + " (sealed "
                            + found.seal().get().ballots() + ")");
            return found;
        });
        if (!verification.intact() && verification.seal().isPresent()) {
            LOG.warn("poll {} does not match its seal: {}", pollId, verification);
        }
        return verification;
    }

    private static Optional<Seal> findSeal(Connection c, long pollId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT chain_head, ballot_count, register_count"
                + " FROM deliberation_poll_seal WHERE poll_id = ?")) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Seal(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    /** The poll's ballots as receipt and choices, by receipt. */
    private static List<String[]> ballots(Connection c, long pollId) throws SQLException {
        List<String[]> ballots = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT receipt, choices FROM deliberation_ballot WHERE poll_id = ? ORDER BY receipt")) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ballots.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
        }
        return ballots;
    }

    private static int registered(Connection c, long pollId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM deliberation_voter_register WHERE poll_id = ?")) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public List<Meeting> meetingsVoting() {
        // the meeting row names its open poll (set when a poll opens, cleared by its close)
        return transactions.required(c -> {
            try (PreparedStatement ps = c.prepareStatement(MEETING + " WHERE open_poll_id IS NOT NULL")) {
                return meetings(ps);
            }
        });
    }

    @Override
    public List<ChainEntry> chain(long pollId) {
        return transactions.required(c -> {
            Poll poll = findPoll(c, pollId).orElseThrow(() -> pollNotFound(pollId));
            if (poll.state() != PollState.CLOSED) {
                return List.<ChainEntry>of();
            }
            return VoteRules.chain(ballots(c, pollId));
        });
    }

    @Override
    public List<NamedVote> namedVotes(long pollId) {
        return transactions.required(c -> {
            List<NamedVote> votes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT resident_id, named_choices"
                    + " FROM deliberation_voter_register WHERE poll_id = ? AND named_choices IS NOT NULL"
                    + " ORDER BY resident_id")) {
                ps.setLong(1, pollId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        votes.add(new NamedVote(rs.getLong(1), VoteRules.parseChoices(rs.getString(2))));
                    }
                }
            }
            return votes;
        });
    }

    // ---------------------------------------------------------------- helpers

    private static void checkEligible(Meeting meeting, Resident resident) {
        if (meeting.eligibility() == Eligibility.BUILDING
                && !VoteRules.clean(resident.building()).equals(meeting.building())) {
            throw InvalidInputException.of(null, "deliberation.problem.voter.notEligible", meeting.building());
        }
        if (meeting.eligibility() == Eligibility.GRID
                && !meeting.gridBuildings().contains(VoteRules.clean(resident.building()))) {
            throw InvalidInputException.of(null, "deliberation.problem.voter.notInGrid", meeting.grid(),
                    String.join(", ", meeting.gridBuildings()));
        }
        if (meeting.eligibility() == Eligibility.HOUSEHOLD && VoteRules.clean(resident.household()).isEmpty()) {
            throw InvalidInputException.of(null, "deliberation.problem.voter.noHousehold");
        }
    }

    private static String voterKey(Meeting meeting, Resident voter) {
        return meeting.eligibility() == Eligibility.HOUSEHOLD ? "H:" + VoteRules.clean(voter.household())
                : "R:" + voter.id();
    }

    private static boolean attended(Connection c, long meetingId, long residentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM deliberation_attendance WHERE meeting_id = ? AND resident_id = ?")) {
            ps.setLong(1, meetingId);
            ps.setLong(2, residentId);
            return count(ps) > 0;
        }
    }

    /** Voters present: residents checked in, or their households when one vote per household. */
    private static int present(Connection c, Meeting meeting) throws SQLException {
        String sql = meeting.eligibility() == Eligibility.HOUSEHOLD
                ? "SELECT COUNT(DISTINCT household) FROM deliberation_attendance WHERE meeting_id = ?"
                        + " AND household IS NOT NULL"
                : "SELECT COUNT(*) FROM deliberation_attendance WHERE meeting_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, meeting.id());
            return count(ps);
        }
    }

    private Poll pollSettings(Connection c, long pollId) throws SQLException {
        Poll poll = settings.get(pollId);
        if (poll == null) {
            poll = findPoll(c, pollId).orElseThrow(() -> pollNotFound(pollId));
            settings.putIfAbsent(pollId, poll);
        }
        return poll;
    }

    /** The poll's counter rows; 1 for a poll not opened yet (the update then finds no row and refuses the ballot). */
    private int stripes(Connection c, long pollId) throws SQLException {
        Integer known = stripes.get(pollId);
        if (known != null) {
            return known;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM deliberation_poll_counter WHERE poll_id = ?")) {
            ps.setLong(1, pollId);
            int rows = count(ps);
            if (rows == 0) {
                return 1;
            }
            stripes.putIfAbsent(pollId, rows);
            return rows;
        }
    }

    private Meeting meetingSettings(Connection c, long meetingId) throws SQLException {
        Meeting meeting = meetingSettings.get(meetingId);
        if (meeting == null) {
            meeting = findMeeting(c, meetingId).orElseThrow(() -> meetingNotFound(meetingId));
            meetingSettings.putIfAbsent(meetingId, meeting);
        }
        return meeting;
    }

    private static Optional<Meeting> findMeeting(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MEETING + " WHERE id = ?")) {
            ps.setLong(1, id);
            return meetings(ps).stream().findFirst();
        }
    }

    private static List<Meeting> meetings(PreparedStatement ps) throws SQLException {
        List<Meeting> meetings = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                meetings.add(new Meeting(rs.getLong(1), rs.getString(2), Sql.getInstant(rs, 3), rs.getString(4),
                        Eligibility.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7), Sql.getLong(rs, 8),
                        rs.getString(9), rs.getString(10) == null ? List.of() : List.of(rs.getString(10).split(","))));
            }
        }
        return meetings;
    }

    private static Optional<Poll> findPoll(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(POLL + " WHERE p.id = ?")) {
            ps.setLong(1, id);
            return polls(ps).stream().findFirst();
        }
    }

    private static List<Poll> polls(PreparedStatement ps) throws SQLException {
        List<Poll> polls = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String options = rs.getString(5);
                polls.add(new Poll(rs.getLong(1), rs.getLong(2), rs.getLong(3), PollKind.valueOf(rs.getString(4)),
                        options.isEmpty() ? List.of() : Arrays.asList(options.split("\n")), rs.getInt(6),
                        rs.getBoolean(7), MajorityRule.valueOf(rs.getString(8)), PollState.valueOf(rs.getString(9)),
                        rs.getInt(10), Sql.getInstant(rs, 11), Sql.getInstant(rs, 12), Sql.getInteger(rs, 13)));
            }
        }
        return polls;
    }

    private static List<Motion> motions(Connection c, long meetingId) throws SQLException {
        List<Poll> polls;
        try (PreparedStatement ps = c.prepareStatement(POLL + " WHERE p.meeting_id = ?")) {
            ps.setLong(1, meetingId);
            polls = polls(ps);
        }
        List<Motion> motions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, agenda_no, title FROM deliberation_motion"
                + " WHERE meeting_id = ? ORDER BY agenda_no, id")) {
            ps.setLong(1, meetingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Poll poll = polls.stream().filter(p -> p.motionId() == id).findFirst().orElseThrow();
                    motions.add(new Motion(id, meetingId, rs.getInt(2), rs.getString(3), poll));
                }
            }
        }
        return motions;
    }

    private static Optional<PaperTotals> findPaper(Connection c, long pollId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT total_count, valid_count, blank_count, invalid_count,"
                + " option_votes FROM deliberation_paper WHERE poll_id = ?")) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PaperTotals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        VoteRules.parseChoices(rs.getString(5))));
            }
        }
    }

    private static int count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long key(PreparedStatement ps) throws SQLException {
        // the key is the first column on both databases (PostgreSQL returns the whole row, id first)
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        String clean = VoteRules.clean(text);
        return clean.isEmpty() ? null : clean;
    }

    private static InvalidInputException meetingNotFound(long id) {
        return InvalidInputException.of(null, "deliberation.problem.meeting.notFound", id);
    }

    private static InvalidInputException pollNotFound(long id) {
        return InvalidInputException.of(null, "deliberation.problem.poll.notFound", id);
    }

    private static InvalidInputException notOpen() {
        return InvalidInputException.of(null, "deliberation.problem.poll.notOpen");
    }

    private static InvalidInputException notCheckedIn() {
        return InvalidInputException.of(null, "deliberation.problem.voter.notCheckedIn");
    }

    private static InvalidInputException alreadyVoted(Meeting meeting) {
        return InvalidInputException.of(null, meeting.eligibility() == Eligibility.HOUSEHOLD
                ? "deliberation.problem.voter.householdVoted" : "deliberation.problem.voter.alreadyVoted");
    }

    private static InvalidInputException paperAlready() {
        return InvalidInputException.of(null, "deliberation.problem.paper.already");
    }
}
