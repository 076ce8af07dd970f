package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import java.util.List;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class DemoCommunityTest {

    @Test
    void fillsAnEmptyRegisterOnce() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            new DemoCommunity(db.settings(), db.residents(), db.cards(), db.transactions()).awaitFilled();
            assertEquals(5, db.residents().count());
            new DemoCommunity(db.settings(), db.residents(), db.cards(), db.transactions()).awaitFilled();
            assertEquals(5, db.residents().count());

            Resident li = db.residents().byCard("10000002").orElseThrow();
            assertEquals(List.of("李建国", "李秀英"),
                    db.residents().household(li.household()).stream().map(Resident::name).toList());
            assertTrue(db.identification().signInWithPin("13800000001", "1234").succeeded());
            assertTrue(db.identification().byToken("KIOSK-CARD:10000005").isEmpty(), "a register number is no card");
        }
    }

    @Test
    void demoCardsHaveThePublishedTokens() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            new DemoCommunity(db.settings(), db.residents(), db.cards(), db.transactions()).awaitFilled();
            // as the README publishes them: the register number, twelve zeros and the check digit
            List<String> published = List.of("100000010000000000007", "100000020000000000005",
                    "100000030000000000003", "100000040000000000001", "100000050000000000008");
            for (int i = 0; i < published.size(); i++) {
                Resident resident = db.identification().byToken(published.get(i)).orElseThrow();
                assertEquals(DemoCommunity.RESIDENTS.get(i).name(), resident.name());
                assertEquals(resident, db.identification().byToken("KIOSK-CARD:" + published.get(i)).orElseThrow());
                assertEquals(DemoCommunity.DEMO.toString(),
                        db.cards().current(resident.id()).orElseThrow().issuedBy().toString());
            }
        }
    }

    @Test
    void theShippedHashIsTheDemoPin() {
        PinHasher hasher = new PinHasher();
        assertTrue(hasher.verify(DemoCommunity.DEMO_PIN, DemoCommunity.DEMO_PIN_HASH));
        assertFalse(hasher.verify("1235", DemoCommunity.DEMO_PIN_HASH));
    }

    @Test
    void bothDemoResidentsWithAPinSignInWithIt() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            new DemoCommunity(db.settings(), db.residents(), db.cards(), db.transactions()).awaitFilled();
            assertTrue(db.identification().signInWithPin("13800000002", "1234").succeeded());
            assertFalse(db.identification().signInWithPin("13800000002", "4321").succeeded());
            assertFalse(db.identification().signInWithPin("13800000003", "1234").succeeded(), "no PIN set");
        }
    }

    @Test
    void aPinHashIsTakenOnlyInTheStoredFormAndWithoutAPlainPin() {
        try (TestDatabase db = new TestDatabase()) {
            JdbcResidentDirectory register = (JdbcResidentDirectory) db.residents();
            ResidentDraft withPin = new ResidentDraft("赵一", "20000001", "13900000001", "1", "1-101", "1-1-101",
                    LocalDate.of(1950, 1, 1), "1234");
            ResidentDraft withoutPin = new ResidentDraft("赵一", "20000001", "13900000001", "1", "1-101", "1-1-101",
                    LocalDate.of(1950, 1, 1), null);
            assertThrows(IllegalArgumentException.class,
                    () -> register.createWithPinHash(withPin, DemoCommunity.DEMO_PIN_HASH, DemoCommunity.DEMO));
            assertThrows(IllegalArgumentException.class,
                    () -> register.createWithPinHash(withoutPin, "1234", DemoCommunity.DEMO));
            assertEquals(0, db.residents().count(), "nothing written");
            register.createWithPinHash(withoutPin, DemoCommunity.DEMO_PIN_HASH, DemoCommunity.DEMO);
            assertTrue(db.identification().signInWithPin("13900000001", "1234").succeeded());
        }
    }

    @Test
    void nothingWithoutDemoData() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            Settings defaults = Settings.defaults();
            KioskSettings noDemo = new Settings(defaults.kioskId(), defaults.kioskName(), defaults.communityName(),
                    defaults.defaultLocale(), defaults.zone(), defaults.residentIdleTimeout(),
                    defaults.staffIdleTimeout(), false, List.of(), List.of());
            new DemoCommunity(noDemo, db.residents(), db.cards(), db.transactions()).awaitFilled();
            assertEquals(0, db.residents().count());
        }
    }
}
