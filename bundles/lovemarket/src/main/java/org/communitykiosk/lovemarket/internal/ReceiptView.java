package org.communitykiosk.lovemarket.internal;

import java.util.Optional;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The receipt: the pickup code in huge type, what was redeemed, the points paid and the order's state. */
final class ReceiptView extends VerticalLayout {

    ReceiptView(ViewContext context, LoveMarket market) {
        setId("lovemarket-receipt");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("lm-receipt-back", context.text("lovemarket.receipt.back"),
                () -> context.navigate(LoveMarketPlugin.SHOP)));
        // a resident sees only their own receipts; staff see every one
        Optional<Order> order = Screens.idFromPath(context).flatMap(market::order)
                .filter(o -> context.session().permits(Audience.STAFF)
                        || context.session().resident().filter(r -> r.id() == o.residentId()).isPresent());
        if (order.isEmpty()) {
            add(Screens.text("lm-receipt-missing", context.text("lovemarket.receipt.missing")));
            return;
        }
        Order o = order.get();
        add(Screens.heading(context.text("lovemarket.receipt.heading")),
                Screens.text(null, context.text("lovemarket.receipt.codeLabel")));
        Div code = new Div();
        code.setText(o.pickupCode());
        code.setId("lm-receipt-code");
        code.getStyle().set("font-size", "96px").set("font-weight", "800").set("letter-spacing", "0.15em")
                .set("line-height", "1.2").set("font-family", "monospace");
        add(code, Screens.label("lm-receipt-state", Screens.stateText(context, o.state())));
        VerticalLayout lines = new VerticalLayout();
        lines.setId("lm-receipt-lines");
        lines.setPadding(false);
        o.lines().forEach(line -> lines.add(Screens.text(null,
                context.text("lovemarket.receipt.line", line.name(), line.quantity(), line.price() * line.quantity()))));
        add(lines, Screens.text("lm-receipt-total", context.text("lovemarket.receipt.total", o.total())),
                Screens.text(null, context.text("lovemarket.receipt.hint")));
    }
}
