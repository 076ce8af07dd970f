package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcReadingStoreTest {

    private static final Actor VOLUNTEER = Actor.staff("wang");

    private final TestDatabase db = new TestDatabase();
    private final JdbcReadingStore store = newStore();
    /** 2 June 2025, 9:00 in Shanghai, where the test clock starts. */
    private final LocalDate today = LocalDate.now(db.clock());

    @AfterEach
    void close() {
        db.close();
    }

    private JdbcReadingStore newStore() {
        return new JdbcReadingStore(db.transactions(), db.migrations(), db.auditLog(), db.clock());
    }

    static ReadingDraft draft(int systolic, int diastolic, Integer pulse) {
        return new ReadingDraft(systolic, diastolic, pulse, Reading.Source.DEVICE);
    }

    private Reading record(long resident, int systolic, int diastolic) {
        return store.record(resident, draft(systolic, diastolic, 70), Guideline.CHINA_2018, VOLUNTEER, key());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void recordedReadingReadsBackClassifiedAndAuditedWithoutValues() {
        Reading r = store.record(7, draft(150, 95, 72), Guideline.CHINA_2018, VOLUNTEER, key());

        assertEquals(List.of(r), store.history(7, today));
        assertEquals(150, r.systolic());
        assertEquals(95, r.diastolic());
        assertEquals(72, r.pulse());
        assertEquals(Category.CN_GRADE_1, r.category());
        assertTrue(r.hypertensive());
        assertFalse(r.crisis());
        assertEquals(Reading.SessionTag.MORNING, r.sessionTag());
        assertEquals(db.clock().instant(), r.takenAt());
        assertEquals(today, r.takenOn());

        List<AuditEntry> audit = db.auditLog().find(new AuditQuery(null, null, null, "bloodpressure.", 0, 10));
        assertEquals(1, audit.size());
        assertEquals("resident:7", audit.get(0).subject());
        assertFalse(audit.get(0).detail().contains("150") || audit.get(0).detail().contains("95"),
                audit.get(0).detail());
    }

    @Test
    void pulseIsOptionalAndAfternoonIsEvening() {
        db.clock().advance(Duration.ofHours(6));
        Reading r = store.record(7, draft(118, 76, null), Guideline.ESH_2023, VOLUNTEER, key());
        assertNull(r.pulse());
        assertEquals(Category.ESH_OPTIMAL, r.category());
        assertEquals(Reading.SessionTag.EVENING, r.sessionTag());
    }

    @Test
    void outOfRangeValuesWriteNothing() {
        assertProblems(List.of("bloodpressure.problem.systolic.range"), draft(59, 40, null));
        assertProblems(List.of("bloodpressure.problem.systolic.range"), draft(261, 100, null));
        assertProblems(List.of("bloodpressure.problem.diastolic.range"), draft(120, 29, null));
        assertProblems(List.of("bloodpressure.problem.diastolic.range", "bloodpressure.problem.systolicNotAbove"),
                draft(160, 161, null));
        assertProblems(List.of("bloodpressure.problem.pulse.range"), draft(120, 80, 29));
        assertProblems(List.of("bloodpressure.problem.pulse.range"), draft(120, 80, 221));
        assertProblems(List.of("bloodpressure.problem.systolicNotAbove"), draft(90, 90, 60));
        // the limits themselves are accepted
        store.record(1, draft(60, 30, 30), Guideline.CHINA_2018, VOLUNTEER, key());
        store.record(1, draft(260, 159, 220), Guideline.CHINA_2018, VOLUNTEER, key());
        store.record(1, draft(161, 160, null), Guideline.CHINA_2018, VOLUNTEER, key());
        assertEquals(3, store.history(1, today).size());
    }

    private void assertProblems(List<String> keys, ReadingDraft draft) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> store.record(9, draft, Guideline.CHINA_2018, VOLUNTEER, key()));
        assertEquals(keys, e.problems().stream().map(Problem::key).toList());
        assertEquals(List.of(), store.history(9, today.minusDays(1)));
    }

    @Test
    void repeatedRequestKeyRecordsOnce() {
        String key = key();
        Reading first = store.record(7, draft(130, 85, 70), Guideline.CHINA_2018, VOLUNTEER, key);
        Reading again = store.record(7, draft(130, 85, 70), Guideline.CHINA_2018, VOLUNTEER, key);
        assertEquals(first, again);
        assertEquals(1, store.history(7, today).size());
    }

    @Test
    void crisisRaisesAnAlertAtOnceInTheSameTransaction() {
        Reading r = record(7, 182, 100);
        assertTrue(r.crisis());
        List<Alert> alerts = store.alerts(today);
        assertEquals(1, alerts.size());
        assertEquals(Alert.Kind.CRISIS, alerts.get(0).kind());
        assertEquals(r, alerts.get(0).reading());
        assertTrue(alerts.get(0).open());
    }

    @Test
    void threeHypertensiveReadingsInARowRaiseOneAlert() {
        record(7, 142, 85);
        record(7, 150, 92);
        record(7, 118, 76); // a normal reading breaks the row
        record(7, 145, 91);
        record(7, 141, 80);
        assertEquals(List.of(), store.alerts(today));
        Reading third = record(7, 160, 100);
        assertEquals(List.of(third), store.alerts(today).stream().map(Alert::reading).toList());
        assertEquals(Alert.Kind.CONSECUTIVE, store.alerts(today).get(0).kind());
        record(7, 155, 95); // still open: no second alert
        assertEquals(1, store.alerts(today).size());
        record(8, 150, 95); // another resident's readings do not count
        record(8, 150, 95);
        assertEquals(1, store.alerts(today).size());
    }

    @Test
    void acknowledgeOnceWithANoteFirstWins() {
        record(7, 190, 115);
        Alert alert = store.alerts(today).get(0);
        db.clock().advance(Duration.ofMinutes(3));

        Alert done = store.acknowledge(alert.id(), "  已电话联系家属，建议就医  ", Actor.staff("li"));
        assertFalse(done.open());
        assertEquals("已电话联系家属，建议就医", done.note());
        assertEquals("staff:li", done.acknowledgedBy());
        assertEquals(db.clock().instant(), done.acknowledgedAt());
        assertEquals(List.of(done), store.alerts(today));

        InvalidInputException twice = assertThrows(InvalidInputException.class,
                () -> store.acknowledge(alert.id(), "again", VOLUNTEER));
        assertEquals("bloodpressure.problem.alert.alreadyAcknowledged", twice.problems().get(0).key());
        assertEquals("bloodpressure.problem.alert.notFound",
                assertThrows(InvalidInputException.class, () -> store.acknowledge(999, "", VOLUNTEER)).problems()
                        .get(0).key());
        assertEquals("bloodpressure.problem.note.tooLong", assertThrows(InvalidInputException.class,
                () -> store.acknowledge(alert.id(), "x".repeat(501), VOLUNTEER)).problems().get(0).key());

        List<AuditEntry> audit = db.auditLog().find(new AuditQuery(null, null, null, "bloodpressure.alert.ack", 0, 9));
        assertEquals(1, audit.size());
        assertNull(audit.get(0).detail());
        // acknowledged alerts leave the list after 30 days
        assertEquals(List.of(), store.alerts(today.plusDays(31)));
    }

    @Test
    void regularVisitorsNotSeenForTwoWeeksAreListed() {
        for (int i = 0; i < 3; i++) {
            record(1, 130, 80); // regular, comes back
            record(2, 130, 80); // regular, stays away
            db.clock().advance(Duration.ofDays(3));
        }
        record(3, 130, 80); // came once: not regular
        LocalDate last = LocalDate.now(db.clock());
        db.clock().advance(Duration.ofDays(14));
        record(1, 130, 80);
        LocalDate now = LocalDate.now(db.clock());

        List<ReadingStore.Absence> absent = store.absent(now);
        assertEquals(List.of(2L), absent.stream().map(ReadingStore.Absence::residentId).toList());
        assertEquals(last.minusDays(3), absent.get(0).lastSeen());
        assertEquals(3, absent.get(0).readings());
        assertEquals(List.of(), store.absent(now.minusDays(1)).stream().filter(a -> a.residentId() == 1).toList());
    }

    @Test
    void residentsPerDayCountsEachResidentOnce() {
        record(1, 130, 80);
        record(1, 128, 79);
        record(2, 130, 80);
        db.clock().advance(Duration.ofDays(2));
        record(3, 130, 80);
        assertEquals(List.of(new ReadingStore.DayCount(today, 2), new ReadingStore.DayCount(today.plusDays(2), 1)),
                store.residentsPerDay(today.minusDays(30), today.plusDays(2)));
        assertEquals(List.of(), store.residentsPerDay(today.plusDays(3), today.plusDays(9)));
    }

    @Test
    void migrationIsIdempotent() throws SQLException {
        record(1, 130, 80);
        newStore();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bloodpressure_reading")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }
}
