package org.communitykiosk.lovemarket.internal;

import static org.communitykiosk.lovemarket.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.LedgerEntry;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/** A donor is thanked with points through the ledger, in the intake's own transaction. */
class DonorRewardTest {

    private final Fixture f = new Fixture();
    private final Resident zhang = f.resident("张桂兰", "10000001");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theRewardIsBookedWithTheIntakeAsAReward() throws SQLException {
        Item rice = f.item("大米", 30, 0, 0, LimitPeriod.MONTH);
        long intake = f.market.intake("张桂兰", List.of(new IntakeLine(rice.id(), 3)), new DonorReward(zhang.id(), 15),
                Fixture.STAFF);
        assertEquals(15, f.balance(zhang));
        assertEquals(-15, f.ledger.balance(Account.ISSUED));
        LedgerEntry entry = f.ledger.statement(Account.resident(zhang.id()), 0, 10).get(0);
        long transferId = scalar("SELECT reward_transfer_id FROM lovemarket_intake WHERE id = " + intake);
        assertEquals(TransferKind.REWARD, f.ledger.transfer(transferId).orElseThrow().kind());
        assertEquals(15, entry.amount());
        assertEquals(3, f.market.item(rice.id()).orElseThrow().stock());
        String details = f.db.auditLog().find(AuditQuery.latest(5)).stream()
                .filter(e -> e.action().equals("lovemarket.intake.record")).findFirst().orElseThrow().detail();
        assertTrue(details.contains("transfer:" + transferId), details);
        assertTrue(!details.contains("张桂兰"), "no names in the audit log");
    }

    @Test
    void aRefusedRewardWritesNothing() throws SQLException {
        Item rice = f.item("大米", 30, 0, 0, LimitPeriod.MONTH);
        for (long points : new long[] { 0, -5, MarketRules.REWARD_MAX + 1 }) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> f.market.intake("张桂兰",
                    List.of(new IntakeLine(rice.id(), 3)), new DonorReward(zhang.id(), points), Fixture.STAFF));
            assertEquals("lovemarket.problem.rewardPoints", refused.problems().get(0).key());
        }
        assertEquals(0, f.market.item(rice.id()).orElseThrow().stock());
        assertEquals(0, scalar("SELECT COUNT(*) FROM lovemarket_intake"));
        assertEquals(0, f.balance(zhang));
    }

    @Test
    void aFailingIntakeTakesTheRewardBackWithIt() throws SQLException {
        // the item does not exist: the stock change fails after nothing else, and the reward must not survive it
        assertThrows(InvalidInputException.class, () -> f.market.intake("张桂兰", List.of(new IntakeLine(999, 3)),
                new DonorReward(zhang.id(), 10), Fixture.STAFF));
        assertEquals(0, f.balance(zhang));
        assertEquals(0, f.ledger.balance(Account.ISSUED));
        assertEquals(0, scalar("SELECT COUNT(*) FROM lovemarket_intake"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffThankADonorByCardTapOnTheStockScreen() {
        Item rice = f.item("大米", 30, 0, 0, LimitPeriod.MONTH);
        FakeContext context = FakeContext.staff();
        StockView stock = new StockView(context, f.market, f.db.residents(), f.db.identification(), f.lottery);
        ((IntegerField) get(stock, "lm-intake-points")).setValue(20);
        ((Select<Item>) get(stock, "lm-intake-item")).setValue(f.market.item(rice.id()).orElseThrow());
        ((IntegerField) get(stock, "lm-intake-qty")).setValue(2);
        ((Button) get(stock, "lm-intake-save")).click();
        assertTrue(get(stock, "lm-intake-error").isVisible(), "points without a card are refused");
        assertEquals(0, f.balance(zhang));

        context.cardHandler.cardTapped("10000001"); // a register number is no card
        assertEquals("", ((TextField) get(stock, "lm-intake-card")).getValue());
        context.cardHandler.cardTapped("KIOSK-CARD:" + f.db.newCard(zhang.id()));
        assertEquals("10000001", ((TextField) get(stock, "lm-intake-card")).getValue());
        ((Button) get(stock, "lm-intake-save")).click();
        assertEquals(20, f.balance(zhang));
        assertEquals(2, f.market.item(rice.id()).orElseThrow().stock());
        assertEquals("Donation recorded; the donor received 20 points", context.notifications.get(0));
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
