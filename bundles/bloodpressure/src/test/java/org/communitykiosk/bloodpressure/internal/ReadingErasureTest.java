package org.communitykiosk.bloodpressure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.UUID;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The station's part in erasing residents: the demo residents' readings and alerts go, everybody else's stay. */
class ReadingErasureTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcReadingStore store =
            new JdbcReadingStore(db.transactions(), db.migrations(), db.auditLog(), db.clock());
    private final Resident demo = db.residents().create(
            new ResidentDraft("张桂兰", "10000001", "13800000001", "3", "2-301", "H1", null, null), Actor.system("t"));
    private final Resident real = db.residents().create(
            new ResidentDraft("赵一", "20000001", "13900000001", "3", "2-302", "H2", null, null), Actor.system("t"));

    @AfterEach
    void close() {
        db.close();
    }

    private void crisis(Resident who) {
        store.record(who.id(), new ReadingDraft(185, 121, 80, Reading.Source.MANUAL), Guideline.CHINA_2018,
                Actor.resident(who.id()), UUID.randomUUID().toString());
    }

    @Test
    void theDemoResidentsReadingsAndAlertsGo() {
        crisis(demo);
        crisis(demo);
        crisis(real);
        LocalDate today = LocalDate.now(db.clock());
        assertEquals(3, store.alerts(today).size());
        db.markDemo(demo.id());

        assertEquals(1, db.demoResidents(new ReadingErasure(db.transactions(), store)).remove(Actor.system("t")));

        assertEquals(0, store.history(demo.id(), today.minusDays(1)).size());
        assertEquals(1, store.history(real.id(), today.minusDays(1)).size());
        assertEquals(1, store.alerts(today).size(), "the real resident's alert stays");
    }
}
