package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.erasure.DemoResidents;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The points plugin's part in erasing residents (the demo community's removal): their account and every transfer to or
 * from it go, the accounts on the other side get back what moved, and the books stay balanced.
 */
class PointsErasureTest {

    private static final Actor SYSTEM = Actor.system("test");

    private final TestDatabase db = new TestDatabase();
    private final JdbcLedger ledger = LedgerTest.ledger(db);
    private final JdbcServiceHours hours = ServiceHoursTest.hours(db, ledger, Map.of());
    private final JdbcNeeds needs = new JdbcNeeds(db.transactions(), db.migrations(), db.auditLog(), db.clock(), hours);
    private final PointsErasure erasure = new PointsErasure(db.transactions(), ledger, hours, needs);
    private final Resident demoA = LedgerTest.resident(db, "演示甲", "10000001", "H1");
    private final Resident demoB = LedgerTest.resident(db, "演示乙", "10000002", "H1");
    private final Resident real = LedgerTest.resident(db, "真实丙", "20000001", "H2");

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theDemoResidentsGoWithTheirTransfersAndTheBooksStayBalanced() throws SQLException {
        ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(demoA.id()), 100, null, 0, "e1", SYSTEM);
        ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(real.id()), 50, null, 0, "e2", SYSTEM);
        long spend = ledger.spend(demoA.id(), 30, Account.LOVE_MARKET, null, "s1", Actor.resident(demoA.id())).id();
        ledger.transferToHousehold(demoA.id(), demoB.id(), 20, "h1", Actor.resident(demoA.id()));
        ledger.donate(demoA.id(), 10, "d1", Actor.resident(demoA.id()));
        ledger.donate(real.id(), 5, "d2", Actor.resident(real.id()));
        ledger.spend(real.id(), 7, Account.LOVE_MARKET, null, "s2", Actor.resident(real.id()));
        ledger.refund(spend, "r1", SYSTEM);
        db.markDemo(demoA.id(), demoB.id());

        DemoResidents demo = db.demoResidents(erasure);
        assertEquals(2, demo.remove(SYSTEM));

        assertEquals(38, ledger.balance(Account.resident(real.id())));
        assertEquals(5, ledger.balance(Account.COMMUNITY_POOL), "the real donation stays, the demo one goes");
        assertEquals(7, ledger.balance(Account.LOVE_MARKET));
        assertEquals(-50, ledger.balance(Account.ISSUED), "only the real resident's earning was issued");
        try (Connection c = db.dataSource().getConnection()) {
            Map<String, Long> sums = map(c, "SELECT account, SUM(amount) FROM points_posting GROUP BY account");
            Map<String, Long> balances = map(c, "SELECT account, SUM(balance) FROM (SELECT account, balance FROM"
                    + " points_account UNION ALL SELECT account, balance FROM points_account_part) b GROUP BY account");
            balances.values().removeIf(balance -> balance == 0);
            assertEquals(sums, balances, "every balance equals the sum of its postings");
            assertEquals(0L, sums.values().stream().mapToLong(Long::longValue).sum(), "the ledger sums to zero");
            assertEquals(Map.of(), map(c, "SELECT account, COUNT(*) FROM points_posting WHERE account IN ('resident:"
                    + demoA.id() + "', 'resident:" + demoB.id() + "') GROUP BY account"), "nothing left of them");
        }
        assertEquals(1, db.residents().count());
    }

    @Test
    void pointsARealResidentReceivedAndSpentKeepTheDemoResidentsUntilStaffSortItOut() {
        Resident demoInReal = LedgerTest.resident(db, "演示丁", "10000003", "H2");
        ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(demoInReal.id()), 40, null, 0, "e1", SYSTEM);
        ledger.transferToHousehold(demoInReal.id(), real.id(), 40, "h1", Actor.resident(demoInReal.id()));
        ledger.spend(real.id(), 40, Account.LOVE_MARKET, null, "s1", Actor.resident(real.id()));
        db.markDemo(demoInReal.id());

        DemoResidents demo = db.demoResidents(erasure);
        // the real resident would owe 40 points: the database refuses, and nothing at all is erased
        assertThrows(StoreException.class, () -> demo.remove(SYSTEM));
        assertEquals(1, demo.count());
        assertEquals(40, ledger.balance(Account.LOVE_MARKET));
        assertTrue(db.residents().byId(demoInReal.id()).isPresent());
    }

    private static Map<String, Long> map(Connection c, String sql) throws SQLException {
        Map<String, Long> map = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getLong(2));
            }
        }
        return map;
    }
}
