package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class DemoCommunityTest {

    @Test
    void fillsAnEmptyRegisterOnce() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            new DemoCommunity(db.settings(), db.residents(), db.transactions()).awaitFilled();
            assertEquals(5, db.residents().count());
            new DemoCommunity(db.settings(), db.residents(), db.transactions()).awaitFilled();
            assertEquals(5, db.residents().count());

            Resident li = db.residents().byCard("10000002").orElseThrow();
            assertEquals(List.of("李建国", "李秀英"),
                    db.residents().household(li.household()).stream().map(Resident::name).toList());
            assertTrue(db.identification().signInWithPin("13800000001", "1234").succeeded());
            assertTrue(db.identification().byToken("KIOSK-CARD:10000005").isPresent());
        }
    }

    @Test
    void nothingWithoutDemoData() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            Settings defaults = Settings.defaults();
            KioskSettings noDemo = new Settings(defaults.kioskId(), defaults.kioskName(), defaults.communityName(),
                    defaults.defaultLocale(), defaults.zone(), defaults.residentIdleTimeout(),
                    defaults.staffIdleTimeout(), false, List.of(), List.of());
            new DemoCommunity(noDemo, db.residents(), db.transactions()).awaitFilled();
            assertEquals(0, db.residents().count());
        }
    }
}
