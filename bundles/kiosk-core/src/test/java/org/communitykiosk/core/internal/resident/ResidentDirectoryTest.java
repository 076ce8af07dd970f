package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.internal.MessageKeys;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResidentDirectoryTest {

    static final Actor STAFF = Actor.staff("wang");

    private final TestDatabase db = new TestDatabase();
    private final ResidentDirectory residents = db.residents();

    @AfterEach
    void close() {
        db.close();
    }

    static ResidentDraft draft(String name, String card, String phone) {
        return new ResidentDraft(name, card, phone, "3", "2-301", "3-2-301", LocalDate.of(1950, 3, 8), null);
    }

    @Test
    void createsAndReadsBack() {
        Resident created = residents.create(new ResidentDraft("  张桂兰 ", " 10000001 ", "13800000001", "1", "1-101",
                "1-1-101", LocalDate.of(1946, 3, 12), "3947"), STAFF);

        assertEquals("张桂兰", created.name());
        assertEquals("10000001", created.cardNumber());
        assertTrue(created.pinSet());
        assertEquals(created, residents.byId(created.id()).orElseThrow());
        assertEquals(created, residents.byCard("10000001").orElseThrow());
        assertEquals(created, residents.byPhone("13800000001").orElseThrow());
        assertEquals(1, residents.count());
        assertTrue(residents.byCard("99999999").isEmpty());
        assertTrue(residents.byCard("<script>").isEmpty());
    }

    @Test
    void emptyOptionalFieldsAreStoredAsNull() {
        Resident created = residents.create(new ResidentDraft("李建国", "10000002", " ", "", null, " ", null, ""),
                STAFF);
        assertNull(created.phone());
        assertNull(created.building());
        assertNull(created.household());
        assertFalse(created.pinSet());
        // several residents without phone do not collide on the unique phone constraint
        residents.create(new ResidentDraft("李秀英", "10000003", null, null, null, null, null, null), STAFF);
        assertEquals(2, residents.count());
    }

    @Test
    void htmlIsStoredVerbatimAsText() {
        String name = "<script>alert('x')</script>";
        Resident created = residents.create(draft(name, "20000001", null), STAFF);
        assertEquals(name, residents.byId(created.id()).orElseThrow().name());
    }

    @Test
    void reportsEveryProblemAtOnceAndWritesNothing() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> residents.create(
                new ResidentDraft(" ", "12ab", "12345", "x".repeat(21), "y".repeat(21), "z".repeat(31),
                        LocalDate.of(2030, 1, 1), "12"), STAFF));

        assertEquals(List.of(MessageKeys.NAME_REQUIRED, MessageKeys.CARD_INVALID, MessageKeys.PHONE_INVALID,
                MessageKeys.BUILDING_TOO_LONG, MessageKeys.UNIT_TOO_LONG, MessageKeys.HOUSEHOLD_TOO_LONG,
                MessageKeys.BIRTH_DATE_FUTURE, MessageKeys.PIN_INVALID), keys(e));
        assertEquals(List.of("name", "cardNumber", "phone", "building", "unit", "household", "birthDate", "pin"),
                e.problems().stream().map(Problem::field).toList());
        assertEquals(0, residents.count());
        assertTrue(db.auditLog().find(AuditQuery.latest(10)).isEmpty());
    }

    @Test
    void eachRule() {
        assertProblem(MessageKeys.NAME_TOO_LONG, draft("名".repeat(51), "10000001", null));
        assertProblem(MessageKeys.CARD_REQUIRED, draft("张三", "  ", null));
        assertProblem(MessageKeys.CARD_INVALID, draft("张三", "12345", null));
        assertProblem(MessageKeys.CARD_INVALID, draft("张三", "1".repeat(21), null));
        assertProblem(MessageKeys.PHONE_INVALID, draft("张三", "10000001", "12800000000"));
        assertProblem(MessageKeys.PHONE_INVALID, draft("张三", "10000001", "1380000000"));
        assertProblem(MessageKeys.BIRTH_DATE_TOO_EARLY,
                new ResidentDraft("张三", "10000001", null, null, null, null, LocalDate.of(1899, 12, 31), null));
        assertProblem(MessageKeys.BIRTH_DATE_FUTURE, new ResidentDraft("张三", "10000001", null, null, null, null,
                LocalDate.now(db.clock()).plusDays(1), null));
        assertProblem(MessageKeys.PIN_INVALID,
                new ResidentDraft("张三", "10000001", null, null, null, null, null, "1234567"));
        assertProblem(MessageKeys.PIN_TRIVIAL,
                new ResidentDraft("张三", "10000001", null, null, null, null, null, "1111"));
        assertProblem(MessageKeys.PIN_TRIVIAL, new ResidentDraft("张三", "10000001", "13912345678", null, null, null,
                LocalDate.of(1950, 3, 8), "0308"));

        // the limits themselves are fine
        residents.create(new ResidentDraft("名".repeat(50), "1".repeat(20), "19912345678", "x".repeat(20),
                "y".repeat(20), "z".repeat(30), LocalDate.of(1900, 1, 1), "385912"), STAFF);
        residents.create(new ResidentDraft("张三", "123456", null, null, null, null, LocalDate.now(db.clock()),
                "3947"), STAFF);
    }

    @Test
    void cardAndPhoneAreUnique() {
        residents.create(draft("张三", "10000001", "13800000001"), STAFF);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> residents.create(draft("李四", "10000001", "13800000001"), STAFF));
        assertEquals(List.of(MessageKeys.CARD_TAKEN, MessageKeys.PHONE_TAKEN), keys(e));
        assertEquals(1, residents.count());
    }

    @Test
    void updateChangesFieldsAndKeepsThePinUnlessGiven() {
        Resident r = residents.create(new ResidentDraft("张三", "10000001", "13800000001", null, null, null, null,
                "3947"), STAFF);
        Resident other = residents.create(draft("李四", "10000002", "13800000002"), STAFF);

        Resident updated = residents.update(r.id(), new ResidentDraft("张三丰", "10000001", "13900000001", "5",
                "1-101", "5-1-101", null, null), STAFF);
        assertEquals("张三丰", updated.name());
        assertEquals("13900000001", updated.phone());
        assertTrue(updated.pinSet(), "an empty PIN keeps the PIN");
        assertEquals(db.identification().signInWithPin("13900000001", "3947", "screen").outcome(),
                org.communitykiosk.api.resident.Identification.PinAttempt.Outcome.SIGNED_IN);

        InvalidInputException taken = assertThrows(InvalidInputException.class, () -> residents.update(r.id(),
                draft("张三丰", other.cardNumber(), null), STAFF));
        assertEquals(List.of(MessageKeys.CARD_TAKEN), keys(taken));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> residents.update(9999, draft("某人", "10000009", null), STAFF));
        assertEquals(List.of(MessageKeys.RESIDENT_NOT_FOUND), keys(missing));

        List<AuditEntry> updates = db.auditLog().find(new AuditQuery(null, null, null, "resident.update", 0, 10));
        assertEquals(1, updates.size(), "refused updates are not audited");
        AuditEntry last = updates.get(0);
        assertEquals("resident:" + r.id(), last.subject());
        assertEquals("changed: name,phone,address", last.detail());
    }

    @Test
    void searchesByNameCardOrPhoneOrderedByName() {
        residents.create(draft("Wang Fang", "10000003", "13800000003"), STAFF);
        residents.create(draft("李建国", "10000002", "13800000002"), STAFF);
        residents.create(draft("李秀英", "10000001", "13912345678"), STAFF);
        residents.create(draft("100%_x", "10000004", null), STAFF);

        assertEquals(List.of("李建国", "李秀英"), names(residents.search("李", 0, 10)));
        assertEquals(List.of("Wang Fang"), names(residents.search("wang", 0, 10)));
        assertEquals(List.of("李秀英"), names(residents.search("1234", 0, 10)));
        assertEquals(List.of("李建国"), names(residents.search("10000002", 0, 10)));
        assertEquals(List.of("100%_x"), names(residents.search("%_", 0, 10)), "LIKE wildcards are literal");
        assertEquals(4, residents.search(" ", 0, 10).size());
        assertEquals(List.of("Wang Fang", "李建国"), names(residents.search(null, 1, 2)));
    }

    @Test
    void householdMembersByName() {
        residents.create(new ResidentDraft("李秀英", "10000003", null, "2", "2-302", "2-2-302", null, null), STAFF);
        residents.create(new ResidentDraft("李建国", "10000002", null, "2", "2-302", "2-2-302", null, null), STAFF);
        residents.create(new ResidentDraft("王志强", "10000004", null, "3", "1-501", "3-1-501", null, null), STAFF);
        assertEquals(List.of("李建国", "李秀英"), names(residents.household("2-2-302")));
        assertEquals(List.of(), residents.household(" "));
    }

    @Test
    void everyWriteIsAuditedWithoutPersonalData() {
        Resident r = residents.create(new ResidentDraft("张桂兰", "10000001", "13800000001", null, null, null, null,
                "3947"), STAFF);
        AuditEntry entry = db.auditLog().find(AuditQuery.latest(10)).get(0);
        assertEquals("resident.create", entry.action());
        assertEquals("resident:" + r.id(), entry.subject());
        assertEquals(STAFF, entry.actor());
        assertEquals("kiosk-1", entry.kioskId());
        String all = String.valueOf(entry.detail()) + entry.subject();
        assertFalse(all.contains("张桂兰") || all.contains("10000001") || all.contains("13800000001")
                || all.contains("3947"));
    }

    @Test
    void pinIsStoredAsASaltedHash() throws Exception {
        Resident r = residents.create(new ResidentDraft("张三", "10000001", null, null, null, null, null, "3947"),
                STAFF);
        String stored = db.transactions().required(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pin_hash FROM kiosk_resident WHERE id = ?")) {
                s.setLong(1, r.id());
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        });
        assertTrue(stored.startsWith("pbkdf2-sha256$120000$"), stored);
        assertFalse(stored.contains("3947"));
        assertTrue(new PinHasher().verify("3947", stored));
        assertFalse(new PinHasher().verify("7493", stored));
    }

    @Test
    void concurrentCreatesOfOneCardHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String card = "3000000" + round;
            int threads = 4;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Resident>> results = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    String name = "居民" + i;
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return residents.create(draft(name, card, null), STAFF);
                    }));
                }
                int winners = 0;
                for (Future<Resident> result : results) {
                    try {
                        result.get(30, TimeUnit.SECONDS);
                        winners++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        InvalidInputException refused = (InvalidInputException) e.getCause();
                        assertEquals(List.of(MessageKeys.CARD_TAKEN), keys(refused));
                    }
                }
                assertEquals(1, winners);
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(5, residents.count());
    }

    static List<String> keys(InvalidInputException e) {
        return e.problems().stream().map(Problem::key).toList();
    }

    static List<String> names(List<Resident> list) {
        return list.stream().map(Resident::name).toList();
    }

    private void assertProblem(String key, ResidentDraft draft) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> residents.create(draft, STAFF));
        assertEquals(List.of(key), keys(e), draft.name());
    }
}
