package org.communitykiosk.lovemarket.internal;

import java.util.List;
import java.util.UUID;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.points.api.Account;
import org.communitykiosk.points.api.Ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The basket and its confirmation: lines with quantity buttons, the total, the resident's balance from the ledger.
 * A line whose price changed since it was added shows the new price, and confirming waits until the resident
 * accepts the new prices. The order key is made when the screen is built, so a double tap on "confirm" redeems once.
 */
final class BasketView extends VerticalLayout {

    private final ViewContext context;
    private final LoveMarket market;
    private final Ledger ledger;
    private final Resident resident;
    private final String orderKey = UUID.randomUUID().toString();
    private final VerticalLayout lines = new VerticalLayout();
    private final Paragraph error = Screens.error("lm-basket-error");

    BasketView(ViewContext context, LoveMarket market, Ledger ledger) {
        this.context = context;
        this.market = market;
        this.ledger = ledger;
        this.resident = context.session().resident().orElse(null);
        setId("lovemarket-basket");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("lm-basket-back", context.text("lovemarket.basket.back"),
                () -> context.navigate(LoveMarketPlugin.SHOP)), Screens.heading(context.text("lovemarket.basket.heading")));
        if (resident == null) {
            add(Screens.text("lm-shop-sign-in", context.text("lovemarket.shop.signIn")));
            return;
        }
        lines.setPadding(false);
        add(lines);
        showLines();
    }

    private void showLines() {
        lines.removeAll();
        List<BasketLine> basket = market.basket(resident.id());
        if (basket.isEmpty()) {
            lines.add(Screens.text("lm-basket-empty", context.text("lovemarket.basket.empty")));
            return;
        }
        boolean priceChanged = false;
        for (BasketLine line : basket) {
            lines.add(line(line));
            priceChanged |= line.priceChanged();
        }
        long total = basket.stream().mapToLong(BasketLine::total).sum();
        long balance = ledger.balance(Account.resident(resident.id()));
        Span totalText = new Span(context.text("lovemarket.basket.total", total));
        totalText.setId("lm-basket-total");
        Screens.textSize(totalText, Screens.TITLE_SIZE);
        totalText.getStyle().set("font-weight", "700");
        lines.add(totalText, Screens.text("lm-basket-balance", context.text("lovemarket.basket.balance", balance)));
        if (balance < total) {
            lines.add(Screens.text("lm-basket-short", context.text("lovemarket.basket.short", total - balance)));
        }
        lines.add(error);
        if (priceChanged) {
            lines.add(Screens.text("lm-basket-price-notice", context.text("lovemarket.basket.priceNotice")),
                    Screens.primary("lm-accept-prices", context.text("lovemarket.basket.acceptPrices"), () -> {
                        market.acceptPrices(resident.id());
                        error.setVisible(false);
                        showLines();
                    }));
        } else {
            lines.add(Screens.primary("lm-confirm", context.text("lovemarket.basket.confirm", total), this::confirm));
        }
    }

    private Div line(BasketLine line) {
        Item item = line.item();
        Div row = Screens.card("lm-line-" + item.id());
        Span name = new Span(item.name());
        Screens.textSize(name, Screens.TITLE_SIZE);
        name.getStyle().set("font-weight", "600");
        row.add(name, Screens.text(null, context.text("lovemarket.basket.line", line.quantity(), line.priceSeen(),
                line.total())));
        if (line.priceChanged()) {
            row.add(Screens.label("lm-line-price-" + item.id(),
                    context.text("lovemarket.basket.priceChanged", line.priceSeen(), item.price())));
        }
        Button minus = Screens.bigButton("lm-line-minus-" + item.id(), context.text("lovemarket.basket.minus"),
                () -> change(item, line.quantity() - 1));
        Button plus = Screens.bigButton("lm-line-plus-" + item.id(), context.text("lovemarket.basket.plus"),
                () -> change(item, line.quantity() + 1));
        Button remove = Screens.bigButton("lm-line-remove-" + item.id(), context.text("lovemarket.basket.remove"),
                () -> change(item, 0));
        HorizontalLayout actions = new HorizontalLayout(minus, plus, remove);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        row.add(actions);
        return row;
    }

    private void change(Item item, int quantity) {
        if (Screens.attempt(context, error, () -> market.setQuantity(resident.id(), item.id(), quantity))) {
            showLines();
        }
    }

    /** Redeeming spends the resident's points: with their PIN, where they have one. */
    private void confirm() {
        context.confirmWithPin(resident, PinAction.POINTS_SPEND, this::redeem);
    }

    private void redeem() {
        try {
            Order order = market.redeemBasket(resident.id(), orderKey, context.session().actor());
            context.navigate(LoveMarketPlugin.RECEIPT + "/" + order.id());
        } catch (InvalidInputException refused) {
            // show the prices as they are now, with the reason above the confirm button
            showLines();
            Screens.show(error, context.describe(refused));
        } catch (StoreException failed) {
            Screens.show(error, context.text("lovemarket.problem.tryAgain"));
        }
    }
}
