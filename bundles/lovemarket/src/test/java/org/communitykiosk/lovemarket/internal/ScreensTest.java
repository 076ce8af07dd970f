package org.communitykiosk.lovemarket.internal;

import static org.communitykiosk.lovemarket.internal.FakeContext.find;
import static org.communitykiosk.lovemarket.internal.FakeContext.get;
import static org.communitykiosk.lovemarket.internal.FakeContext.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.resident.Resident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/** The screens built as the shell builds them, against the real store and ledger, without a browser. */
class ScreensTest {

    private final Fixture f = new Fixture();
    private final Resident zhang = f.resident("张桂兰", "10000001");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aResidentRedeemsFromTheShelvesThroughTheBasketToTheReceipt() {
        f.earn(zhang, 50);
        Item rice = f.item("大米", 30, 2, 0, LimitPeriod.MONTH);
        FakeContext shopContext = FakeContext.resident(zhang);
        ShopView shop = new ShopView(shopContext, f.market, f.lottery, f.db.clock());
        assertEquals(List.of("lm-item-" + rice.id()), ids(shop, "lm-item-"));
        assertTrue(find(shop, "lm-orders-link").isEmpty(), "no staff links for residents");
        ((Button) get(shop, "lm-add-" + rice.id())).click();
        assertEquals("My basket (1 items)", ((Button) get(shop, "lm-basket-link")).getText());

        FakeContext basketContext = FakeContext.resident(zhang);
        BasketView basket = new BasketView(basketContext, f.market, f.ledger);
        assertEquals("Total: 30 points", text(get(basket, "lm-basket-total")));
        assertEquals("Your points: 50", text(get(basket, "lm-basket-balance")));
        Button confirm = (Button) get(basket, "lm-confirm");
        basketContext.pinEntered = false;
        confirm.click();
        assertEquals(List.of(zhang.id() + ":" + PinAction.POINTS_SPEND), basketContext.pinsAsked,
                "redeeming spends her points: her PIN first");
        assertEquals(50, f.balance(zhang), "nothing paid without it");
        basketContext.pinEntered = true;
        confirm.click();
        confirm.click(); // a double tap redeems once
        Order order = f.market.openOrders().get(0);
        assertEquals(1, f.market.openOrders().size());
        assertEquals(20, f.balance(zhang));
        assertEquals("receipt/" + order.id(), basketContext.navigations.get(0));

        ReceiptView receipt = new ReceiptView(FakeContext.resident(zhang, Long.toString(order.id())), f.market);
        assertEquals(order.pickupCode(), text(get(receipt, "lm-receipt-code")));
        Resident li = f.resident("李建国", "10000002");
        ReceiptView notHers = new ReceiptView(FakeContext.resident(li, Long.toString(order.id())), f.market);
        assertTrue(find(notHers, "lm-receipt-missing").isPresent(), "only one's own receipts");
    }

    @Test
    void theConfirmScreenShowsTheNewPriceAndWaitsForAcceptance() {
        f.earn(zhang, 50);
        Item rice = f.item("大米", 30, 2, 0, LimitPeriod.MONTH);
        f.market.addToBasket(zhang.id(), rice.id(), 1);
        BasketView basket = new BasketView(FakeContext.resident(zhang), f.market, f.ledger);
        f.market.editItem(rice.id(), new ItemDraft("大米", "日用品", 40, 0, LimitPeriod.MONTH, true, 0), Fixture.STAFF);

        ((Button) get(basket, "lm-confirm")).click();
        assertEquals("The price of 大米 changed from 30 to 40 points. Nothing was paid.",
                text(get(basket, "lm-basket-error")));
        assertEquals("Price changed: was 30, now 40 points", text(get(basket, "lm-line-price-" + rice.id())));
        assertTrue(find(basket, "lm-confirm").isEmpty());
        ((Button) get(basket, "lm-accept-prices")).click();
        assertEquals("Total: 40 points", text(get(basket, "lm-basket-total")));
        ((Button) get(basket, "lm-confirm")).click();
        assertEquals(10, f.balance(zhang));
    }

    @Test
    void notEnoughPointsIsSaidAndNothingIsPaid() {
        f.earn(zhang, 10);
        Item rice = f.item("大米", 30, 2, 0, LimitPeriod.MONTH);
        f.market.addToBasket(zhang.id(), rice.id(), 1);
        BasketView basket = new BasketView(FakeContext.resident(zhang), f.market, f.ledger);
        assertEquals("You need 20 more points.", text(get(basket, "lm-basket-short")));
        ((Button) get(basket, "lm-confirm")).click();
        assertEquals("Not enough points: you have 10, the goods cost 30. Nothing was paid.",
                text(get(basket, "lm-basket-error")));
        assertEquals(2, f.market.item(rice.id()).orElseThrow().stock());
    }

    @Test
    void staffHandOverByCodeAndCancelWithRefund() {
        f.earn(zhang, 100);
        Item rice = f.item("大米", 30, 5, 0, LimitPeriod.MONTH);
        Order first = f.market.redeem(zhang.id(), List.of(new OrderRequest(rice.id(), 1, 30)), "a",
                org.communitykiosk.api.Actor.resident(zhang.id()));
        Order second = f.market.redeem(zhang.id(), List.of(new OrderRequest(rice.id(), 1, 30)), "b",
                org.communitykiosk.api.Actor.resident(zhang.id()));
        OrdersView orders = new OrdersView(FakeContext.staff(), f.market, f.db.residents());
        ((TextField) get(orders, "lm-pickup-code")).setValue(first.pickupCode());
        ((Button) get(orders, "lm-pickup-find")).click();
        Component found = get(orders, "lm-pickup-order");
        ((Button) get(found, "lm-handover-" + first.id())).click();
        assertEquals(Order.State.HANDED_OVER, f.market.order(first.id()).orElseThrow().state());

        ((Button) get(orders, "lm-cancel-" + second.id())).click();
        assertEquals(Order.State.OPEN, f.market.order(second.id()).orElseThrow().state(), "first tap asks");
        ((Button) get(orders, "lm-cancel-confirm-" + second.id())).click();
        assertEquals(Order.State.CANCELLED, f.market.order(second.id()).orElseThrow().state());
        assertEquals(70, f.balance(zhang));
        assertEquals(4, f.market.item(rice.id()).orElseThrow().stock());
    }

    @Test
    void staffCreateAnItemRecordAnIntakeAndSeeTheLowStockWarning() {
        StockView stock = new StockView(FakeContext.staff(), f.market, f.db.residents(), f.db.identification(), f.lottery);
        ((TextField) get(stock, "lm-item-name")).setValue("食用油");
        ((TextField) get(stock, "lm-item-category")).setValue("粮油");
        ((IntegerField) get(stock, "lm-item-price")).setValue(20);
        ((IntegerField) get(stock, "lm-item-low")).setValue(3);
        ((Button) get(stock, "lm-item-save")).click();
        Item oil = f.market.items(false).get(0);
        assertEquals("食用油", oil.name());
        assertTrue(find(stock, "lm-low-" + oil.id()).isPresent(), "0 in stock is low");

        f.market.intake("爱心企业", List.of(new IntakeLine(oil.id(), 10)), Fixture.STAFF);
        StockView again = new StockView(FakeContext.staff(), f.market, f.db.residents(), f.db.identification(), f.lottery);
        assertTrue(find(again, "lm-low-" + oil.id()).isEmpty());
        ((Button) get(again, "lm-item-save")).click();
        assertTrue(get(again, "lm-item-error").isVisible(), "an empty form is refused");
    }

    @Test
    void aSwapFromPostToPickup() {
        JdbcSwapBoard swaps = new JdbcSwapBoard(f.db.transactions(), f.db.migrations(), f.db.auditLog(), f.db.clock(),
                SwapBoardTest.config(30));
        Resident li = f.resident("李建国", "10000002");
        SwapView zhangs = new SwapView(FakeContext.resident(zhang), swaps, f.db.residents(), f.db.clock());
        ((TextField) get(zhangs, "lm-swap-title")).setValue("儿童自行车");
        ((TextField) get(zhangs, "lm-swap-category")).setValue("儿童用品");
        ((Button) get(zhangs, "lm-swap-post")).click();
        SwapEntry bike = swaps.board().get(0);

        SwapView lis = new SwapView(FakeContext.resident(li), swaps, f.db.residents(), f.db.clock());
        ((Button) get(lis, "lm-swap-ask-" + bike.id())).click();

        zhangs = new SwapView(FakeContext.resident(zhang), swaps, f.db.residents(), f.db.clock());
        Button promise = (Button) get(zhangs, "lm-swap-promise-" + bike.id() + "-" + li.id());
        assertEquals("Promise to 李*国", promise.getText());
        promise.click();
        String code = text(get(zhangs, "lm-swap-code-" + bike.id()));

        lis = new SwapView(FakeContext.resident(li), swaps, f.db.residents(), f.db.clock());
        ((TextField) get(lis, "lm-swap-code-input-" + bike.id())).setValue(code);
        ((Button) get(lis, "lm-swap-close-" + bike.id())).click();
        assertEquals(SwapEntry.State.DONE, swaps.entry(bike.id()).orElseThrow().state());
    }

    private static String text(Component component) {
        return ((HasText) component).getText();
    }
}
