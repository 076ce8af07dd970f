package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NeedsTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcLedger ledger = LedgerTest.ledger(db);
    private final JdbcServiceHours hours = ServiceHoursTest.hours(db, ledger, Map.of());
    private final JdbcNeeds needs = new JdbcNeeds(db.transactions(), db.migrations(), db.auditLog(), db.clock(), hours);
    private final Resident zhang = LedgerTest.resident(db, "张桂兰", "10000001", "H1");
    private final Resident li = LedgerTest.resident(db, "李建国", "10000002", "H2");
    private final Resident wang = LedgerTest.resident(db, "王秀英", "10000003", "H3");
    private final LocalDate today = LocalDate.now(db.clock());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void onlyOneVolunteerGetsANeedAndOnlyTheRequesterClosesIt() {
        Need need = needs.post(li.id(), "haircut", "haircut at home", "k1", Actor.resident(li.id()));
        assertEquals(need, needs.post(li.id(), "haircut", "haircut at home", "k1", Actor.resident(li.id())));
        assertEquals(List.of(need), needs.open(zhang.id(), 10));
        assertEquals(List.of(), needs.open(li.id(), 10));
        assertThrows(InvalidInputException.class, () -> needs.accept(need.id(), li.id(), Actor.resident(li.id())));

        needs.accept(need.id(), zhang.id(), Actor.resident(zhang.id()));
        assertEquals("points.problem.need.taken", assertThrows(InvalidInputException.class,
                () -> needs.accept(need.id(), wang.id(), Actor.resident(wang.id()))).problems().get(0).key());
        assertThrows(InvalidInputException.class,
                () -> needs.done(need.id(), wang.id(), today, LocalTime.of(9, 0), 60, Actor.resident(wang.id())));

        needs.done(need.id(), li.id(), today, LocalTime.of(9, 0), 60, Actor.resident(li.id()));
        assertEquals(10, ledger.balance(Account.resident(zhang.id())));
        assertThrows(InvalidInputException.class,
                () -> needs.done(need.id(), li.id(), today, LocalTime.of(11, 0), 60, Actor.resident(li.id())));
        assertEquals(10, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void aRefusedDoneLeavesTheNeedAcceptedAndCancelWorks() {
        Need need = needs.post(li.id(), "other", "shopping", "k1", Actor.resident(li.id()));
        needs.accept(need.id(), zhang.id(), Actor.resident(zhang.id()));
        assertThrows(InvalidInputException.class,
                () -> needs.done(need.id(), li.id(), today, LocalTime.of(9, 0), 0, Actor.resident(li.id())));
        assertEquals(Need.State.ACCEPTED, needs.need(need.id()).orElseThrow().state());
        needs.cancel(need.id(), li.id(), Actor.resident(li.id()));
        assertEquals(Need.State.CANCELLED, needs.need(need.id()).orElseThrow().state());
        assertEquals(List.of(), needs.active(li.id()));
        assertThrows(InvalidInputException.class, () -> needs.post(li.id(), "nope", " ", "k2", Actor.resident(li.id())));
    }
}
