package org.communitykiosk.lovemarket.internal;

import static org.communitykiosk.lovemarket.internal.FakeContext.find;
import static org.communitykiosk.lovemarket.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.points.api.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

/** Lotteries in the store: the window, one request each, the draw in one transaction, the public notice. */
class LotteryTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Resident resident(String name, String card, String household) {
        return f.db.residents().create(new ResidentDraft(name, card, null, "3", "1-101", household, null, null),
                Fixture.STAFF);
    }

    /** A resident given {@code points} who has asked for the lottery. */
    private Resident asker(Lottery lottery, String name, String card, String household, long points) {
        Resident r = resident(name, card, household);
        f.earn(r, points);
        f.lottery.request(lottery.id(), r.id(), household, Actor.resident(r.id()));
        return r;
    }

    private Lottery lottery(Item item, int units, int quota) {
        Instant now = f.db.clock().instant();
        return f.lottery.create(item.id(), units, quota, now, now.plus(Duration.ofDays(3)), Fixture.STAFF);
    }

    @Test
    void theDrawGivesOrdersToWinnersSkipsTheBrokeAndPutsLeftoversBack() {
        Item cooker = f.item("电饭煲", 50, 5, 0, LimitPeriod.MONTH);
        Lottery lottery = lottery(cooker, 3, 1);
        assertEquals(2, f.market.item(cooker.id()).orElseThrow().stock(), "the units leave the shelf");
        List<Resident> askers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Resident r = resident("居民" + i, "3000000" + i, "H" + i);
            if (i != 1) {
                f.earn(r, 60);
            }
            f.lottery.request(lottery.id(), r.id(), r.household(), Actor.resident(r.id()));
            askers.add(r);
        }
        f.lottery.flag("H3", Fixture.STAFF);
        Resident first = askers.get(0);
        assertEquals("lovemarket.problem.lotteryAlreadyRequested", assertThrows(InvalidInputException.class,
                () -> f.lottery.request(lottery.id(), first.id(), "H0", Actor.resident(first.id()))).problems().get(0)
                .key());
        assertEquals("lovemarket.problem.lotteryStillOpen", assertThrows(InvalidInputException.class,
                () -> f.lottery.draw(lottery.id(), 7, Fixture.STAFF)).problems().get(0).key());

        f.db.clock().advance(Duration.ofDays(4));
        assertEquals("lovemarket.problem.lotteryNotAccepting", assertThrows(InvalidInputException.class,
                () -> f.lottery.request(lottery.id(), 999, "H9", Actor.resident(999))).problems().get(0).key());
        Lottery drawn = f.lottery.draw(lottery.id(), 7, Fixture.STAFF);
        assertEquals(Lottery.State.DRAWN, drawn.state());
        assertEquals(7, drawn.seed());
        List<Lottery.Result> results = f.lottery.results(lottery.id());
        assertEquals(askers.get(3).id(), results.get(0).residentId(), "the flagged household is drawn first");
        assertTrue(results.get(0).priority());
        // three can pay: all three win; the broke one, if drawn at all, is skipped
        List<Lottery.Result> won = results.stream().filter(r -> r.outcome() == LotteryDraw.Outcome.WON).toList();
        assertEquals(3, won.size());
        assertTrue(results.stream().noneMatch(r -> r.residentId() == askers.get(1).id()
                && r.outcome() == LotteryDraw.Outcome.WON));
        for (Lottery.Result r : won) {
            Order order = f.market.order(r.orderId()).orElseThrow();
            assertEquals(Order.State.OPEN, order.state());
            assertEquals(6, order.pickupCode().length());
            assertEquals(10, f.ledger.balance(Account.resident(r.residentId())));
        }
        assertEquals(0, f.ledger.balance(Account.resident(askers.get(1).id())));
        assertEquals(150, f.ledger.balance(Account.LOVE_MARKET));
        assertEquals(2, f.market.item(cooker.id()).orElseThrow().stock(), "all three units were taken");
        assertEquals("lovemarket.problem.lotteryDrawn", assertThrows(InvalidInputException.class,
                () -> f.lottery.draw(lottery.id(), Fixture.STAFF)).problems().get(0).key());
    }

    /**
     * The seed is chosen when the lottery opens and only its SHA-256 is published then; the draw reveals the seed, and
     * anyone checks that it hashes to what was published and repeats the draw: nobody picked a seed that favours
     * someone once the requests were in.
     */
    @Test
    void theLotteryCommitsToItsSeedWhenItOpensAndTheDrawRevealsIt() throws Exception {
        Item cooker = f.item("电饭煲", 50, 5, 0, LimitPeriod.MONTH);
        Lottery lottery = lottery(cooker, 1, 0);
        assertTrue(lottery.commitment().matches("[0-9a-f]{64}"), lottery.commitment());
        assertEquals(0, lottery.seed(), "the seed stays unpublished while requests come in");
        Resident a = asker(lottery, "居民", "30000001", "H1", 50);
        Resident b = asker(lottery, "居民二", "30000002", "H2", 50);
        f.db.clock().advance(Duration.ofDays(4));
        Lottery drawn = f.lottery.draw(lottery.id(), Fixture.STAFF);
        assertEquals(lottery.commitment(), drawn.commitment());
        assertEquals(lottery.commitment(), Lottery.commitment(drawn.seed()), "the revealed seed is the committed one");
        long winner = f.lottery.results(lottery.id()).stream().filter(r -> r.outcome() == LotteryDraw.Outcome.WON)
                .findFirst().orElseThrow().residentId();
        assertEquals(LotteryDraw.draw(java.util.List.of(a.id(), b.id()), java.util.Set.of(), 1, 0, drawn.seed(),
                r -> true).get(0).residentId(), winner, "anyone repeats the draw from the revealed seed");
    }

    @Test
    void unitsNobodyCouldTakeGoBackOnTheShelf() {
        Item cooker = f.item("电饭煲", 50, 5, 0, LimitPeriod.MONTH);
        Lottery lottery = lottery(cooker, 4, 0);
        Resident r = asker(lottery, "居民", "30000001", "H1", 50);
        Resident broke = asker(lottery, "居民二", "30000002", "H2", 49);
        f.db.clock().advance(Duration.ofDays(4));
        f.lottery.draw(lottery.id(), Fixture.STAFF);
        assertEquals(4, f.market.item(cooker.id()).orElseThrow().stock(), "1 on the shelf + 3 back");
        assertEquals(0, f.ledger.balance(Account.resident(r.id())));
        assertEquals(49, f.ledger.balance(Account.resident(broke.id())), "skipped, nothing booked");
        List<Lottery.Result> results = f.lottery.results(lottery.id());
        assertEquals(2, results.size());
        Lottery.Result skipped = results.stream().filter(x -> x.residentId() == broke.id()).findFirst().orElseThrow();
        assertEquals(LotteryDraw.Outcome.SKIPPED, skipped.outcome());
        assertEquals(0, skipped.orderId());
        assertEquals(1, f.market.openOrders().size(), "no order left behind by the skipped one");
    }

    @Test
    void aResidentWhoTookTheItemsLimitCannotAskAndNothingIsWritten() {
        Item cooker = f.item("电饭煲", 50, 3, 1, LimitPeriod.MONTH);
        Resident li = resident("李建国", "30000002", "H2");
        f.earn(li, 200);
        f.market.redeem(li.id(), List.of(new OrderRequest(cooker.id(), 1, 50)), "shelf-1", Actor.resident(li.id()));
        Lottery lottery = lottery(cooker, 1, 0);
        int auditBefore = f.db.auditLog().find(AuditQuery.latest(1000)).size();

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> f.lottery.request(lottery.id(), li.id(), "H2", Actor.resident(li.id())));
        assertEquals("lovemarket.problem.lotteryLimit.month", refused.problems().get(0).key());
        assertEquals(List.of("电饭煲", 1), refused.problems().get(0).args());
        assertTrue(!f.lottery.requested(lottery.id(), li.id()));
        assertEquals(0, f.lottery.lottery(lottery.id()).orElseThrow().requests());
        assertEquals(auditBefore, f.db.auditLog().find(AuditQuery.latest(1000)).size(), "no audit entry either");

        // the shop says so instead of offering the button
        ShopView shop = new ShopView(FakeContext.resident(li), f.market, f.lottery, f.db.clock());
        assertTrue(find(shop, "lm-lottery-ask-" + lottery.id()).isEmpty());
        assertEquals("电饭煲: you have already taken your 1 for this month, so you cannot enter this lottery.",
                ((HasText) get(shop, "lm-lottery-limit-" + lottery.id())).getText());

        // a new month is a new allowance
        f.db.clock().set(java.time.ZonedDateTime.of(2025, 7, 1, 9, 0, 0, 0, f.db.clock().getZone()).toInstant());
        Lottery july = lottery(cooker, 1, 0);
        f.lottery.request(july.id(), li.id(), "H2", Actor.resident(li.id()));
        assertTrue(f.lottery.requested(july.id(), li.id()));
    }

    @Test
    void aWinnerWhoTookTheLimitSinceAskingIsSkippedWithTheReasonAndTheUnitGoesToTheNext() {
        Item cooker = f.item("电饭煲", 50, 3, 1, LimitPeriod.MONTH);
        Lottery lottery = lottery(cooker, 1, 0);
        Resident li = asker(lottery, "李建国", "30000002", "H2", 200);
        Resident wang = asker(lottery, "王秀英", "30000003", "H3", 200);
        // after asking, 李建国 takes this month's one from the shelf
        f.market.redeem(li.id(), List.of(new OrderRequest(cooker.id(), 1, 50)), "shelf-1", Actor.resident(li.id()));

        // a seed that draws 李建国 first, so the skip is on record
        long seed = 1;
        while (LotteryDraw.draw(List.of(li.id(), wang.id()), Set.of(), 1, 0, seed, r -> true).get(0)
                .residentId() != li.id()) {
            seed++;
        }
        f.db.clock().advance(Duration.ofDays(4));
        f.lottery.draw(lottery.id(), seed, Fixture.STAFF);

        List<Lottery.Result> results = f.lottery.results(lottery.id());
        assertEquals(2, results.size());
        assertEquals(li.id(), results.get(0).residentId());
        assertEquals(LotteryDraw.Outcome.SKIPPED, results.get(0).outcome());
        assertEquals(Lottery.SkipReason.LIMIT, results.get(0).skipReason());
        assertEquals(0, results.get(0).orderId());
        assertEquals(wang.id(), results.get(1).residentId());
        assertEquals(LotteryDraw.Outcome.WON, results.get(1).outcome());
        assertEquals(null, results.get(1).skipReason());
        assertEquals(150, f.ledger.balance(Account.resident(li.id())), "only the shelf unit was paid");
        assertEquals(150, f.ledger.balance(Account.resident(wang.id())));
        assertTrue(f.db.auditLog().find(new AuditQuery(null, null, null, "lovemarket.lottery.draw", 0, 1)).get(0)
                .detail().contains("1 skipped (1 at their limit)"));

        // the unit won by lot counts against the winner's limit; cancelling the order gives it back
        assertTrue(f.market.limitReached(wang.id(), cooker.id()));
        assertEquals("lovemarket.problem.limitReached.month", assertThrows(InvalidInputException.class,
                () -> f.market.redeem(wang.id(), List.of(new OrderRequest(cooker.id(), 1, 50)), "shelf-2",
                        Actor.resident(wang.id()))).problems().get(0).key());
        f.market.cancel(results.get(1).orderId(), Fixture.STAFF);
        assertTrue(!f.market.limitReached(wang.id(), cooker.id()));

        LotteryView staff = new LotteryView(FakeContext.staff(), f.market, f.lottery, f.db.residents(),
                f.db.clock());
        String shown = ((HasText) get(staff, "lm-lottery-result-" + lottery.id())).getText();
        assertTrue(shown.contains("No. 1: 李建国, skipped (had already taken the limit for this item)"), shown);
        assertTrue(shown.contains("No. 2: 王秀英, won"), shown);
    }

    @Test
    void aLotteryNeedsTheUnitsOnTheShelfAndASaneWindow() {
        Item cooker = f.item("电饭煲", 50, 2, 0, LimitPeriod.MONTH);
        assertEquals("lovemarket.problem.lotteryStock", assertThrows(InvalidInputException.class,
                () -> lottery(cooker, 3, 0)).problems().get(0).key());
        Instant now = f.db.clock().instant();
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> f.lottery.create(cooker.id(), 2, 3, now, now, Fixture.STAFF));
        assertEquals(List.of("lovemarket.problem.lotteryPriority", "lovemarket.problem.lotteryWindow"),
                refused.problems().stream().map(p -> p.key()).toList());
        assertEquals(2, f.market.item(cooker.id()).orElseThrow().stock());
        assertTrue(f.lottery.lotteries().isEmpty());
    }

    @Test
    void residentsAskInTheShopAndThePublicNoticeMasksTheWinners() {
        Item cooker = f.item("电饭煲", 50, 1, 0, LimitPeriod.MONTH);
        Lottery lottery = lottery(cooker, 1, 0);
        Resident li = resident("李建国", "30000002", "H2");
        f.earn(li, 80);
        FakeContext liContext = FakeContext.resident(li);
        ShopView shop = new ShopView(liContext, f.market, f.lottery, f.db.clock());
        assertTrue(find(shop, "lm-add-" + cooker.id()).isEmpty(), "the units are not for the basket");
        ((Button) get(shop, "lm-lottery-ask-" + lottery.id())).click();
        assertTrue(f.lottery.requested(lottery.id(), li.id()));
        assertTrue(find(shop, "lm-lottery-asked-" + lottery.id()).isPresent());

        // staff flag a household by card number on the stock screen
        StockView stock = new StockView(FakeContext.staff(), f.market, f.db.residents(), f.db.identification(),
                f.lottery);
        ((TextField) get(stock, "lm-flag-card")).setValue("30000002");
        ((Button) get(stock, "lm-flag-save")).click();
        assertTrue(f.lottery.flagged("H2"));

        f.db.clock().advance(Duration.ofDays(4));
        LotteryView staff = new LotteryView(FakeContext.staff(), f.market, f.lottery, f.db.residents(),
                f.db.clock());
        ((Button) get(staff, "lm-lottery-draw-" + lottery.id())).click();
        assertEquals(Lottery.State.DRAWN, f.lottery.lottery(lottery.id()).orElseThrow().state());

        NoticeView notice = new NoticeView(FakeContext.passerBy(), f.lottery, f.db.residents());
        assertEquals("李*国, building 3",
                ((HasText) get(notice, "lm-notice-winner-" + lottery.id() + "-1")).getText());
        String all = ((HasText) get(notice, "lm-notice-" + lottery.id())).getText();
        assertTrue(!all.contains("李建国"), all);
        Lottery drawn = f.lottery.lottery(lottery.id()).orElseThrow();
        String seed = ((HasText) get(notice, "lm-notice-seed-" + lottery.id())).getText();
        assertTrue(seed.contains("Seed " + drawn.seed() + ";") && seed.contains(drawn.commitment()), seed);
    }
}
