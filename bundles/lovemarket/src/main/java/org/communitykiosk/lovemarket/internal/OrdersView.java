package org.communitykiosk.lovemarket.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Staff at the counter: find an open order by its pickup code and hand it over, or cancel an order (a second tap
 * confirms), which refunds the points and puts the goods back on the shelf.
 */
final class OrdersView extends VerticalLayout {

    private final ViewContext context;
    private final LoveMarket market;
    private final ResidentDirectory residents;
    private final TextField code = new TextField();
    private final Paragraph error = Screens.error("lm-orders-error");
    private final VerticalLayout found = new VerticalLayout();
    private final VerticalLayout rows = new VerticalLayout();
    /** Orders whose cancel button was tapped once. */
    private final Set<Long> confirming = new HashSet<>();

    OrdersView(ViewContext context, LoveMarket market, ResidentDirectory residents) {
        this.context = context;
        this.market = market;
        this.residents = residents;
        setId("lovemarket-orders");
        setMaxWidth(Screens.CONTENT_WIDTH);
        code.setId("lm-pickup-code");
        code.setLabel(context.text("lovemarket.orders.code"));
        code.setMaxLength(8);
        Button find = Screens.primary("lm-pickup-find", context.text("lovemarket.orders.find"), this::find);
        HorizontalLayout search = new HorizontalLayout(code, find);
        search.setAlignItems(FlexComponent.Alignment.BASELINE);
        found.setPadding(false);
        rows.setPadding(false);
        add(Screens.backButton("lm-orders-back", context.text("lovemarket.basket.back"),
                () -> context.navigate(LoveMarketPlugin.SHOP)), Screens.heading(context.text("lovemarket.orders.heading")),
                search, error, found, Screens.heading(context.text("lovemarket.orders.open")), rows);
        showRows();
    }

    private void find() {
        found.removeAll();
        market.openOrderByPickupCode(code.getValue()).ifPresentOrElse(order -> {
            error.setVisible(false);
            Div row = row(order);
            row.setId("lm-pickup-order");
            found.add(row);
        }, () -> Screens.show(error, context.text("lovemarket.orders.noSuchCode")));
    }

    private void showRows() {
        rows.removeAll();
        List<Order> open = market.openOrders();
        if (open.isEmpty()) {
            rows.add(Screens.text("lm-orders-empty", context.text("lovemarket.orders.empty")));
        }
        open.forEach(order -> rows.add(row(order)));
    }

    private Div row(Order order) {
        Div row = Screens.card("lm-order-" + order.id());
        String name = residents.byId(order.residentId()).map(Resident::name).orElse("#" + order.residentId());
        row.add(Screens.text(null, context.text("lovemarket.orders.line", order.pickupCode(), name, order.total())),
                Screens.text(null, order.lines().stream()
                        .map(l -> context.text("lovemarket.orders.item", l.name(), l.quantity()))
                        .collect(Collectors.joining("\n"))));
        Button handOver = Screens.primary("lm-handover-" + order.id(), context.text("lovemarket.orders.handOver"),
                () -> {
                    if (Screens.attempt(context, error, () -> market.handOver(order.id(), context.session().actor()))) {
                        context.notify(context.text("lovemarket.orders.handedOver", order.pickupCode()));
                        refresh();
                    }
                });
        boolean sure = confirming.contains(order.id());
        Button cancel = Screens.bigButton((sure ? "lm-cancel-confirm-" : "lm-cancel-") + order.id(),
                context.text(sure ? "lovemarket.orders.cancelConfirm" : "lovemarket.orders.cancel"), () -> {
                    if (!confirming.remove(order.id())) {
                        confirming.add(order.id());
                        refresh();
                    } else if (Screens.attempt(context, error,
                            () -> market.cancel(order.id(), context.session().actor()))) {
                        context.notify(context.text("lovemarket.orders.cancelled", order.pickupCode(), order.total()));
                        refresh();
                    }
                });
        row.add(new HorizontalLayout(handOver, cancel));
        return row;
    }

    private void refresh() {
        found.removeAll();
        showRows();
    }
}
