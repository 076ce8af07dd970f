package org.communitykiosk.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentCards.IssuedCard;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.MutableClock;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issuing, re-issuing and revoking cards; the hash lookup; what is stored and audited. */
class ResidentCardsTest {

    private static final Actor STAFF = Actor.staff("wang");

    private final TestDatabase db = new TestDatabase();
    private final Resident resident = db.residents().create(
            new ResidentDraft("张桂兰", "10000001", null, null, null, null, null, null), STAFF);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewCardSignsInItsResidentAndTellsWhoIssuedItWhen() {
        IssuedCard issued = db.cards().issue(resident.id(), STAFF);
        assertEquals(resident, db.identification().byToken(issued.token().digits()).orElseThrow());
        assertEquals(resident, db.identification().byToken(issued.token().qrPayload()).orElseThrow());
        var current = db.cards().current(resident.id()).orElseThrow();
        assertEquals(issued.card(), current);
        assertEquals(MutableClock.START, current.issuedAt());
        assertEquals(STAFF, current.issuedBy());
    }

    @Test
    void reissuingRevokesTheCardBefore() {
        IssuedCard first = db.cards().issue(resident.id(), STAFF);
        db.clock().advance(Duration.ofDays(1));
        IssuedCard second = db.cards().issue(resident.id(), Actor.staff("li"));
        assertNotEquals(first.token(), second.token());
        assertTrue(db.identification().byToken(first.token().digits()).isEmpty(), "the old card");
        assertEquals(resident, db.identification().byToken(second.token().digits()).orElseThrow());
        assertEquals(second.card(), db.cards().current(resident.id()).orElseThrow());
        assertEquals(1, count("SELECT COUNT(*) FROM kiosk_card WHERE resident_id = " + resident.id()
                + " AND revoked_at IS NULL"));
        assertEquals(2, count("SELECT COUNT(*) FROM kiosk_card"), "the revoked card keeps its row");
    }

    @Test
    void aResidentWithoutACardHasNone() {
        assertTrue(db.cards().current(resident.id()).isEmpty());
        assertFalse(db.cards().revoke(resident.id(), STAFF));
    }

    @Test
    void noCardForSomeoneNotInTheRegister() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> db.cards().issue(resident.id() + 1000, STAFF));
        assertEquals("resident.notFound", refused.problems().get(0).key());
        assertEquals(0, count("SELECT COUNT(*) FROM kiosk_card"));
    }

    @Test
    void onlyAHashIsStoredAndNeitherTokenNorHashIsAudited() throws Exception {
        IssuedCard issued = db.cards().issue(resident.id(), STAFF);
        db.cards().issue(resident.id(), STAFF);
        db.cards().revoke(resident.id(), STAFF);
        String digits = issued.token().digits();
        String hash = CardRows.hash(issued.token());
        assertEquals(64, hash.length());
        // every text column of every table: the token itself is nowhere
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("kiosk_card", "kiosk_resident", "kiosk_audit")) {
                try (ResultSet rows = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String value = rows.getString(i);
                            assertFalse(value != null && value.contains(digits), table + " holds a token");
                            if (!table.equals("kiosk_card")) {
                                assertFalse(value != null && value.contains(hash), table + " holds a token's hash");
                            }
                        }
                    }
                }
            }
        }
        List<String> actions = db.auditLog().find(AuditQuery.latest(10)).stream().map(AuditEntry::action).toList();
        assertEquals(List.of("resident.card.revoke", "resident.card.issue", "resident.card.issue",
                "resident.create"), actions);
        AuditEntry second = db.auditLog().find(AuditQuery.latest(10)).get(1);
        assertEquals("resident:" + resident.id(), second.subject());
        assertTrue(second.detail().contains("previous card revoked"), second.detail());
    }

    @Test
    void theHashIsOfTheLabelledToken() throws Exception {
        CardToken token = CardToken.parse("100000010000000000007").orElseThrow();
        String plain = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.digits().getBytes(StandardCharsets.US_ASCII)));
        assertNotEquals(plain, CardRows.hash(token), "not the bare SHA-256 a precomputed table would hold");
        assertEquals(CardRows.hash(token), CardRows.hash(CardToken.parse(token.qrPayload()).orElseThrow()));
    }

    @Test
    void twoKiosksIssuingAtOnceLeaveOneValidCard() throws Exception {
        int kiosks = 4;
        CyclicBarrier together = new CyclicBarrier(kiosks);
        ExecutorService pool = Executors.newFixedThreadPool(kiosks);
        List<Future<IssuedCard>> issued = new ArrayList<>();
        try {
            for (int k = 0; k < kiosks; k++) {
                issued.add(pool.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    return db.cards().issue(resident.id(), STAFF);
                }));
            }
            int valid = 0;
            for (Future<IssuedCard> f : issued) {
                if (db.identification().byToken(f.get(30, TimeUnit.SECONDS).token().digits()).isPresent()) {
                    valid++;
                }
            }
            assertEquals(1, valid, "one valid card, the last one issued");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM kiosk_card WHERE revoked_at IS NULL"));
    }

    @Test
    void aTokenIsNeverGivenOutTwice() {
        // a broken random source that draws the same digits every time
        JdbcResidentCards stuck = new JdbcResidentCards(db.transactions(), db.auditLog(), db.clock(),
                new java.util.Random(0) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public int nextInt(int bound) {
                        return 7;
                    }
                });
        stuck.issue(resident.id(), STAFF);
        assertThrows(IllegalStateException.class, () -> stuck.issue(resident.id(), STAFF));
        assertEquals(1, count("SELECT COUNT(*) FROM kiosk_card"), "nothing written by the refused draw");
    }

    private int count(String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
