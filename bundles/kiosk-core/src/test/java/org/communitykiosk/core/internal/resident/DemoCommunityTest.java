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

    private static DemoCommunity demo(TestDatabase db, boolean demoData) {
        return new DemoCommunity(db.settings(), db.residents(), db.cards(), db.transactions(), db.demoResidents(),
                demoData, 0);
    }

    @Test
    void theDemoResidentsAreMarkedAndGoWithTheirPluginDataWhenDemoDataIsTurnedOff() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            Resident real = db.residents().create(new ResidentDraft("赵一", "20000001", "13900000001", "1", "1-101",
                    "1-1-101", LocalDate.of(1950, 1, 1), null), org.communitykiosk.api.Actor.system("test"));
            // the register is not empty: no demo community is made
            demo(db, true).awaitFilled();
            assertEquals(0, db.demoResidents().count());

            try (TestDatabase fresh = new TestDatabase()) {
                java.util.List<java.util.Set<Long>> erased = new java.util.ArrayList<>();
                org.communitykiosk.api.erasure.DemoResidents demoResidents = fresh.demoResidents((ids, by) -> {
                    erased.add(ids);
                    return ids.size();
                });
                DemoCommunity community = new DemoCommunity(fresh.settings(), fresh.residents(),
                        fresh.cards(), fresh.transactions(), demoResidents, true, 0);
                community.awaitFilled();
                assertEquals(5, demoResidents.count());
                Resident kept = fresh.residents().create(new ResidentDraft("赵一", "20000001", "13900000001", "1",
                        "1-101", "1-1-101", LocalDate.of(1950, 1, 1), null), org.communitykiosk.api.Actor.system("t"));

                community.modified(config(false));
                community.awaitRemoved();
                assertEquals(0, demoResidents.count());
                assertEquals(1, fresh.residents().count(), "the real resident stays");
                assertTrue(fresh.residents().byId(kept.id()).isPresent());
                assertEquals(1, erased.size(), "every plugin's part ran once");
                assertEquals(5, erased.get(0).size());
                assertTrue(fresh.identification().byToken("100000010000000000007").isEmpty(),
                        "the published cards are gone");
            }
            assertTrue(db.residents().byId(real.id()).isPresent());
        }
    }

    @Test
    void aFailingPluginPartErasesNothing() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            demo(db, true).awaitFilled();
            org.communitykiosk.api.erasure.DemoResidents demoResidents = db.demoResidents((ids, by) -> {
                throw new IllegalStateException("a plugin's table is locked");
            });
            assertThrows(IllegalStateException.class,
                    () -> demoResidents.remove(org.communitykiosk.api.Actor.system("test")));
            assertEquals(5, demoResidents.count(), "one transaction: nothing removed");
        }
    }

    @Test
    void aStartWithDemoDataOffRemovesTheDemoCommunity() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            demo(db, true).awaitFilled();
            demo(db, false).awaitRemoved();
            assertEquals(0, db.residents().count());
        }
    }

    private static org.communitykiosk.core.internal.KioskSettingsConfig config(boolean demoData) {
        return (org.communitykiosk.core.internal.KioskSettingsConfig) java.lang.reflect.Proxy.newProxyInstance(
                DemoCommunityTest.class.getClassLoader(),
                new Class<?>[] { org.communitykiosk.core.internal.KioskSettingsConfig.class },
                (proxy, method, args) -> method.getName().equals("demoData") ? demoData : method.getDefaultValue());
    }

    @Test
    void fillsAnEmptyRegisterOnce() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            demo(db, true).awaitFilled();
            assertEquals(5, db.residents().count());
            demo(db, true).awaitFilled();
            assertEquals(5, db.residents().count());

            Resident li = db.residents().byCard("10000002").orElseThrow();
            assertEquals(List.of("李建国", "李秀英"),
                    db.residents().household(li.household()).stream().map(Resident::name).toList());
            assertTrue(db.identification().signInWithPin("13800000001", "1234", "screen").succeeded());
            assertTrue(db.identification().byToken("KIOSK-CARD:10000005").isEmpty(), "a register number is no card");
        }
    }

    @Test
    void demoCardsHaveThePublishedTokens() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            demo(db, true).awaitFilled();
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
    void aDemoCommunityMadeBeforeCardTokensGetsItsPublishedCards() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            demo(db, true).awaitFilled();
            // as an update finds it: the demo residents, and no card table rows yet
            try (java.sql.Connection c = db.dataSource().getConnection();
                    java.sql.Statement statement = c.createStatement()) {
                statement.executeUpdate("DELETE FROM kiosk_card");
            }
            assertTrue(db.identification().byToken("100000040000000000001").isEmpty());
            Resident real = db.residents().create(new ResidentDraft("赵一", "20000001", "13900000001", "1", "1-101",
                    "1-1-101", LocalDate.of(1950, 1, 1), null), org.communitykiosk.api.Actor.system("test"));

            demo(db, true).awaitFilled();
            assertEquals("王志强", db.identification().byToken("100000040000000000001").orElseThrow().name());
            assertEquals(5, DemoCommunity.RESIDENTS.stream()
                    .filter(d -> db.cards().current(db.residents().byCard(d.cardNumber()).orElseThrow().id())
                            .isPresent())
                    .count());
            assertTrue(db.cards().current(real.id()).isEmpty(), "a real resident gets no demo card");
        }
    }

    @Test
    void bothDemoResidentsWithAPinSignInWithIt() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            demo(db, true).awaitFilled();
            assertTrue(db.identification().signInWithPin("13800000002", "1234", "screen").succeeded());
            assertFalse(db.identification().signInWithPin("13800000002", "4321", "screen").succeeded());
            assertFalse(db.identification().signInWithPin("13800000003", "1234", "screen").succeeded(), "no PIN set");
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
            assertTrue(db.identification().signInWithPin("13900000001", "1234", "screen").succeeded());
        }
    }

    @Test
    void nothingWithoutDemoData() throws InterruptedException {
        try (TestDatabase db = new TestDatabase()) {
            KioskSettings noDemo = Settings.defaults().withDemoData(false);
            new DemoCommunity(noDemo, db.residents(), db.cards(), db.transactions(), db.demoResidents(), false, 0)
                    .awaitFilled();
            assertEquals(0, db.residents().count());
        }
    }
}
