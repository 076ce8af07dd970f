package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.internal.HoursEntry.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceHoursTest {

    static final Actor STAFF = Actor.staff("wang");

    private final TestDatabase db = new TestDatabase();
    private final JdbcLedger ledger = LedgerTest.ledger(db);
    private final JdbcServiceHours hours = hours(db, ledger, Map.of());
    private final Resident zhang = LedgerTest.resident(db, "张桂兰", "10000001", "H1");
    private final Resident li = LedgerTest.resident(db, "李建国", "10000002", "H2");
    private final LocalDate today = LocalDate.now(db.clock());

    static JdbcServiceHours hours(TestDatabase db, JdbcLedger ledger, Map<String, Object> config) {
        return new JdbcServiceHours(db.transactions(), db.migrations(), db.auditLog(), db.clock(), db.residents(),
                ledger, PointsRulesTest.config(config));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private HoursDraft draft(LocalDate date, int hour, int minutes, Long served, String key) {
        return new HoursDraft(zhang.id(), "elderly-care", date, LocalTime.of(hour, 0), minutes, "3号楼", served, key);
    }

    @Test
    void aTeamActivityOfAnOrganisationIsReportedUnderItAndServiceOfNoneApart() {
        HoursDraft cleanUp = new HoursDraft(0, "cleaning", today, LocalTime.of(8, 0), 120, "小区花园", null, null,
                "volunteer-team");
        List<ServiceHours.TeamResult> team = hours.logTeam(cleanUp, List.of(zhang.id(), li.id()), "team:1", STAFF);
        assertTrue(team.stream().allMatch(r -> r.refused() == null));
        hours.confirm(hours.log(draft(today, 14, 60, null, "own"), Actor.resident(zhang.id())).id(), STAFF);
        // pending service is not reported
        hours.log(new HoursDraft(li.id(), "other", today, LocalTime.of(16, 0), 30, null, null, "pending",
                "elderly-association"), Actor.resident(li.id()));

        List<OrganisationRow> rows = hours.reportByOrganisation(today.withDayOfYear(1),
                today.withDayOfYear(1).plusYears(1));
        assertEquals(List.of(new OrganisationRow("volunteer-team", 2, 240, 32, 0),
                new OrganisationRow(null, 1, 60, 10, 0)), rows);
        assertTrue(OrganisationRow.csv(rows, id -> id == null ? "none" : id)
                .contains("volunteer-team,2,4,32,0\r\nnone,1,1,10,0"));
    }

    @Test
    void anUnknownOrganisationIsRefusedAndNothingIsWritten() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> hours.log(new HoursDraft(
                zhang.id(), "other", today, LocalTime.NOON, 60, null, null, "k", "no-such-club"),
                Actor.resident(zhang.id())));
        assertEquals("points.problem.organisation", refused.problems().get(0).key());
        assertEquals(List.of(), hours.pending(0, 10));
    }

    @Test
    void loggedHoursArePendingUntilStaffConfirmThenPointsArePosted() {
        HoursEntry logged = hours.log(draft(today, 9, 90, null, "k1"), Actor.resident(zhang.id()));
        assertEquals(Status.PENDING, logged.status());
        assertEquals(0, ledger.balance(Account.resident(zhang.id())));
        assertEquals(List.of(logged), hours.pending(0, 10));

        HoursEntry confirmed = hours.confirm(logged.id(), STAFF);
        assertEquals(Status.CONFIRMED, confirmed.status());
        assertEquals(15, confirmed.points());
        assertEquals(15, ledger.balance(Account.resident(zhang.id())));
        assertEquals(List.of(), hours.pending(0, 10));
        assertEquals(new ServiceHours.Totals(90, 90), hours.totals(zhang.id(), today.getYear()));
        assertEquals("points.hours.confirm", db.auditLog().find(AuditQuery.latest(1)).get(0).action());

        InvalidInputException again = assertThrows(InvalidInputException.class, () -> hours.confirm(logged.id(), STAFF));
        assertEquals("points.problem.decided", again.problems().get(0).key());
        assertEquals(15, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void theServedResidentConfirmsByCardOnlyTheirOwnEntry() {
        HoursEntry logged = hours.log(draft(today, 9, 60, li.id(), "k1"), Actor.resident(zhang.id()));
        assertEquals("points.problem.notServed", assertThrows(InvalidInputException.class,
                () -> hours.confirmByServed(logged.id(), zhang.id())).problems().get(0).key());
        HoursEntry confirmed = hours.confirmByServed(logged.id(), li.id());
        assertEquals("resident:" + li.id(), confirmed.decidedBy());
        assertEquals(10, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void rejectNeedsAReasonAndPostsNothing() {
        HoursEntry logged = hours.log(draft(today, 9, 60, null, "k1"), Actor.resident(zhang.id()));
        assertThrows(InvalidInputException.class, () -> hours.reject(logged.id(), " ", STAFF));
        HoursEntry rejected = hours.reject(logged.id(), "not on the rota", STAFF);
        assertEquals(Status.REJECTED, rejected.status());
        assertEquals("not on the rota", rejected.rejectReason());
        assertEquals(0, ledger.balance(Account.resident(zhang.id())));
        // a rejected entry does not block logging the same time again
        hours.log(draft(today, 9, 60, null, "k2"), Actor.resident(zhang.id()));
    }

    @Test
    void bulkConfirmSkipsWhatIsAlreadyDecided() {
        HoursEntry a = hours.log(draft(today, 8, 60, null, "a"), STAFF);
        HoursEntry b = hours.log(draft(today, 10, 60, null, "b"), STAFF);
        hours.reject(b.id(), "duplicate", STAFF);
        HoursEntry c = hours.log(draft(today.minusDays(1), 10, 60, null, "c"), STAFF);
        assertEquals(2, hours.confirmAll(List.of(a.id(), b.id(), c.id(), 999L), STAFF));
        assertEquals(20, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void overlappingEntriesAreRefusedAndNothingIsWritten() {
        hours.log(draft(today, 9, 120, null, "k1"), STAFF);
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> hours.log(draft(today, 10, 30, null, "k2"), STAFF));
        assertEquals(List.of(Problem.of("start", "points.problem.overlap")), refused.problems());
        // touching is not overlapping
        hours.log(draft(today, 11, 30, null, "k3"), STAFF);
        assertEquals(2, hours.entries(zhang.id(), 0, 10).size());
    }

    @Test
    void doubleTapOnSubmitLogsOnce() {
        HoursEntry first = hours.log(draft(today, 9, 60, null, "form-1"), STAFF);
        HoursEntry second = hours.log(draft(today, 9, 60, null, "form-1"), STAFF);
        assertEquals(first, second);
        assertEquals(1, hours.entries(zhang.id(), 0, 10).size());
    }

    @Test
    void unknownResidentsAreRefused() {
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> hours.log(draft(today, 9, 60, 999L, "k"), STAFF));
        assertEquals(List.of(Problem.of("served", "points.problem.served.unknown")), refused.problems());
        assertThrows(InvalidInputException.class, () -> hours.log(
                new HoursDraft(999, "other", today, LocalTime.NOON, 60, null, null, "k"), STAFF));
        assertEquals(List.of(), hours.pending(0, 10));
    }

    @Test
    void dailyCapAndYearlyOverflowToThePool() {
        JdbcServiceHours capped = hours(db, ledger, Map.of("dailyCapPoints", 25L, "yearlyCapPoints", 40L));
        HoursEntry a = capped.log(draft(today, 8, 120, null, "a"), STAFF); // 20
        HoursEntry b = capped.log(draft(today, 11, 120, null, "b"), STAFF); // 20, only 5 left today
        HoursEntry c = capped.log(draft(today.minusDays(1), 8, 120, null, "c"), STAFF); // 20
        HoursEntry d = capped.log(draft(today.minusDays(2), 8, 120, null, "d"), STAFF); // 20, over the year
        assertEquals(20, capped.confirm(a.id(), STAFF).points());
        assertEquals(5, capped.confirm(b.id(), STAFF).points());
        HoursEntry yearFull = capped.confirm(c.id(), STAFF);
        assertEquals(15, yearFull.points());
        assertEquals(5, yearFull.poolPoints());
        HoursEntry overflow = capped.confirm(d.id(), STAFF);
        assertEquals(0, overflow.points());
        assertEquals(20, overflow.poolPoints());
        assertEquals(40, ledger.balance(Account.resident(zhang.id())));
        assertEquals(25, ledger.balance(Account.COMMUNITY_POOL));
        assertEquals(-65, ledger.balance(Account.ISSUED));
    }

    @Test
    void monthlyBoardMasksNamesAndLeavesOutThoseWhoOptedOut() {
        HoursEntry a = hours.log(draft(today, 9, 60, null, "a"), STAFF);
        HoursEntry b = hours.log(new HoursDraft(li.id(), "other", today, LocalTime.NOON, 120, null, null, "b"), STAFF);
        hours.confirm(a.id(), STAFF);
        hours.confirm(b.id(), STAFF);
        List<BoardLine> board = hours.board(YearMonth.from(today), 10);
        assertEquals(List.of(new BoardLine(1, "李**", 120), new BoardLine(2, "张**", 60)), board);

        hours.setBoardOptOut(li.id(), true, Actor.resident(li.id()));
        assertTrue(hours.boardOptOut(li.id()));
        assertEquals(List.of(new BoardLine(1, "张**", 60)), hours.board(YearMonth.from(today), 10));
        assertEquals(List.of(), hours.board(YearMonth.from(today).minusMonths(1), 10));
    }
}
