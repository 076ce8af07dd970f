package org.communitykiosk.deliberation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.testing.MutableClock;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.deliberation.internal.Council.ChainEntry;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.MajorityRule;
import org.communitykiosk.deliberation.internal.Council.Meeting;
import org.communitykiosk.deliberation.internal.Council.MeetingDraft;
import org.communitykiosk.deliberation.internal.Council.Motion;
import org.communitykiosk.deliberation.internal.Council.MotionDraft;
import org.communitykiosk.deliberation.internal.Council.Outcome;
import org.communitykiosk.deliberation.internal.Council.PaperTotals;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Council.PollKind;
import org.communitykiosk.deliberation.internal.Council.PollResult;
import org.communitykiosk.deliberation.internal.Council.PollState;
import org.communitykiosk.deliberation.internal.Council.Receipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcCouncilTest {

    static final Actor CHAIR = Actor.staff("wang");

    private final TestDatabase db = new TestDatabase();
    private final PollEvents events = new PollEvents();
    private final JdbcCouncil council = new JdbcCouncil(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
            events, 3);

    @AfterEach
    void close() {
        events.stop();
        db.close();
    }

    static Resident resident(long id, String building, String household) {
        return new Resident(id, "居民" + id, String.valueOf(20000000 + id), null, building, "1-101", household, null,
                false);
    }

    static Meeting meeting(Council council, Eligibility eligibility, String building, int quorum) {
        return council.createMeeting(new MeetingDraft("六月议事会", MutableClock.START, "社区活动室", eligibility, building,
                quorum), CHAIR);
    }

    static Poll yesNoPoll(Council council, long meetingId, boolean secret) {
        Motion motion = council.addMotion(meetingId, new MotionDraft("加装电梯", PollKind.YES_NO_ABSTAIN, List.of(), 1,
                secret, MajorityRule.CAST), CHAIR);
        return council.openPoll(motion.poll().id(), CHAIR);
    }

    private static String problem(Runnable action) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, action::run);
        return refused.problems().get(0).key();
    }

    @Test
    void checkedInVotersVoteOnceAndEveryBallotIsCounted() {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 3);
        for (long id = 1; id <= 5; id++) {
            assertTrue(council.checkIn(meeting.id(), resident(id, "3", "H" + id), CHAIR).newly());
        }
        assertFalse(council.checkIn(meeting.id(), resident(1, "3", "H1"), CHAIR).newly());
        assertEquals(5, council.status(meeting.id()).present());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), council.attendees(meeting.id()));

        Poll poll = yesNoPoll(council, meeting.id(), true);
        assertEquals(poll.id(), council.status(meeting.id()).openPoll().orElseThrow().id());
        Set<String> receipts = new HashSet<>();
        int[] choices = { 0, 0, 1, 2, 0 };
        for (int i = 0; i < 5; i++) {
            Receipt receipt = council.cast(poll.id(), resident(i + 1, "3", "H" + (i + 1)), List.of(choices[i]));
            receipts.add(receipt.code());
        }
        assertEquals(5, receipts.size());
        assertEquals(5, council.poll(poll.id()).orElseThrow().ballotsCast());

        Poll closed = council.closePoll(poll.id(), CHAIR);
        assertEquals(PollState.CLOSED, closed.state());
        assertEquals(5, closed.presentAtClose());
        PollResult result = council.result(poll.id());
        assertEquals(List.of(3, 1, 1), result.votes());
        assertEquals(5, result.ballots());
        assertEquals(Outcome.DECIDED, result.outcome());

        List<ChainEntry> chain = council.chain(poll.id());
        assertEquals(receipts, new HashSet<>(chain.stream().map(ChainEntry::receipt).toList()));
        assertTrue(VoteRules.verify(chain));
        assertEquals(council.closePoll(poll.id(), CHAIR), closed); // a double tap on close changes nothing
    }

    @Test
    void badBallotsAreRefusedWithNothingWritten() throws SQLException {
        Meeting meeting = meeting(council, Eligibility.BUILDING, "3", 1);
        Resident voter = resident(1, "3", "H1");
        Resident otherBuilding = resident(2, "5", "H2");
        council.checkIn(meeting.id(), voter, CHAIR);
        assertEquals("deliberation.problem.voter.notEligible",
                problem(() -> council.checkIn(meeting.id(), otherBuilding, CHAIR)));

        Motion motion = council.addMotion(meeting.id(), new MotionDraft("议题", PollKind.YES_NO_ABSTAIN, List.of(), 1,
                true, MajorityRule.CAST), CHAIR);
        long pollId = motion.poll().id();
        assertEquals("deliberation.problem.poll.notOpen", problem(() -> council.cast(pollId, voter, List.of(0))));
        council.openPoll(pollId, CHAIR);
        assertEquals("deliberation.problem.voter.notCheckedIn",
                problem(() -> council.cast(pollId, resident(3, "3", "H3"), List.of(0))));
        assertEquals("deliberation.problem.voter.notEligible",
                problem(() -> council.cast(pollId, otherBuilding, List.of(0))));
        assertEquals("deliberation.problem.choice.invalid", problem(() -> council.cast(pollId, voter, List.of(7))));
        assertEquals(0, rows("deliberation_ballot") + rows("deliberation_voter_register"));

        council.checkVoter(pollId, voter);
        council.cast(pollId, voter, List.of(1));
        assertEquals("deliberation.problem.voter.alreadyVoted", problem(() -> council.checkVoter(pollId, voter)));
        assertEquals("deliberation.problem.voter.alreadyVoted", problem(() -> council.cast(pollId, voter, List.of(0))));
        council.closePoll(pollId, CHAIR);
        assertEquals("deliberation.problem.poll.notOpen", problem(() -> council.checkVoter(pollId, voter)));
        assertEquals(1, rows("deliberation_ballot"));
        assertEquals(1, rows("deliberation_voter_register"));
        assertEquals(List.of(0, 1, 0), council.result(pollId).votes());
    }

    @Test
    void oneVotePerHousehold() {
        Meeting meeting = meeting(council, Eligibility.HOUSEHOLD, null, 2);
        Resident husband = resident(1, "3", "H-301");
        Resident wife = resident(2, "3", "H-301");
        Resident neighbour = resident(3, "3", "H-302");
        assertEquals("deliberation.problem.voter.noHousehold",
                problem(() -> council.checkIn(meeting.id(), resident(4, "3", " "), CHAIR)));
        council.checkIn(meeting.id(), husband, CHAIR);
        council.checkIn(meeting.id(), wife, CHAIR);
        assertFalse(council.status(meeting.id()).quorate()); // two people, one household
        council.checkIn(meeting.id(), neighbour, CHAIR);
        assertEquals(2, council.status(meeting.id()).present());

        Poll poll = yesNoPoll(council, meeting.id(), true);
        council.cast(poll.id(), wife, List.of(0));
        assertEquals("deliberation.problem.voter.householdVoted",
                problem(() -> council.cast(poll.id(), husband, List.of(1))));
        council.cast(poll.id(), neighbour, List.of(0));
        council.closePoll(poll.id(), CHAIR);
        PollResult result = council.result(poll.id());
        assertEquals(List.of(2, 0, 0), result.votes());
        assertEquals(2, result.present());
        assertEquals(Outcome.DECIDED, result.outcome());
    }

    @Test
    void twoKiosksSubmittingTheSameVoterAtOnceRecordExactlyOneBallot() throws Exception {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        Resident voter = resident(1, "3", "H1");
        council.checkIn(meeting.id(), voter, CHAIR);
        // the second kiosk is a service instance of its own on the same database, as after a failover
        JdbcCouncil secondKiosk = new JdbcCouncil(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
                events, 3);
        for (int round = 0; round < 10; round++) {
            Poll poll = yesNoPoll(council, meeting.id(), true);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger recorded = new AtomicInteger();
            List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService kiosks = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            for (Council kiosk : List.of(council, secondKiosk)) {
                done.add(kiosks.submit(() -> {
                    start.await();
                    try {
                        kiosk.cast(poll.id(), voter, List.of(0));
                        recorded.incrementAndGet();
                    } catch (InvalidInputException e) {
                        refusals.add(e.problems().get(0).key());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            kiosks.shutdown();
            assertEquals(1, recorded.get(), "round " + round);
            assertEquals(List.of("deliberation.problem.voter.alreadyVoted"), refusals);
            council.closePoll(poll.id(), CHAIR);
            assertEquals(1, council.result(poll.id()).ballots());
        }
    }

    @Test
    void twoMembersOfAHouseholdAtTwoKiosksAtOnceCastOneBallot() throws Exception {
        Meeting meeting = meeting(council, Eligibility.HOUSEHOLD, null, 1);
        Resident husband = resident(1, "3", "H-301");
        Resident wife = resident(2, "3", "H-301");
        council.checkIn(meeting.id(), husband, CHAIR);
        council.checkIn(meeting.id(), wife, CHAIR);
        for (int round = 0; round < 10; round++) {
            Poll poll = yesNoPoll(council, meeting.id(), true);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger recorded = new AtomicInteger();
            List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService kiosks = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            for (Resident member : List.of(husband, wife)) {
                done.add(kiosks.submit(() -> {
                    start.await();
                    try {
                        council.cast(poll.id(), member, List.of((int) member.id()));
                        recorded.incrementAndGet();
                    } catch (InvalidInputException e) {
                        refusals.add(e.problems().get(0).key());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            kiosks.shutdown();
            assertEquals(1, recorded.get(), "round " + round);
            assertEquals(List.of("deliberation.problem.voter.householdVoted"), refusals);
            council.closePoll(poll.id(), CHAIR);
            assertEquals(1, council.result(poll.id()).ballots());
        }
    }

    @Test
    void aBallotRacingTheCloseIsEitherCountedOrRefused() throws Exception {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        int voters = 40;
        for (long id = 1; id <= voters; id++) {
            council.checkIn(meeting.id(), resident(id, "3", "H" + id), CHAIR);
        }
        Poll poll = yesNoPoll(council, meeting.id(), true);
        ExecutorService kiosks = Executors.newFixedThreadPool(8);
        AtomicInteger acknowledged = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (long id = 1; id <= voters; id++) {
            Resident voter = resident(id, "3", "H" + id);
            done.add(kiosks.submit(() -> {
                try {
                    council.cast(poll.id(), voter, List.of(0));
                    acknowledged.incrementAndGet();
                } catch (InvalidInputException e) {
                    assertEquals("deliberation.problem.poll.notOpen", e.problems().get(0).key());
                }
            }));
            if (id == voters / 2) {
                council.closePoll(poll.id(), CHAIR);
            }
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        kiosks.shutdown();
        PollResult result = council.result(poll.id());
        assertEquals(acknowledged.get(), result.ballots());
        assertEquals(acknowledged.get(), council.poll(poll.id()).orElseThrow().ballotsCast());
        assertEquals(acknowledged.get(), rows("deliberation_voter_register"));
    }

    @Test
    void secretBallotsCarryNothingThatLeadsToTheVoter() throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, null, "DELIBERATION_BALLOT", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                int type = rs.getInt("DATA_TYPE");
                assertNotEquals(java.sql.Types.TIMESTAMP, type, "no time on a ballot");
            }
        }
        assertEquals(Set.of("id", "poll_id", "receipt", "choices"), columns);
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, null, "DELIBERATION_BALLOT", "ID")) {
            rs.next();
            assertEquals("NO", rs.getString("IS_AUTOINCREMENT"));
        }

        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        for (long id = 1; id <= 20; id++) {
            council.checkIn(meeting.id(), resident(id, "3", "H" + id), CHAIR);
        }
        Poll poll = yesNoPoll(council, meeting.id(), true);
        List<String> receiptsInVotingOrder = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            receiptsInVotingOrder.add(council.cast(poll.id(), resident(id, "3", "H" + id), List.of(0)).code());
        }
        List<String> ids = new ArrayList<>();
        List<String> sortedById = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, receipt FROM deliberation_ballot ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                sortedById.add(rs.getString(2));
            }
        }
        ids.forEach(id -> assertEquals(4, java.util.UUID.fromString(id).version(), "random UUID " + id));
        assertNotEquals(receiptsInVotingOrder, sortedById, "ids follow the voting order");
        // after closing, not even the storage order follows the voting order
        council.closePoll(poll.id(), CHAIR);
        List<String> stored = new ArrayList<>();
        List<String> idsAfter = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT receipt, id FROM deliberation_ballot")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
                idsAfter.add(rs.getString(2));
            }
        }
        assertEquals(new HashSet<>(receiptsInVotingOrder), new HashSet<>(stored));
        assertNotEquals(receiptsInVotingOrder, stored, "rows stored in voting order");
        idsAfter.forEach(id -> assertFalse(ids.contains(id), "ids renewed"));
        assertEquals(List.of(20, 0, 0), council.result(poll.id()).votes());
        // the register says who voted, not what; the audit log neither what nor the receipt
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM deliberation_voter_register"
                        + " WHERE named_choices IS NOT NULL")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        assertEquals(List.of(), council.namedVotes(poll.id()));
        List<AuditEntry> audit = db.auditLog().find(AuditQuery.latest(100));
        for (AuditEntry entry : audit) {
            for (String receipt : receiptsInVotingOrder) {
                assertFalse(String.valueOf(entry.detail()).contains(receipt));
            }
            if (entry.action().equals("deliberation.ballot.cast")) {
                assertEquals(null, entry.detail());
            }
        }
    }

    @Test
    void namedPollsKeepWhoVotedWhatInTheRegister() throws SQLException {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        council.checkIn(meeting.id(), resident(1, "3", "H1"), CHAIR);
        Poll poll = yesNoPoll(council, meeting.id(), false);
        council.cast(poll.id(), resident(1, "3", "H1"), List.of(1));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT resident_id, named_choices FROM deliberation_voter_register")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
            assertEquals("1", rs.getString(2));
        }
        assertEquals(List.of(new Council.NamedVote(1, List.of(1))), council.namedVotes(poll.id()));
    }

    @Test
    void afterARestartAnOpenPollIsClosedAndEveryBallotCounted() {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 2);
        for (long id = 1; id <= 6; id++) {
            council.checkIn(meeting.id(), resident(id, "3", "H" + id), CHAIR);
        }
        Motion motion = council.addMotion(meeting.id(), new MotionDraft("选举楼长", PollKind.UP_TO_K,
                List.of("张", "李", "王"), 2, true, MajorityRule.CAST), CHAIR);
        long pollId = motion.poll().id();
        council.openPoll(pollId, CHAIR);
        for (long id = 1; id <= 6; id++) {
            council.cast(pollId, resident(id, "3", "H" + id), id == 6 ? List.of() : List.of(0, (int) (id % 2) + 1));
        }
        events.stop();

        // the kiosk was killed: new instances of every service on the same database
        PollEvents restarted = new PollEvents();
        JdbcCouncil after = new JdbcCouncil(db.transactions(), db.migrations(), db.auditLog(), db.clock(), restarted,
                3);
        try {
            assertEquals(PollState.OPEN, after.poll(pollId).orElseThrow().state());
            assertEquals("deliberation.problem.voter.alreadyVoted",
                    problem(() -> after.cast(pollId, resident(1, "3", "H1"), List.of(0))));
            after.closePoll(pollId, CHAIR);
            PollResult result = after.result(pollId);
            assertEquals(6, result.ballots());
            assertEquals(List.of(5, 2, 3), result.votes());
            assertEquals(1, result.blank());
            assertEquals(Outcome.DECIDED, result.outcome());
            assertEquals(List.of(0, 2), result.winners());
            assertTrue(VoteRules.verify(after.chain(pollId)));
            assertEquals(6, after.chain(pollId).size());
        } finally {
            restarted.stop();
        }
    }

    @Test
    void paperBallotsAreAddedOnceAfterClosing() {
        Poll poll = votedYes(1);
        PaperTotals paper = new PaperTotals(6, 5, 1, 0, List.of(2, 2, 1));
        assertEquals("deliberation.problem.paper.notClosed", problem(() -> council.addPaper(poll.id(), paper, CHAIR)));
        council.closePoll(poll.id(), CHAIR);
        assertEquals("deliberation.problem.paper.sum",
                problem(() -> council.addPaper(poll.id(), new PaperTotals(6, 5, 0, 0, List.of(2, 2, 1)), CHAIR)));
        council.addPaper(poll.id(), paper, CHAIR);
        assertEquals("deliberation.problem.paper.already", problem(() -> council.addPaper(poll.id(), paper, CHAIR)));
        PollResult result = council.result(poll.id());
        assertEquals(List.of(3, 2, 1), result.votes());
        assertEquals(7, result.ballots());
        assertEquals(Outcome.DECIDED, result.outcome());
    }

    @Test
    void onlyOnePollOfAMeetingIsOpen() {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        Poll first = yesNoPoll(council, meeting.id(), true);
        Motion second = council.addMotion(meeting.id(), new MotionDraft("第二项", PollKind.ONE_OF_N,
                List.of("甲方案", "乙方案"), 1, false, MajorityRule.TWO_THIRDS), CHAIR);
        assertEquals(2, second.position());
        assertEquals("deliberation.problem.poll.anotherOpen",
                problem(() -> council.openPoll(second.poll().id(), CHAIR)));
        council.closePoll(first.id(), CHAIR);
        council.openPoll(second.poll().id(), CHAIR);
        council.closePoll(second.poll().id(), CHAIR);
        assertEquals("deliberation.problem.poll.notPending", problem(() -> council.openPoll(first.id(), CHAIR)));
        assertEquals(null, council.meeting(meeting.id()).orElseThrow().openPollId());
    }

    @Test
    void listenersHearOfABallotAfterItIsCommitted() throws Exception {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        council.checkIn(meeting.id(), resident(1, "3", "H1"), CHAIR);
        Poll poll = yesNoPoll(council, meeting.id(), true);
        CountDownLatch heard = new CountDownLatch(1);
        int[] seen = new int[1];
        try (PollEvents.Registration registration = events.subscribe(meeting.id(), () -> {
            int cast = council.poll(poll.id()).orElseThrow().ballotsCast();
            if (cast == 1) {
                seen[0] = cast;
                heard.countDown();
            }
        })) {
            council.cast(poll.id(), resident(1, "3", "H1"), List.of(0));
            assertTrue(heard.await(1, TimeUnit.SECONDS));
        }
        assertEquals(1, seen[0]);
    }

    @Test
    void refusedMeetingsAndMotions() {
        InvalidInputException meeting = assertThrows(InvalidInputException.class, () -> council.createMeeting(
                new MeetingDraft(" ", null, "", Eligibility.BUILDING, "", -1), CHAIR));
        assertEquals(Set.of("deliberation.problem.title.required", "deliberation.problem.startsAt.required",
                "deliberation.problem.place.required", "deliberation.problem.building.required",
                "deliberation.problem.quorum.negative"),
                new HashSet<>(meeting.problems().stream().map(p -> p.key()).toList()));
        assertEquals(3, council.createMeeting(new MeetingDraft("会", MutableClock.START, "室", null, null, null), CHAIR)
                .quorum());
        long id = council.meetings().get(0).id();
        assertEquals("deliberation.problem.options.count", problem(() -> council.addMotion(id,
                new MotionDraft("选", PollKind.ONE_OF_N, List.of("一"), 1, true, MajorityRule.CAST), CHAIR)));
        assertEquals("deliberation.problem.maxChoices.range", problem(() -> council.addMotion(id,
                new MotionDraft("选", PollKind.UP_TO_K, List.of("一", "二"), 3, true, MajorityRule.CAST), CHAIR)));
    }

    /** An open secret yes/no poll in which residents 1..voters checked in and voted yes. */
    private Poll votedYes(int voters) {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        for (long id = 1; id <= voters; id++) {
            council.checkIn(meeting.id(), resident(id, "3", "H" + id), CHAIR);
        }
        Poll poll = yesNoPoll(council, meeting.id(), true);
        for (long id = 1; id <= voters; id++) {
            council.cast(poll.id(), resident(id, "3", "H" + id), List.of(0));
        }
        return poll;
    }

    private long audited(String action) {
        return db.auditLog().find(org.communitykiosk.api.audit.AuditQuery.latest(100)).stream()
                .filter(e -> e.action().equals(action)).count();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /**
     * The closing transaction seals the poll (chain head, ballots, register); a ballot slipped into the database after
     * the close, or a stored choice changed, no longer matches the seal, and verification says so.
     */
    @Test
    void aClosedPollIsSealedAndBallotsStuffedOrChangedAfterwardsAreFound() throws SQLException {
        Poll poll = votedYes(3);
        assertTrue(council.seal(poll.id()).isEmpty(), "an open poll has no seal");
        council.closePoll(poll.id(), CHAIR);
        Council.Seal seal = council.seal(poll.id()).orElseThrow();
        List<ChainEntry> chain = council.chain(poll.id());
        assertEquals(new Council.Seal(chain.get(chain.size() - 1).hash(), 3, 3), seal);
        assertTrue(council.verify(poll.id(), CHAIR).intact());

        execute("INSERT INTO deliberation_ballot (id, poll_id, receipt, choices) VALUES ('stuffed', " + poll.id()
                + ", 'ZZZZZZ', '1')");
        Council.Verification stuffed = council.verify(poll.id(), CHAIR);
        assertFalse(stuffed.intact());
        assertEquals(4, stuffed.ballots());
        assertEquals(3, stuffed.seal().orElseThrow().ballots());
        execute("DELETE FROM deliberation_ballot WHERE id = 'stuffed'");
        assertTrue(council.verify(poll.id(), CHAIR).intact());

        execute("UPDATE deliberation_ballot SET choices = '1' WHERE receipt = '" + chain.get(0).receipt() + "'");
        Council.Verification changed = council.verify(poll.id(), CHAIR);
        assertFalse(changed.intact(), "same number of ballots, one choice changed");
        assertEquals(3, changed.ballots());
        assertEquals(4, audited("deliberation.poll.verify"), "every check is audited");
    }

    /** While a vote is open, a backup would copy its ballots in voting order: the hold says so until the close. */
    @Test
    void noBackupWhileAVoteIsOpen() {
        OpenPollBackupHold hold = new OpenPollBackupHold(council);
        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        assertTrue(hold.reason(java.util.Locale.ENGLISH).isEmpty());
        Poll poll = yesNoPoll(council, meeting.id(), true);
        String reason = hold.reason(java.util.Locale.ENGLISH).orElseThrow();
        assertTrue(reason.contains("六月议事会") && reason.contains("after the vote is closed"), reason);
        assertTrue(hold.reason(java.util.Locale.SIMPLIFIED_CHINESE).orElseThrow().contains("投票结束后"));
        council.closePoll(poll.id(), CHAIR);
        assertTrue(hold.reason(java.util.Locale.ENGLISH).isEmpty(), "a closed vote holds nothing");
    }

    /** A ballot without its register row (written into the database while the poll ran) stops the close. */
    @Test
    void aPollWhoseBallotsOutnumberItsVotersIsNotClosed() throws SQLException {
        Poll poll = votedYes(1);
        execute("INSERT INTO deliberation_ballot (id, poll_id, receipt, choices) VALUES ('stuffed', " + poll.id()
                + ", 'ZZZZZZ', '0')");
        assertEquals("deliberation.problem.poll.countMismatch", problem(() -> council.closePoll(poll.id(), CHAIR)));
        assertEquals(PollState.OPEN, council.poll(poll.id()).orElseThrow().state());
        assertTrue(council.seal(poll.id()).isEmpty());
        assertEquals(1, audited("deliberation.poll.countMismatch"), "reported");
    }

    private int rows(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A poll opened by the earlier version has 16 counter rows: its ballots keep going to rows it has. */
    @Test
    void aPollOpenedWithFewerCounterRowsKeepsCountingEveryBallot() throws Exception {
        Meeting meeting = meeting(council, Eligibility.ALL, null, 1);
        for (long id = 1; id <= 41; id++) {
            council.checkIn(meeting.id(), resident(id, "3", "H" + id), CHAIR);
        }
        Poll poll = yesNoPoll(council, meeting.id(), true);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(JdbcCouncil.STRIPES, s.executeUpdate("UPDATE deliberation_poll_counter SET ballots = 0"
                    + " WHERE poll_id = " + poll.id()));
            assertEquals(JdbcCouncil.STRIPES - 16, s.executeUpdate("DELETE FROM deliberation_poll_counter"
                    + " WHERE poll_id = " + poll.id() + " AND stripe >= 16"));
        }
        for (long id = 1; id <= 40; id++) {
            council.cast(poll.id(), resident(id, "3", "H" + id), List.of(0));
        }
        assertEquals(40, council.poll(poll.id()).orElseThrow().ballotsCast());
        council.closePoll(poll.id(), CHAIR);
        assertEquals(40, council.result(poll.id()).ballots());
        assertEquals("deliberation.problem.poll.notOpen",
                problem(() -> council.cast(poll.id(), resident(41, "3", "H41"), List.of(0))));
    }
}
