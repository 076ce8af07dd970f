package org.communitykiosk.lovemarket.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The shelves: categories as big buttons, then the items of the chosen one as big cards (the photo staff uploaded,
 * big; without one the card is text only, the name in large type), each with its price in points, what is left, and
 * "add to basket". The resident's balance and basket are one tap away.
 */
final class ShopView extends VerticalLayout {

    private final ViewContext context;
    private final LoveMarket market;
    private final JdbcLottery lotteries;
    private final Clock clock;
    private final Optional<Resident> resident;
    private final FlexLayout shelf = new FlexLayout();
    private final Button basketLink;
    private final Paragraph error = Screens.error("lm-shop-error");

    ShopView(ViewContext context, LoveMarket market, JdbcLottery lotteries, Clock clock) {
        this.context = context;
        this.market = market;
        this.lotteries = lotteries;
        this.clock = clock;
        this.resident = context.session().resident();
        setId("lovemarket-shop");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.heading(context.text("lovemarket.shop.heading")));

        basketLink = Screens.primary("lm-basket-link", "", () -> context.navigate(LoveMarketPlugin.BASKET));
        basketLink.setIcon(VaadinIcon.CART.create());
        if (resident.isPresent()) {
            add(new HorizontalLayout(basketLink, Screens.bigButton("lm-swap-link", context.text("lovemarket.shop.swap"),
                    () -> context.navigate(LoveMarketPlugin.SWAP))));
            showBasketCount();
        } else {
            add(Screens.text("lm-shop-sign-in", context.text("lovemarket.shop.signIn")));
        }
        add(new HorizontalLayout(Screens.bigButton("lm-notice-link", context.text("lovemarket.shop.notice"),
                () -> context.navigate(LoveMarketPlugin.NOTICE)),
                Screens.bigButton("lm-market-link", context.text("lovemarket.shop.market"),
                        () -> context.navigate(LoveMarketPlugin.BOARD))));
        if (context.session().permits(Audience.STAFF)) {
            add(new HorizontalLayout(
                    Screens.bigButton("lm-orders-link", context.text("lovemarket.shop.orders"),
                            () -> context.navigate(LoveMarketPlugin.ORDERS)),
                    Screens.bigButton("lm-stock-link", context.text("lovemarket.shop.stock"),
                            () -> context.navigate(LoveMarketPlugin.STOCK))));
        }

        FlexLayout categories = new FlexLayout();
        categories.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        categories.getStyle().set("gap", "12px");
        categories.add(Screens.bigButton("lm-category-all", context.text("lovemarket.shop.all"), () -> show(null)));
        List<String> names = market.categories();
        for (int i = 0; i < names.size(); i++) {
            String category = names.get(i);
            categories.add(Screens.bigButton("lm-category-" + i, category, () -> show(category)));
        }
        shelf.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        shelf.getStyle().set("gap", "16px");
        shelf.setWidthFull();
        add(categories, error, shelf);
        show(null);
    }

    private void show(String category) {
        shelf.removeAll();
        Map<Long, String> photographed = market.photographed();
        Map<Long, Lottery> byLot = lotteries.openByItem();
        List<Item> items = market.items(true).stream()
                .filter(item -> category == null || item.category().equals(category)).toList();
        if (items.isEmpty()) {
            shelf.add(Screens.text("lm-shop-empty", context.text("lovemarket.shop.empty")));
        }
        items.forEach(item -> shelf.add(card(item, photographed.get(item.id()), byLot.get(item.id()))));
    }

    /** @param photoType the MIME type of the item's photo, or null for a text-only card */
    private Div card(Item item, String photoType, Lottery lottery) {
        Div card = Screens.card("lm-item-" + item.id());
        card.setWidth("280px");
        Span name = new Span(item.name());
        name.getStyle().set("font-weight", "600");
        if (photoType != null) {
            long id = item.id();
            card.add(Screens.photo("lm-photo-" + id, "item-" + id, item.name(), photoType, () -> market.photo(id)));
            Screens.textSize(name, Screens.TITLE_SIZE);
        } else {
            Screens.textSize(name, Screens.HEADING_SIZE);
        }
        card.add(name, Screens.text(null, context.text("lovemarket.item.price", item.price())),
                Screens.text(null, item.stock() > 0 ? context.text("lovemarket.item.stock", item.stock())
                        : context.text("lovemarket.item.soldOut")));
        if (item.limited()) {
            card.add(Screens.text(null, context.text("lovemarket.item.limit", item.limitQuantity(),
                    Screens.periodText(context, item.limitPeriod()))));
        }
        if (lottery != null) {
            lotteryPart(card, item, lottery);
        }
        if (resident.isPresent() && item.stock() > 0) {
            Button add = Screens.primary("lm-add-" + item.id(), context.text("lovemarket.item.add"), () -> {
                if (Screens.attempt(context, error, () -> market.addToBasket(resident.get().id(), item.id(), 1))) {
                    context.notify(context.text("lovemarket.item.added", item.name()));
                    showBasketCount();
                }
            });
            add.addThemeVariants(ButtonVariant.LUMO_LARGE);
            card.add(add);
        }
        return card;
    }

    /** Units given by lot: the window, and "ask for one" while it is open (once per resident). */
    private void lotteryPart(Div card, Item item, Lottery lottery) {
        card.add(Screens.text("lm-lottery-info-" + item.id(), context.text("lovemarket.item.lottery",
                lottery.units(), lottery.price(), LotteryView.WHEN.format(lottery.opensAt().atZone(context.zone())),
                LotteryView.WHEN.format(lottery.closesAt().atZone(context.zone())))));
        if (lottery.commitment() != null) {
            // fixed before anyone asked: the draw cannot pick a seed that favours someone
            Paragraph commitment = Screens.text("lm-lottery-commitment-" + item.id(),
                    context.text("lovemarket.lottery.commitment", lottery.commitment()));
            commitment.getStyle().set("overflow-wrap", "anywhere");
            card.add(commitment);
        }
        if (resident.isEmpty()) {
            return;
        }
        Resident r = resident.get();
        if (lotteries.requested(lottery.id(), r.id())) {
            card.add(Screens.label("lm-lottery-asked-" + lottery.id(), context.text("lovemarket.item.lotteryAsked")));
        } else if (lottery.acceptsRequestsAt(clock.instant()) && market.limitReached(r.id(), item.id())) {
            // said before the tap rather than after: the store would refuse the request anyway
            card.add(Screens.text("lm-lottery-limit-" + lottery.id(), context.text(
                    JdbcLottery.limitReachedKey(item.limitPeriod()), item.name(), item.limitQuantity())));
        } else if (lottery.acceptsRequestsAt(clock.instant())) {
            // asking is agreeing to pay if drawn (JdbcLottery redeems the winners' points): a spend, with its PIN
            card.add(Screens.primary("lm-lottery-ask-" + lottery.id(), context.text("lovemarket.item.lotteryAsk"),
                    () -> context.confirmWithPin(r, PinAction.POINTS_SPEND, () -> {
                        if (Screens.attempt(context, error, () -> lotteries.request(lottery.id(), r.id(),
                                r.household(), context.session().actor()))) {
                            context.notify(context.text("lovemarket.item.lotteryAskedNotice", item.name()));
                            show(null);
                        }
                    })));
        }
    }

    private void showBasketCount() {
        int units = market.basket(resident.orElseThrow().id()).stream().mapToInt(BasketLine::quantity).sum();
        basketLink.setText(context.text("lovemarket.shop.basket", units));
    }
}
