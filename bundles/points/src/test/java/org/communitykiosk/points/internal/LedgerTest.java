package org.communitykiosk.points.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;
import org.communitykiosk.points.api.LedgerEntry;
import org.communitykiosk.points.api.Transfer;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerTest {

    static final Actor SYSTEM = Actor.system("test");

    private final TestDatabase db = new TestDatabase();
    private final JdbcLedger ledger = ledger(db);
    private final Resident zhang = resident(db, "张桂兰", "10000001", "H1");
    private final Resident li = resident(db, "李建国", "10000002", "H1");
    private final Resident wang = resident(db, "王秀英", "10000003", "H2");

    static JdbcLedger ledger(TestDatabase db) {
        return new JdbcLedger(db.transactions(), db.migrations(), db.auditLog(), db.clock(), db.residents());
    }

    static Resident resident(TestDatabase db, String name, String card, String household) {
        return db.residents().create(new ResidentDraft(name, card, null, "1", "1-101", household, null, null),
                Actor.staff("wang"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void earn(Resident r, long points) {
        ledger.book(TransferKind.EARN, Account.ISSUED, Account.resident(r.id()), points, "hours", 0, null, SYSTEM);
    }

    @Test
    void earningIsTwoPostingsThatSumToZero() throws SQLException {
        earn(zhang, 30);
        assertEquals(30, ledger.balance(Account.resident(zhang.id())));
        assertEquals(-30, ledger.balance(Account.ISSUED));
        assertEquals(0, scalar("SELECT SUM(amount) FROM points_posting"));
        assertEquals(2, scalar("SELECT COUNT(*) FROM points_posting"));
    }

    @Test
    void spendMovesPointsToTheCounterAccountAndIsAudited() {
        earn(zhang, 50);
        Actor by = Actor.resident(zhang.id());
        Transfer spent = ledger.spend(zhang.id(), 20, Account.LOVE_MARKET, "order 7", "lm:7", by);

        assertEquals(TransferKind.SPEND, spent.kind());
        assertEquals(30, ledger.balance(Account.resident(zhang.id())));
        assertEquals(20, ledger.balance(Account.LOVE_MARKET));
        assertEquals("points.spend", db.auditLog().find(AuditQuery.latest(1)).get(0).action());
        assertEquals("transfer:" + spent.id(), db.auditLog().find(AuditQuery.latest(1)).get(0).subject());
    }

    @Test
    void noNegativeBalanceAndNothingWritten() throws SQLException {
        earn(zhang, 10);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ledger.spend(zhang.id(), 11, Account.LOVE_MARKET, null, "k1", SYSTEM));
        assertEquals(List.of(Problem.of("points", Ledger.INSUFFICIENT, 10L, 11L)), refused.problems());
        assertEquals(10, ledger.balance(Account.resident(zhang.id())));
        assertEquals(1, scalar("SELECT COUNT(*) FROM points_transfer"));
        // the key was not used up by the refusal
        earn(zhang, 1);
        ledger.spend(zhang.id(), 11, Account.LOVE_MARKET, null, "k1", SYSTEM);
        assertEquals(0, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void unknownResidentHasNothingToSpend() {
        assertThrows(InvalidInputException.class,
                () -> ledger.spend(999, 1, Account.LOVE_MARKET, null, "k", SYSTEM));
        assertEquals(false, ledger.quote(999, 1).sufficient());
    }

    @Test
    void refusalInsideTheCallersTransactionLeavesTheRestOfItAlone() throws SQLException {
        earn(zhang, 5);
        db.transactions().required(c -> {
            ledger.spend(zhang.id(), 2, Account.LOVE_MARKET, null, "a", SYSTEM);
            assertThrows(InvalidInputException.class,
                    () -> ledger.spend(zhang.id(), 4, Account.LOVE_MARKET, null, "b", SYSTEM));
            return null;
        });
        assertEquals(3, ledger.balance(Account.resident(zhang.id())));
        assertEquals(2, scalar("SELECT COUNT(*) FROM points_transfer"));
        assertEquals(0, scalar("SELECT SUM(amount) FROM points_posting"));
    }

    @Test
    void spendingRollsBackWithTheCallersTransaction() {
        earn(zhang, 5);
        assertThrows(IllegalStateException.class, () -> db.transactions().required(c -> {
            ledger.spend(zhang.id(), 5, Account.LOVE_MARKET, null, "a", SYSTEM);
            throw new IllegalStateException("out of stock");
        }));
        assertEquals(5, ledger.balance(Account.resident(zhang.id())));
        assertEquals(0, ledger.balance(Account.LOVE_MARKET));
    }

    @Test
    void repeatWithTheSameKeyReturnsTheFirstTransferAndPostsOnce() throws SQLException {
        earn(zhang, 50);
        Transfer first = ledger.spend(zhang.id(), 20, Account.LOVE_MARKET, null, "lm:1", SYSTEM);
        Transfer again = ledger.spend(zhang.id(), 20, Account.LOVE_MARKET, null, "lm:1", SYSTEM);
        assertEquals(first, again);
        assertEquals(30, ledger.balance(Account.resident(zhang.id())));
        assertEquals(4, scalar("SELECT COUNT(*) FROM points_posting"));

        InvalidInputException reused = assertThrows(InvalidInputException.class,
                () -> ledger.spend(zhang.id(), 21, Account.LOVE_MARKET, null, "lm:1", SYSTEM));
        assertEquals(Ledger.KEY_REUSED, reused.problems().get(0).key());
        assertThrows(InvalidInputException.class,
                () -> ledger.spend(zhang.id(), 1, Account.LOVE_MARKET, null, " ", SYSTEM));
    }

    @Test
    void refundIsAReversingEntryOnceOnly() throws SQLException {
        earn(zhang, 50);
        Transfer spent = ledger.spend(zhang.id(), 20, Account.LOVE_MARKET, "order 9", "lm:9", SYSTEM);
        Transfer refund = ledger.refund(spent.id(), "lm:9:refund", SYSTEM);

        assertEquals(TransferKind.REFUND, refund.kind());
        assertEquals(Account.LOVE_MARKET, refund.from());
        assertEquals(Account.resident(zhang.id()), refund.to());
        assertEquals(spent.id(), refund.reverses());
        assertEquals(50, ledger.balance(Account.resident(zhang.id())));
        assertEquals(0, ledger.balance(Account.LOVE_MARKET));
        // the original postings are still there: 2 for earning, 2 for spending, 2 for the refund
        assertEquals(6, scalar("SELECT COUNT(*) FROM points_posting"));

        assertEquals(refund, ledger.refund(spent.id(), "lm:9:refund", SYSTEM));
        assertEquals(Ledger.ALREADY_REFUNDED, assertThrows(InvalidInputException.class,
                () -> ledger.refund(spent.id(), "other", SYSTEM)).problems().get(0).key());
        assertEquals(Ledger.NOT_REFUNDABLE, assertThrows(InvalidInputException.class,
                () -> ledger.refund(refund.id(), "r2", SYSTEM)).problems().get(0).key());
        assertEquals(Ledger.UNKNOWN_TRANSFER, assertThrows(InvalidInputException.class,
                () -> ledger.refund(12345, "r3", SYSTEM)).problems().get(0).key());
    }

    @Test
    void transferOnlyWithinTheHouseholdAndDonationToThePool() {
        earn(zhang, 50);
        ledger.transferToHousehold(zhang.id(), li.id(), 15, "t1", Actor.resident(zhang.id()));
        assertEquals(15, ledger.balance(Account.resident(li.id())));
        assertEquals(Ledger.NOT_HOUSEHOLD, assertThrows(InvalidInputException.class,
                () -> ledger.transferToHousehold(zhang.id(), wang.id(), 5, "t2", SYSTEM)).problems().get(0).key());
        assertThrows(InvalidInputException.class, () -> ledger.transferToHousehold(zhang.id(), zhang.id(), 5, "t3",
                SYSTEM));
        ledger.donate(zhang.id(), 10, "d1", SYSTEM);
        assertEquals(10, ledger.balance(Account.COMMUNITY_POOL));
        assertEquals(25, ledger.balance(Account.resident(zhang.id())));
        assertEquals(Ledger.POINTS_POSITIVE, assertThrows(InvalidInputException.class,
                () -> ledger.donate(zhang.id(), 0, "d2", SYSTEM)).problems().get(0).key());
    }

    @Test
    void aRewardComesFromIssuedPointsOnceAndCanBeReversed() {
        Transfer reward = ledger.reward(zhang.id(), 12, "donation 4", "lm:donation:4", SYSTEM);
        assertEquals(TransferKind.REWARD, reward.kind());
        assertEquals(12, ledger.balance(Account.resident(zhang.id())));
        assertEquals(-12, ledger.balance(Account.ISSUED));
        // a double tap on the intake screen books it once
        assertEquals(reward, ledger.reward(zhang.id(), 12, "donation 4", "lm:donation:4", SYSTEM));
        assertEquals(12, ledger.balance(Account.resident(zhang.id())));
        assertEquals(Ledger.POINTS_POSITIVE, assertThrows(InvalidInputException.class,
                () -> ledger.reward(zhang.id(), 0, "x", "lm:donation:5", SYSTEM)).problems().get(0).key());
        ledger.refund(reward.id(), "lm:donation:4:undo", SYSTEM);
        assertEquals(0, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void aCommunityAccountKeepsCreditsInPartsAndADebitFoldsThemAndChecksTheTotal() throws SQLException {
        earn(zhang, 100);
        for (int i = 0; i < 3; i++) {
            ledger.donate(zhang.id(), 10, "d" + i, SYSTEM);
        }
        assertEquals(3, scalar("SELECT COUNT(*) FROM points_account_part WHERE account = 'community-pool'"));
        assertEquals(30, ledger.balance(Account.COMMUNITY_POOL));

        // the pool helps a household in difficulty: 25 of the 30, taken from all three parts
        ledger.book(TransferKind.TRANSFER, Account.COMMUNITY_POOL, Account.resident(wang.id()), 25, "help", 0,
                "pool:1", Actor.staff("wang"));
        assertEquals(5, ledger.balance(Account.COMMUNITY_POOL));
        assertEquals(0, scalar("SELECT SUM(balance) FROM points_account_part WHERE account = 'community-pool'"));
        assertEquals(5, scalar("SELECT balance FROM points_account WHERE account = 'community-pool'"));

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ledger.book(TransferKind.TRANSFER, Account.COMMUNITY_POOL, Account.resident(wang.id()), 6,
                        "help", 0, "pool:2", Actor.staff("wang")));
        assertEquals(List.of(Problem.of("points", Ledger.INSUFFICIENT, 5L, 6L)), refused.problems());
        assertEquals(5, ledger.balance(Account.COMMUNITY_POOL));
        assertEquals(25, ledger.balance(Account.resident(wang.id())));

        // a spend credits a part, its refund takes it back out of main row and parts together
        Transfer spent = ledger.spend(zhang.id(), 40, Account.LOVE_MARKET, null, "lm:1", SYSTEM);
        ledger.refund(spent.id(), "lm:1:undo", SYSTEM);
        assertEquals(0, ledger.balance(Account.LOVE_MARKET));
        assertEquals(70, ledger.balance(Account.resident(zhang.id())));
    }

    @Test
    void statementIsNewestFirstAndPaged() {
        earn(zhang, 50);
        ledger.spend(zhang.id(), 5, Account.LOVE_MARKET, "a", "k1", SYSTEM);
        ledger.donate(zhang.id(), 7, "k2", SYSTEM);

        List<LedgerEntry> page = ledger.statement(Account.resident(zhang.id()), 0, 2);
        assertEquals(List.of(-7L, -5L), page.stream().map(LedgerEntry::amount).toList());
        assertEquals(Account.COMMUNITY_POOL, page.get(0).counterAccount());
        List<LedgerEntry> next = ledger.statement(Account.resident(zhang.id()), 2, 2);
        assertEquals(1, next.size());
        assertEquals(50, next.get(0).amount());
        assertEquals(Account.ISSUED, next.get(0).counterAccount());
        assertEquals(3, ledger.statementSize(Account.resident(zhang.id())));
    }

    @Test
    void quoteSaysWhetherTheResidentCanPay() {
        earn(zhang, 10);
        assertTrue(ledger.quote(zhang.id(), 10).sufficient());
        assertEquals(5, ledger.quote(zhang.id(), 15).shortfall());
    }

    @Test
    void migrationIsIdempotent() {
        ledger(db);
        earn(zhang, 1);
        assertEquals(1, ledger.balance(Account.resident(zhang.id())));
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
