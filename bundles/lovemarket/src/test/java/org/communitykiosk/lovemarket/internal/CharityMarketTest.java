package org.communitykiosk.lovemarket.internal;

import static org.communitykiosk.lovemarket.internal.FakeContext.find;
import static org.communitykiosk.lovemarket.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.lovemarket.internal.CharityMarket.Day;
import org.communitykiosk.lovemarket.internal.CharityMarket.Kind;
import org.communitykiosk.lovemarket.internal.CharityMarket.Raised;
import org.communitykiosk.lovemarket.internal.CharityMarket.Stall;
import org.communitykiosk.points.api.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The charity market: stalls, sales in cash (fen) and points (through the ledger), the public board. */
class CharityMarketTest {

    private final Fixture f = new Fixture();
    private final JdbcCharityMarket charity = new JdbcCharityMarket(f.db.transactions(), f.db.migrations(),
            f.db.auditLog(), f.db.clock(), f.ledger);
    private final Resident zhang = f.resident("张桂兰", "10000001");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void salesInCashAndPointsAddUpPerStallAndForTheMarket() {
        Day day = charity.createDay(LocalDate.of(2026, 11, 28), "社区广场", Fixture.STAFF);
        Stall slippers = charity.addStall(day.id(), "巧手编织坊", "手工拖鞋", "困难老人冬衣", Fixture.STAFF);
        Stall books = charity.addStall(day.id(), "读书会", "旧书", "社区图书角", Fixture.STAFF);
        f.earn(zhang, 40);
        charity.sellForCash(slippers.id(), JdbcCharityMarket.parseYuan("25.50"), "s1", Fixture.STAFF);
        charity.sellForCash(slippers.id(), JdbcCharityMarket.parseYuan("25.50"), "s1", Fixture.STAFF); // double tap
        charity.sellForCash(slippers.id(), JdbcCharityMarket.parseYuan("12"), "s2", Fixture.STAFF);
        charity.sellForPoints(slippers.id(), zhang.id(), 30, "s3", Fixture.STAFF);
        charity.sellForPoints(slippers.id(), zhang.id(), 30, "s3", Fixture.STAFF); // double tap
        assertEquals(10, f.balance(zhang));
        assertEquals(30, f.ledger.balance(JdbcCharityMarket.COUNTER));
        assertEquals(0, f.ledger.balance(Account.LOVE_MARKET), "kept apart from the supermarket");

        assertEquals("lovemarket.problem.notEnoughPoints", assertThrows(InvalidInputException.class,
                () -> charity.sellForPoints(books.id(), zhang.id(), 11, "s4", Fixture.STAFF)).problems().get(0).key());
        List<Raised> raised = charity.raised(day.id());
        assertEquals(new Raised(slippers, 3750, 30, 3), raised.get(0));
        assertEquals(new Raised(books, 0, 0, 0), raised.get(1), "the refused sale left nothing");
    }

    @Test
    void badAmountsAndStallsAreRefused() {
        for (String bad : new String[] { "", "0", "-1", "1.234", "abc", "10000.01" }) {
            assertEquals("lovemarket.problem.cashAmount", assertThrows(InvalidInputException.class,
                    () -> JdbcCharityMarket.parseYuan(bad)).problems().get(0).key(), bad);
        }
        assertEquals(1_000_000, JdbcCharityMarket.parseYuan("10000.00"));
        assertEquals(1250, JdbcCharityMarket.parseYuan(" 12.5 "));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> charity.addStall(1, " ", "", "", Fixture.STAFF));
        assertEquals(3, refused.problems().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffRecordOnTheirScreenAndThePublicBoardShowsTheTotals() {
        FakeContext staff = FakeContext.staff();
        CharityView view = new CharityView(staff, charity, f.db.residents(), f.db.identification(), f.db.clock());
        ((TextField) get(view, "lm-market-place")).setValue("社区广场");
        ((Button) get(view, "lm-market-create")).click();
        ((TextField) get(view, "lm-stall-name")).setValue("巧手编织坊");
        ((TextField) get(view, "lm-stall-sells")).setValue("手工拖鞋");
        ((TextField) get(view, "lm-stall-beneficiary")).setValue("困难老人冬衣");
        ((Button) get(view, "lm-stall-add")).click();
        Stall stall = charity.stalls(charity.days().get(0).id()).get(0);
        ((Select<Stall>) get(view, "lm-sale-stall")).setValue(stall);
        ((TextField) get(view, "lm-sale-amount")).setValue("8.80");
        Button save = (Button) get(view, "lm-sale-save");
        save.click();
        f.earn(zhang, 20);
        ((Select<Kind>) get(view, "lm-sale-kind")).setValue(Kind.POINTS);
        ((TextField) get(view, "lm-sale-amount")).setValue("15");
        save.click();
        assertTrue(get(view, "lm-sale-error").isVisible(), "points need the buyer's card");
        staff.cardHandler.cardTapped("10000001");
        save.click();
        assertEquals(5, f.balance(zhang));

        MarketBoardView board = new MarketBoardView(FakeContext.passerBy(), charity);
        assertEquals("Raised 8.80 yuan and 15 points (2 sales)",
                ((HasText) get(board, "lm-board-raised-" + stall.id())).getText());
        assertEquals("The whole market: 8.80 yuan and 15 points", ((HasText) get(board, "lm-board-total")).getText());
        assertEquals("The money goes to: 困难老人冬衣",
                ((HasText) get(board, "lm-board-beneficiary-" + stall.id())).getText());
        assertTrue(find(board, "lm-board-empty").isEmpty());
    }

    @Test
    void anEmptyBoardSaysSo() {
        assertTrue(find(new MarketBoardView(FakeContext.passerBy(), charity), "lm-board-empty").isPresent());
    }
}
