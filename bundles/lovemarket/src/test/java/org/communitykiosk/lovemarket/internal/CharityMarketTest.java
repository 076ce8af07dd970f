package org.communitykiosk.lovemarket.internal;

import static org.communitykiosk.lovemarket.internal.FakeContext.find;
import static org.communitykiosk.lovemarket.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.lovemarket.internal.CharityMarket.Day;
import org.communitykiosk.lovemarket.internal.CharityMarket.Kind;
import org.communitykiosk.lovemarket.internal.CharityMarket.Raised;
import org.communitykiosk.lovemarket.internal.CharityMarket.Sale;
import org.communitykiosk.lovemarket.internal.CharityMarket.Stall;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Transfer;
import org.communitykiosk.points.api.TransferKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
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
        staff.cardHandler.cardTapped("10000001"); // a register number is no card
        save.click();
        assertEquals(20, f.balance(zhang));
        assertEquals(List.of(), staff.pinsAsked, "no PIN asked for a card that is none");
        staff.cardHandler.cardTapped(f.db.newCard(zhang.id()));
        staff.pinEntered = false;
        save.click();
        assertEquals(List.of(zhang.id() + ":" + PinAction.POINTS_SPEND), staff.pinsAsked, "the buyer's PIN");
        assertEquals(20, f.balance(zhang), "nothing paid without it");
        staff.pinEntered = true;
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

    private Sale sale(Day day, long id) {
        return charity.sales(day.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    private int auditEntries() {
        return f.db.auditLog().find(AuditQuery.latest(1000)).size();
    }

    @Test
    void aMistakenSaleIsCorrectedByAReversingEntryAndPointsGoBackThroughTheLedger() {
        Day day = charity.createDay(LocalDate.of(2026, 11, 28), "社区广场", Fixture.STAFF);
        Stall slippers = charity.addStall(day.id(), "巧手编织坊", "手工拖鞋", "困难老人冬衣", Fixture.STAFF);
        f.earn(zhang, 40);
        charity.sellForCash(slippers.id(), JdbcCharityMarket.parseYuan("88"), "s1", Fixture.STAFF);
        charity.sellForPoints(slippers.id(), zhang.id(), 30, "s2", Fixture.STAFF);
        charity.sellForCash(slippers.id(), JdbcCharityMarket.parseYuan("12"), "s3", Fixture.STAFF);
        Sale cash = charity.sales(day.id()).get(2);
        Sale points = charity.sales(day.id()).get(1);
        assertEquals(8800, cash.amount());
        assertEquals(30, points.amount());

        Sale cashCorrection = charity.correct(cash.id(), " 把 8.80 输成了 88 ", Fixture.STAFF);
        assertEquals(-8800, cashCorrection.amount());
        assertEquals(cash.id(), cashCorrection.reverses());
        assertEquals("把 8.80 输成了 88", cashCorrection.reason());
        assertEquals(new Raised(slippers, 1200, 30, 2), charity.raised(day.id()).get(0));

        Sale pointsCorrection = charity.correct(points.id(), "买家没有要", Fixture.STAFF);
        assertEquals(-30, pointsCorrection.amount());
        assertEquals(zhang.id(), pointsCorrection.buyerId());
        assertEquals(40, f.balance(zhang), "the points are back with the buyer");
        assertEquals(0, f.ledger.balance(JdbcCharityMarket.COUNTER));
        Transfer refund = f.ledger.statement(Account.resident(zhang.id()), 0, 1).stream().findFirst()
                .flatMap(e -> f.ledger.transfer(e.transferId())).orElseThrow();
        assertEquals(TransferKind.REFUND, refund.kind());
        assertTrue(refund.reverses() > 0, "a reversing entry of the spend, as the ledger books corrections");
        assertEquals(new Raised(slippers, 1200, 0, 1), charity.raised(day.id()).get(0));

        // the sales themselves are never changed: they stay on record, marked as corrected
        List<Sale> sales = charity.sales(day.id());
        assertEquals(5, sales.size());
        Sale original = sale(day, cash.id());
        assertEquals(8800, original.amount());
        assertTrue(original.corrected());
        assertEquals(List.of("lovemarket.charity.correct", "lovemarket.charity.correct"),
                f.db.auditLog().find(new AuditQuery(null, null, null, "lovemarket.charity.correct", 0, 10)).stream()
                        .map(AuditEntry::action).toList());
        AuditEntry audited = f.db.auditLog()
                .find(new AuditQuery(null, null, null, "lovemarket.charity.correct", 0, 10)).stream()
                .filter(e -> e.subject().equals("sale:" + cashCorrection.id())).findFirst().orElseThrow();
        assertTrue(audited.detail().contains("reverses sale:" + cash.id()) && audited.detail().contains("-88.00 yuan")
                && audited.detail().contains("把 8.80 输成了 88"), audited.detail());
    }

    @Test
    void aCorrectionIsRefusedInWordsAndWritesNothing() {
        Day day = charity.createDay(LocalDate.of(2026, 11, 28), "社区广场", Fixture.STAFF);
        Stall slippers = charity.addStall(day.id(), "巧手编织坊", "手工拖鞋", "困难老人冬衣", Fixture.STAFF);
        f.earn(zhang, 40);
        charity.sellForCash(slippers.id(), 500, "s1", Fixture.STAFF);
        charity.sellForPoints(slippers.id(), zhang.id(), 30, "s2", Fixture.STAFF);
        Sale points = charity.sales(day.id()).get(0);
        Sale cash = charity.sales(day.id()).get(1);
        Sale correction = charity.correct(cash.id(), "登记重复", Fixture.STAFF);
        int audit = auditEntries();

        assertEquals("lovemarket.problem.correctionReason", assertThrows(InvalidInputException.class,
                () -> charity.correct(points.id(), "  ", Fixture.STAFF)).problems().get(0).key());
        assertEquals("lovemarket.problem.correctionReason", assertThrows(InvalidInputException.class,
                () -> charity.correct(points.id(), "很".repeat(121), Fixture.STAFF)).problems().get(0).key());
        assertEquals("lovemarket.problem.saleCorrected", assertThrows(InvalidInputException.class,
                () -> charity.correct(cash.id(), "again", Fixture.STAFF)).problems().get(0).key());
        assertEquals("lovemarket.problem.saleIsCorrection", assertThrows(InvalidInputException.class,
                () -> charity.correct(correction.id(), "undo", Fixture.STAFF)).problems().get(0).key());
        assertEquals("lovemarket.problem.saleNotFound", assertThrows(InvalidInputException.class,
                () -> charity.correct(9999, "why", Fixture.STAFF)).problems().get(0).key());
        assertEquals(audit, auditEntries(), "the refusals wrote nothing");
        assertEquals(3, charity.sales(day.id()).size());
        assertTrue(!sale(day, points.id()).corrected(), "the points sale stands");

        // the stall's points were passed on already: the ledger cannot refund, and the correction is not booked half
        f.ledger.book(TransferKind.TRANSFER, JdbcCharityMarket.COUNTER, Account.COMMUNITY_POOL, 30, "passed on", 0,
                null, Fixture.STAFF);
        audit = auditEntries();
        assertEquals("lovemarket.problem.saleRefund", assertThrows(InvalidInputException.class,
                () -> charity.correct(points.id(), "买家没有要", Fixture.STAFF)).problems().get(0).key());
        assertEquals(10, f.balance(zhang));
        assertEquals(3, charity.sales(day.id()).size());
        // (the newest row is the cash sale's reversing entry, never corrected itself: the points sale is looked up)
        assertTrue(!sale(day, points.id()).corrected());
        assertEquals(new Raised(slippers, 0, 30, 1), charity.raised(day.id()).get(0));
        assertEquals(audit, auditEntries());
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffCorrectASaleInADialogAndTheBoardFollows() {
        // the dialog opens on the current UI, as in the shell (held here: Vaadin keeps it by a weak reference)
        UI ui = new UI();
        UI.setCurrent(ui);
        try {
            FakeContext staff = FakeContext.staff();
            Day day = charity.createDay(LocalDate.of(2026, 11, 28), "社区广场", Fixture.STAFF);
            Stall stall = charity.addStall(day.id(), "巧手编织坊", "手工拖鞋", "困难老人冬衣", Fixture.STAFF);
            CharityView view = new CharityView(staff, charity, f.db.residents(), f.db.identification(),
                    f.db.clock());
            assertTrue(find(view, "lm-sales-empty").isPresent());
            ((Select<Stall>) get(view, "lm-sale-stall")).setValue(stall);
            ((TextField) get(view, "lm-sale-amount")).setValue("88");
            ((Button) get(view, "lm-sale-save")).click();
            ((TextField) get(view, "lm-sale-amount")).setValue("8.80");
            ((Button) get(view, "lm-sale-save")).click();
            List<Sale> sales = charity.sales(day.id());
            long wrong = sales.get(1).id();
            assertTrue(((HasText) get(view, "lm-sale-text-" + wrong)).getText().endsWith("巧手编织坊: 88.00 yuan in cash"));

            ((Button) get(view, "lm-sale-correct-" + wrong)).click();
            Dialog dialog = (Dialog) get(view, "lm-correct-dialog");
            assertTrue(dialog.isOpened());
            assertTrue(((HasText) get(view, "lm-correct-what")).getText().startsWith("Sale No. " + wrong
                    + ": 88.00 yuan in cash."));
            Button confirm = (Button) get(view, "lm-correct-confirm");
            confirm.click();
            assertEquals("Please give the reason for the correction (at most 120 characters). Nothing was changed.",
                    ((HasText) get(view, "lm-correct-error")).getText());
            assertTrue(dialog.isOpened());
            assertEquals(2, charity.sales(day.id()).size(), "nothing written");

            ((TextField) get(view, "lm-correct-reason")).setValue("把 8.80 输成了 88");
            confirm.click();
            assertTrue(!dialog.isOpened());
            assertEquals(List.of("Sale No. " + wrong + " corrected"), staff.notifications.subList(
                    staff.notifications.size() - 1, staff.notifications.size()));
            assertTrue(find(view, "lm-sale-correct-" + wrong).isEmpty());
            assertEquals("Corrected", ((HasText) get(view, "lm-sale-corrected-" + wrong)).getText());
            long correction = charity.sales(day.id()).get(0).id();
            assertTrue(((HasText) get(view, "lm-sale-text-" + correction)).getText().endsWith(
                    "巧手编织坊: -88.00 yuan in cash, correcting No. " + wrong + ". Reason: 把 8.80 输成了 88"));

            MarketBoardView board = new MarketBoardView(FakeContext.passerBy(), charity);
            assertEquals("Raised 8.80 yuan and 0 points (1 sales)",
                    ((HasText) get(board, "lm-board-raised-" + stall.id())).getText());
            assertEquals("The whole market: 8.80 yuan and 0 points", ((HasText) get(board, "lm-board-total")).getText());
        } finally {
            UI.setCurrent(null);
        }
    }

    @Test
    void anEmptyBoardSaysSo() {
        assertTrue(find(new MarketBoardView(FakeContext.passerBy(), charity), "lm-board-empty").isPresent());
    }
}
