package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Identification.PinAttempt;
import org.communitykiosk.api.resident.Identification.PinAttempt.Outcome;
import org.communitykiosk.api.resident.Identification.PinCheck;
import org.communitykiosk.api.resident.Identification.PinLock;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.internal.throttle.ThrottleRule;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentificationTest {

    static final String SCREEN = Identification.KIOSK_SCREEN;
    static final String PIN = "3947";
    static final String PHONE = "13800000001";

    /** Counts the PIN hashes checked: the work a refusal costs. */
    static final class CountingHasher extends PinHasher {
        final AtomicInteger verified = new AtomicInteger();

        CountingHasher() {
            super(1_000);
        }

        @Override
        public boolean verify(String pin, String stored) {
            verified.incrementAndGet();
            return super.verify(pin, stored);
        }
    }

    private final TestDatabase db = new TestDatabase();
    private final CountingHasher hasher = new CountingHasher();
    /** The default lockouts, with a place budget no test reaches unless it means to. */
    private final PinPolicy policy = new PinPolicy(5, PinPolicy.defaults().lockouts(),
            new ThrottleRule.Budget(1000, Duration.ofMinutes(15), Duration.ofMinutes(15)));
    private Identification identification = identification(policy);
    private Resident withPin;
    private Resident withoutPin;

    private Identification identification(PinPolicy rules) {
        return new PinIdentification(rules, db.residents(), db.transactions(), db.migrations(), db.auditLog(),
                db.settings(), db.clock(), hasher);
    }

    @BeforeEach
    void residents() {
        withPin = db.residents().create(new ResidentDraft("张桂兰", "10000001", PHONE, null, null, null, null, PIN),
                Actor.staff("wang"));
        withoutPin = db.residents().create(new ResidentDraft("李秀英", "10000003", "13800000003", null, null, null,
                null, null), Actor.staff("wang"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void cardAndQrPayloadCarryTheToken() {
        String card = db.newCard(withPin.id());
        String other = db.newCard(withoutPin.id());
        assertEquals(withPin, identification.byToken(card).orElseThrow());
        assertEquals(withPin, identification.byToken(" " + card + "\r\n").orElseThrow());
        assertEquals(withPin, identification.byToken("KIOSK-CARD:" + card).orElseThrow());
        assertEquals(withPin, identification.byToken("kiosk-card:" + card).orElseThrow());
        assertEquals(withoutPin, identification.byToken("KIOSK-CARD:" + other + "\n").orElseThrow());
    }

    @Test
    void aRegisterNumberSignsNobodyIn() {
        db.newCard(withPin.id());
        for (String token : new String[] { "10000001", " 10000001\r\n", "KIOSK-CARD:10000001", "10000003" }) {
            assertTrue(identification.byToken(token).isEmpty(), token);
        }
    }

    @Test
    void garbageAndUnknownTokens() {
        String card = db.newCard(withPin.id());
        char wrongCheck = (char) ('0' + (card.charAt(20) - '0' + 1) % 10);
        for (String token : new String[] { null, "", "   ", "abc", "KIOSK-CARD:", "KIOSK-CARD:abc",
                "OTHER:" + card, card + "; DROP TABLE kiosk_card", "12345", "KIOSK-CARD:KIOSK-CARD:" + card,
                "99999999", card.substring(0, 20) + wrongCheck, card + "0", card.substring(1),
                "100000090000000000000".substring(0, 20) + "4", "9".repeat(10_000) }) {
            assertTrue(identification.byToken(token).isEmpty(), String.valueOf(token).length() + " chars");
        }
    }

    @Test
    void aRevokedOrReplacedCardSignsNobodyIn() {
        String first = db.newCard(withPin.id());
        String second = db.newCard(withPin.id());
        assertTrue(identification.byToken(first).isEmpty(), "the card before a new one");
        assertEquals(withPin, identification.byToken(second).orElseThrow());
        assertTrue(db.cards().revoke(withPin.id(), Actor.staff("wang")));
        assertTrue(identification.byToken(second).isEmpty(), "a revoked card");
        assertFalse(db.cards().revoke(withPin.id(), Actor.staff("wang")), "nothing left to revoke");
    }

    @Test
    void signInWithTheRightPin() {
        PinAttempt attempt = identification.signInWithPin(PHONE, PIN, SCREEN);
        assertTrue(attempt.succeeded());
        assertEquals(withPin, attempt.resident().orElseThrow());
    }

    @Test
    void everyFailureGetsTheOneAnswerForTheSameWork() {
        String[][] failures = { { "13999999999", PIN }, { "not a phone", PIN }, { null, null },
                { "13800000003", PIN }, { PHONE, "2222" }, { PHONE, "" }, { PHONE, null } };
        for (String[] failure : failures) {
            assertRefusedForOneHash(failure[0], failure[1]);
        }
        for (int i = 0; i < 5; i++) {
            identification.signInWithPin(PHONE, "0000", SCREEN);
        }
        // locked: even the right PIN gets the same answer, for the same work
        assertRefusedForOneHash(PHONE, PIN);
    }

    private void assertRefusedForOneHash(String phone, String pin) {
        int before = hasher.verified.get();
        PinAttempt attempt = identification.signInWithPin(phone, pin, SCREEN);
        assertEquals(Outcome.REFUSED, attempt.outcome(), phone + " / " + pin);
        assertTrue(attempt.resident().isEmpty());
        assertNull(attempt.pausedUntil());
        assertEquals(1, hasher.verified.get() - before, "one PIN hash, whoever was tried: " + phone + " / " + pin);
    }

    @Test
    void theDummyHashCostsWhatARealOneDoes() {
        String[] parts = PinIdentification.DUMMY_HASH.split("\\$");
        assertEquals(PinHasher.SCHEME, parts[0]);
        assertEquals(PinHasher.ITERATIONS, Integer.parseInt(parts[1]), "as slow as the PINs it stands in for");
        PinHasher real = new PinHasher();
        for (String pin : List.of("0000", "1234", PIN, "999999", "-", "")) {
            assertFalse(real.verify(pin, PinIdentification.DUMMY_HASH), "no PIN matches the dummy hash: " + pin);
        }
    }

    @Test
    void locksGrowLongerAndTheLastOneLastsUntilStaffUnlock() {
        List<Duration> expected = List.of(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));
        for (Duration lock : expected) {
            for (int i = 0; i < 5; i++) {
                assertEquals(Outcome.REFUSED, identification.signInWithPin(PHONE, "0000", SCREEN).outcome());
            }
            PinLock locked = identification.pinLock(withPin.id()).orElseThrow();
            assertEquals(db.clock().instant().plus(lock), locked.until());
            // even the right PIN is refused while locked, and not counted
            db.clock().advance(lock.minusMinutes(1));
            assertFalse(identification.signInWithPin(PHONE, PIN, SCREEN).succeeded());
            db.clock().advance(Duration.ofMinutes(1));
            assertTrue(identification.pinLock(withPin.id()).isEmpty(), "the lock is over");
        }
        for (int i = 0; i < 5; i++) {
            identification.signInWithPin(PHONE, "0000", SCREEN);
        }
        assertEquals(20, failures(), "4 rounds of 5 wrong PINs in all, not 480 a day");
        PinLock forGood = identification.pinLock(withPin.id()).orElseThrow();
        assertTrue(forGood.untilUnlocked());
        db.clock().advance(Duration.ofDays(60));
        assertFalse(identification.signInWithPin(PHONE, PIN, SCREEN).succeeded(), "until staff unlock it");
        assertEquals(20, failures(), "attempts on a locked PIN are not counted");

        assertTrue(identification.unlockPin(withPin.id(), Actor.staff("wang")));
        assertFalse(identification.unlockPin(withPin.id(), Actor.staff("wang")), "nothing left to unlock");
        assertTrue(identification.signInWithPin(PHONE, PIN, SCREEN).succeeded());
        AuditEntry unlocked = db.auditLog().find(AuditQuery.latest(20)).stream()
                .filter(e -> e.action().equals("identity.pin.unlocked")).findFirst().orElseThrow();
        assertEquals(Actor.staff("wang"), unlocked.actor());
        for (AuditEntry entry : db.auditLog().find(AuditQuery.latest(200))) {
            String text = entry.subject() + entry.detail() + entry.actor();
            assertFalse(text.contains("0000") || text.contains(PIN) || text.contains(PHONE), text);
        }
    }

    @Test
    void aCorrectPinClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            identification.signInWithPin(PHONE, "0000", SCREEN);
        }
        assertEquals(4, failures());
        assertTrue(identification.signInWithPin(PHONE, PIN, SCREEN).succeeded());
        assertEquals(0, failures());
    }

    @Test
    void aPlaceThatSpentItsBudgetPausesPinSignInThereOnly() {
        identification = identification(new PinPolicy(5, PinPolicy.defaults().lockouts(),
                new ThrottleRule.Budget(10, Duration.ofMinutes(15), Duration.ofMinutes(15))));
        // a guesser tries one number after the other: nobody gets locked, the place pauses
        for (int i = 0; i < 10; i++) {
            assertEquals(Outcome.REFUSED,
                    identification.signInWithPin("139000000" + String.format("%02d", i), "2468", SCREEN).outcome());
        }
        Instant pausedAt = db.clock().instant();
        PinAttempt paused = identification.signInWithPin(PHONE, "0000", SCREEN);
        assertEquals(Outcome.PAUSED, paused.outcome());
        assertEquals(pausedAt.plus(Duration.ofMinutes(15)), paused.pausedUntil());
        assertEquals(0, failures(), "during the pause no PIN is checked, none counted");
        assertEquals(Outcome.PAUSED, identification.signInWithPin(PHONE, PIN, SCREEN).outcome());
        assertTrue(identification.signInWithPin(PHONE, PIN, "device:7").succeeded(), "other places go on");

        // the pause is in the database: a restart does not end it
        Identification restarted = identification(new PinPolicy(5, PinPolicy.defaults().lockouts(),
                new ThrottleRule.Budget(10, Duration.ofMinutes(15), Duration.ofMinutes(15))));
        assertEquals(Outcome.PAUSED, restarted.signInWithPin(PHONE, PIN, SCREEN).outcome());
        db.clock().advance(Duration.ofMinutes(15));
        assertTrue(restarted.signInWithPin(PHONE, PIN, SCREEN).succeeded());
        assertTrue(db.auditLog().find(AuditQuery.latest(50)).stream()
                .anyMatch(e -> e.action().equals("identity.pin.paused") && e.detail().contains("place=screen")));
    }

    @Test
    void stepUpConfirmsTheRightPinAndAWrongOneCountsTowardsTheLock() {
        assertEquals(PinCheck.Outcome.CONFIRMED, identification.checkPin(withPin.id(), PIN, SCREEN).outcome());
        assertEquals(PinCheck.Outcome.NO_PIN, identification.checkPin(withoutPin.id(), PIN, SCREEN).outcome());
        assertEquals(PinCheck.Outcome.NO_PIN, identification.checkPin(-1, PIN, SCREEN).outcome());
        for (int left = 4; left >= 1; left--) {
            PinCheck wrong = identification.checkPin(withPin.id(), "0000", SCREEN);
            assertEquals(PinCheck.Outcome.WRONG, wrong.outcome());
            assertEquals(left, wrong.attemptsLeft());
        }
        PinCheck fifth = identification.checkPin(withPin.id(), "0000", SCREEN);
        assertEquals(PinCheck.Outcome.LOCKED, fifth.outcome());
        assertEquals(db.clock().instant().plus(Duration.ofMinutes(15)), fifth.lockedUntil());
        assertEquals(PinCheck.Outcome.LOCKED, identification.checkPin(withPin.id(), PIN, SCREEN).outcome());
        assertFalse(identification.signInWithPin(PHONE, PIN, SCREEN).succeeded(), "the same lock as sign-in");
        db.clock().advance(Duration.ofMinutes(15));
        assertEquals(PinCheck.Outcome.CONFIRMED, identification.checkPin(withPin.id(), PIN, SCREEN).outcome());
    }

    @Test
    void stepUpFailuresDoNotSpendThePlacesBudget() {
        identification = identification(new PinPolicy(5, PinPolicy.defaults().lockouts(),
                new ThrottleRule.Budget(3, Duration.ofMinutes(15), Duration.ofMinutes(15))));
        for (int i = 0; i < 4; i++) {
            identification.checkPin(withPin.id(), "0000", SCREEN);
        }
        identification.checkPin(withPin.id(), PIN, SCREEN);
        assertTrue(identification.signInWithPin(PHONE, PIN, SCREEN).succeeded());
    }

    @Test
    void staffSettingANewPinLiftsTheLock() {
        for (int i = 0; i < 5; i++) {
            identification.signInWithPin(PHONE, "0000", SCREEN);
        }
        db.residents().update(withPin.id(), new ResidentDraft("张桂兰", "10000001", PHONE, null, null, null,
                null, "6283"), Actor.staff("wang"));
        assertTrue(identification.pinLock(withPin.id()).isEmpty());
        assertTrue(identification.signInWithPin(PHONE, "6283", SCREEN).succeeded());
    }

    @Test
    void concurrentWrongAttemptsAreEachCounted() throws Exception {
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<PinAttempt>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return identification.signInWithPin(PHONE, "0000", SCREEN);
                }));
            }
            for (Future<PinAttempt> result : results) {
                assertEquals(Outcome.REFUSED, result.get(30, TimeUnit.SECONDS).outcome());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, failures());
        identification.signInWithPin(PHONE, "0000", SCREEN);
        assertTrue(identification.pinLock(withPin.id()).isPresent());
        assertEquals(5, failures(), "the count goes on through the lock");
    }

    @Test
    void hashIsNotThePinAndVerifies() {
        PinHasher pins = new PinHasher();
        String a = pins.hash("1234");
        String b = pins.hash("1234");
        assertFalse(a.contains("1234"));
        assertFalse(a.equals(b), "salted: the same PIN hashes differently");
        assertTrue(pins.verify("1234", a));
        assertTrue(pins.verify("1234", b));
        assertFalse(pins.verify("1235", a));
        assertFalse(pins.verify("1234", "1234"));
        assertFalse(pins.verify("1234", "md5$1$x$y"));
        assertFalse(pins.verify("1234", null));
    }

    private int failures() {
        return db.transactions().required(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pin_failures FROM kiosk_resident WHERE id = ?")) {
                s.setLong(1, withPin.id());
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }
}
