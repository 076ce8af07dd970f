package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Identification.PinAttempt;
import org.communitykiosk.api.resident.Identification.PinAttempt.Outcome;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentificationTest {

    private final TestDatabase db = new TestDatabase();
    private final Identification identification = db.identification();
    private Resident withPin;
    private Resident withoutPin;

    @BeforeEach
    void residents() {
        withPin = db.residents().create(new ResidentDraft("张桂兰", "10000001", "13800000001", null, null, null, null,
                "1234"), Actor.staff("wang"));
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
        PinAttempt attempt = identification.signInWithPin("13800000001", "1234");
        assertTrue(attempt.succeeded());
        assertEquals(withPin, attempt.resident().orElseThrow());
    }

    @Test
    void unknownPhoneAndNoPin() {
        assertEquals(Outcome.UNKNOWN_PHONE, identification.signInWithPin("13999999999", "1234").outcome());
        assertEquals(Outcome.UNKNOWN_PHONE, identification.signInWithPin("not a phone", "1234").outcome());
        assertEquals(Outcome.UNKNOWN_PHONE, identification.signInWithPin(null, null).outcome());
        PinAttempt noPin = identification.signInWithPin("13800000003", "1234");
        assertEquals(Outcome.NO_PIN, noPin.outcome());
        assertTrue(noPin.resident().isEmpty());
    }

    @Test
    void fiveWrongPinsLockForFifteenMinutes() {
        for (int left = 4; left >= 1; left--) {
            PinAttempt wrong = identification.signInWithPin("13800000001", "0000");
            assertEquals(Outcome.WRONG_PIN, wrong.outcome());
            assertEquals(left, wrong.attemptsLeft());
            assertTrue(wrong.resident().isEmpty());
        }
        PinAttempt fifth = identification.signInWithPin("13800000001", "0000");
        assertEquals(Outcome.LOCKED, fifth.outcome());
        assertEquals(db.clock().instant().plus(Duration.ofMinutes(15)), fifth.lockedUntil());

        // even the right PIN is refused while locked
        db.clock().advance(Duration.ofMinutes(14));
        PinAttempt locked = identification.signInWithPin("13800000001", "1234");
        assertEquals(Outcome.LOCKED, locked.outcome());
        assertTrue(locked.resident().isEmpty());

        db.clock().advance(Duration.ofMinutes(1));
        assertTrue(identification.signInWithPin("13800000001", "1234").succeeded());

        List<String> actions = db.auditLog().find(AuditQuery.latest(20)).stream().map(AuditEntry::action).toList();
        assertEquals(6, actions.stream().filter("identity.pin.failed"::equals).count(), actions.toString());
        assertEquals(1, actions.stream().filter("identity.pin.locked"::equals).count());
        for (AuditEntry entry : db.auditLog().find(AuditQuery.latest(20))) {
            String text = entry.subject() + entry.detail() + entry.actor();
            assertFalse(text.contains("0000") || text.contains("1234") || text.contains("13800000001"), text);
        }
    }

    @Test
    void afterTheLockoutThereAreFiveAttemptsAgain() {
        for (int i = 0; i < 5; i++) {
            identification.signInWithPin("13800000001", "9999");
        }
        db.clock().advance(Duration.ofMinutes(15));
        assertEquals(4, identification.signInWithPin("13800000001", "9999").attemptsLeft());
    }

    @Test
    void successResetsTheCounter() {
        for (int i = 0; i < 4; i++) {
            identification.signInWithPin("13800000001", "0000");
        }
        assertEquals(4, failures());
        assertTrue(identification.signInWithPin("13800000001", "1234").succeeded());
        assertEquals(0, failures());
        assertEquals(4, identification.signInWithPin("13800000001", "0000").attemptsLeft());
    }

    @Test
    void staffSettingANewPinLiftsTheLock() {
        for (int i = 0; i < 5; i++) {
            identification.signInWithPin("13800000001", "0000");
        }
        db.residents().update(withPin.id(), new ResidentDraft("张桂兰", "10000001", "13800000001", null, null, null,
                null, "5678"), Actor.staff("wang"));
        assertTrue(identification.signInWithPin("13800000001", "5678").succeeded());
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
                    return identification.signInWithPin("13800000001", "0000");
                }));
            }
            List<Integer> left = new ArrayList<>();
            for (Future<PinAttempt> result : results) {
                left.add(result.get(30, TimeUnit.SECONDS).attemptsLeft());
            }
            left.sort(null);
            assertEquals(List.of(1, 2, 3, 4), left);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, failures());
        PinAttempt fifth = identification.signInWithPin("13800000001", "0000");
        assertEquals(Outcome.LOCKED, fifth.outcome());
        assertEquals(0, failures());
    }

    @Test
    void hashIsNotThePinAndVerifies() {
        PinHasher hasher = new PinHasher();
        String a = hasher.hash("1234");
        String b = hasher.hash("1234");
        assertFalse(a.contains("1234"));
        assertFalse(a.equals(b), "salted: the same PIN hashes differently");
        assertTrue(hasher.verify("1234", a));
        assertTrue(hasher.verify("1234", b));
        assertFalse(hasher.verify("1235", a));
        assertFalse(hasher.verify("1234", "1234"));
        assertFalse(hasher.verify("1234", "md5$1$x$y"));
        assertFalse(hasher.verify("1234", null));
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
