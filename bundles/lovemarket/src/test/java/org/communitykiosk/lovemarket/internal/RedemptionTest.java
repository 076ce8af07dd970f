package org.communitykiosk.lovemarket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedemptionTest {

    private final Fixture f = new Fixture();
    private final Resident zhang = f.resident("张桂兰", "10000001");
    private final Actor byZhang = Actor.resident(zhang.id());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void redemptionTakesStockAndPointsTogetherAndGivesAPickupCode() throws SQLException {
        f.earn(zhang, 100);
        Item rice = f.item("大米 5kg", 30, 5, 0, LimitPeriod.MONTH);
        Item soap = f.item("肥皂", 5, 10, 0, LimitPeriod.MONTH);

        Order order = f.market.redeem(zhang.id(), List.of(new OrderRequest(rice.id(), 2, 30),
                new OrderRequest(soap.id(), 3, 5)), "k1", byZhang);

        assertEquals(75, order.total());
        assertEquals(Order.State.OPEN, order.state());
        assertTrue(order.pickupCode().matches("\\d{6}"), order.pickupCode());
        assertEquals(3, f.market.item(rice.id()).orElseThrow().stock());
        assertEquals(7, f.market.item(soap.id()).orElseThrow().stock());
        assertEquals(25, f.balance(zhang));
        assertEquals(75, f.ledger.balance(Account.LOVE_MARKET));
        assertEquals(TransferKind.SPEND, f.ledger.transfer(order.transferId()).orElseThrow().kind());
        assertEquals(1, count("SELECT COUNT(*) FROM points_transfer WHERE idempotency_key = 'lovemarket:order:k1'"));
        assertEquals("lovemarket.order.redeem", f.db.auditLog().find(AuditQuery.latest(1)).get(0).action());
        assertEquals(order.id(), f.market.openOrderByPickupCode(order.pickupCode()).orElseThrow().id());
    }

    @Test
    void aRepeatedOrderKeyBooksOnce() {
        f.earn(zhang, 100);
        Item rice = f.item("大米", 30, 5, 0, LimitPeriod.MONTH);
        Order first = f.market.redeem(zhang.id(), List.of(new OrderRequest(rice.id(), 1, 30)), "k", byZhang);
        Order again = f.market.redeem(zhang.id(), List.of(new OrderRequest(rice.id(), 1, 30)), "k", byZhang);
        assertEquals(first.id(), again.id());
        assertEquals(70, f.balance(zhang));
        assertEquals(4, f.market.item(rice.id()).orElseThrow().stock());
    }

    @Test
    void notEnoughPointsWritesNothing() throws SQLException {
        f.earn(zhang, 20);
        Item rice = f.item("大米", 30, 5, 0, LimitPeriod.MONTH);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> f.market.redeem(zhang.id(),
                List.of(new OrderRequest(rice.id(), 1, 30)), "k", byZhang));
        assertEquals("lovemarket.problem.notEnoughPoints", refused.problems().get(0).key());
        assertEquals(List.of(20L, 30L), refused.problems().get(0).args());
        assertNothingTaken(rice, 5, 20);
    }

    @Test
    void outOfStockWritesNothingEvenForTheOtherLines() throws SQLException {
        f.earn(zhang, 100);
        Item rice = f.item("大米", 30, 5, 0, LimitPeriod.MONTH);
        Item oil = f.item("食用油", 20, 1, 0, LimitPeriod.MONTH);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> f.market.redeem(zhang.id(),
                List.of(new OrderRequest(rice.id(), 1, 30), new OrderRequest(oil.id(), 2, 20)), "k", byZhang));
        assertEquals("lovemarket.problem.outOfStock", refused.problems().get(0).key());
        assertNothingTaken(rice, 5, 100);
        assertEquals(1, f.market.item(oil.id()).orElseThrow().stock());
    }

    @Test
    void priceChangedWhileInTheBasketIsRefusedUntilAccepted() throws SQLException {
        f.earn(zhang, 100);
        Item rice = f.item("大米", 30, 5, 0, LimitPeriod.MONTH);
        f.market.addToBasket(zhang.id(), rice.id(), 1);
        f.market.editItem(rice.id(), new ItemDraft("大米", "日用品", 40, 0, LimitPeriod.MONTH, true, 2), Fixture.STAFF);

        BasketLine line = f.market.basket(zhang.id()).get(0);
        assertTrue(line.priceChanged());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> f.market.redeemBasket(zhang.id(), "k", byZhang));
        assertEquals("lovemarket.problem.priceChanged", refused.problems().get(0).key());
        assertEquals(List.of("大米", 30L, 40L), refused.problems().get(0).args());
        assertNothingTaken(rice, 5, 100);
        assertEquals(1, f.market.basket(zhang.id()).size(), "the basket is kept");

        f.market.acceptPrices(zhang.id());
        Order order = f.market.redeemBasket(zhang.id(), "k2", byZhang);
        assertEquals(40, order.total());
        assertEquals(List.of(), f.market.basket(zhang.id()));
    }

    @Test
    void perResidentLimitPerMonth() {
        f.earn(zhang, 1000);
        Resident li = f.resident("李建国", "10000002");
        f.earn(li, 100);
        Item oil = f.item("食用油", 10, 20, 1, LimitPeriod.MONTH);

        f.market.redeem(zhang.id(), List.of(new OrderRequest(oil.id(), 1, 10)), "a", byZhang);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> f.market.redeem(zhang.id(),
                List.of(new OrderRequest(oil.id(), 1, 10)), "b", byZhang));
        assertEquals("lovemarket.problem.limitReached.month", refused.problems().get(0).key());
        assertThrows(InvalidInputException.class, () -> f.market.redeem(li.id(),
                List.of(new OrderRequest(oil.id(), 2, 10)), "c", Actor.resident(li.id())), "2 > limit of 1");
        f.market.redeem(li.id(), List.of(new OrderRequest(oil.id(), 1, 10)), "d", Actor.resident(li.id()));
        assertEquals(18, f.market.item(oil.id()).orElseThrow().stock());

        f.db.clock().advance(Duration.ofDays(31));
        f.market.redeem(zhang.id(), List.of(new OrderRequest(oil.id(), 1, 10)), "e", byZhang);
        assertEquals(980, f.balance(zhang));
    }

    @Test
    void cancelRefundsPointsRestoresStockAndQuota() {
        f.earn(zhang, 100);
        Item oil = f.item("食用油", 10, 3, 1, LimitPeriod.MONTH);
        Order order = f.market.redeem(zhang.id(), List.of(new OrderRequest(oil.id(), 1, 10)), "a", byZhang);

        Order cancelled = f.market.cancel(order.id(), Fixture.STAFF);
        assertEquals(Order.State.CANCELLED, cancelled.state());
        assertNotEquals(0, cancelled.refundTransferId());
        assertEquals(100, f.balance(zhang));
        assertEquals(0, f.ledger.balance(Account.LOVE_MARKET));
        assertEquals(3, f.market.item(oil.id()).orElseThrow().stock());
        assertEquals("lovemarket.problem.notOpen", assertThrows(InvalidInputException.class,
                () -> f.market.cancel(order.id(), Fixture.STAFF)).problems().get(0).key());
        assertEquals(100, f.balance(zhang));
        // the quota is free again
        f.market.redeem(zhang.id(), List.of(new OrderRequest(oil.id(), 1, 10)), "b", byZhang);
    }

    @Test
    void handOverClosesTheOrderAndFreesThePickupCode() {
        f.earn(zhang, 100);
        Item oil = f.item("食用油", 10, 3, 0, LimitPeriod.MONTH);
        Order order = f.market.redeem(zhang.id(), List.of(new OrderRequest(oil.id(), 1, 10)), "a", byZhang);
        assertEquals(Order.State.HANDED_OVER, f.market.handOver(order.id(), Fixture.STAFF).state());
        assertTrue(f.market.openOrderByPickupCode(order.pickupCode()).isEmpty());
        assertThrows(InvalidInputException.class, () -> f.market.cancel(order.id(), Fixture.STAFF));
        assertEquals(90, f.balance(zhang));
    }

    @Test
    void intakeAndAdjustmentsAreAuditedAndNeverBelowZero() {
        Item rice = f.item("大米", 30, 0, 0, LimitPeriod.MONTH);
        f.market.intake("爱心企业", List.of(new IntakeLine(rice.id(), 4)), Fixture.STAFF);
        assertEquals("lovemarket.intake.record", f.db.auditLog().find(AuditQuery.latest(1)).get(0).action());
        assertEquals(2, f.market.adjust(rice.id(), -2, AdjustReason.BROKEN, Fixture.STAFF).stock());
        assertTrue(f.market.item(rice.id()).orElseThrow().lowOnStock());
        assertEquals("lovemarket.problem.belowZero", assertThrows(InvalidInputException.class,
                () -> f.market.adjust(rice.id(), -3, AdjustReason.EXPIRED, Fixture.STAFF)).problems().get(0).key());
        assertEquals("lovemarket.stock.adjust", f.db.auditLog().find(AuditQuery.latest(1)).get(0).action());
        assertThrows(InvalidInputException.class, () -> f.market.intake(" ", List.of(), Fixture.STAFF));
        assertThrows(InvalidInputException.class,
                () -> f.market.createItem(new ItemDraft("", "", 0, -1, null, true, 0), Fixture.STAFF));
    }

    private void assertNothingTaken(Item item, int stock, long balance) throws SQLException {
        assertEquals(stock, f.market.item(item.id()).orElseThrow().stock());
        assertEquals(balance, f.balance(zhang));
        assertEquals(0, f.ledger.balance(Account.LOVE_MARKET));
        assertEquals(0, count("SELECT COUNT(*) FROM lovemarket_order"));
        assertEquals(0, count("SELECT COUNT(*) FROM lovemarket_order_line"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
