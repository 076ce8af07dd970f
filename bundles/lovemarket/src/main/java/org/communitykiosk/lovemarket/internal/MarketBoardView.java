package org.communitykiosk.lovemarket.internal;

import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.lovemarket.internal.CharityMarket.Day;
import org.communitykiosk.lovemarket.internal.CharityMarket.Raised;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The public board of the charity market (爱心集市), readable without signing in: for a market day (the newest, or
 * the one named in the path) what each stall raised in yuan and points and where the money goes, and the total.
 */
final class MarketBoardView extends VerticalLayout {

    MarketBoardView(ViewContext context, JdbcCharityMarket charity) {
        setId("lovemarket-board");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.heading(context.text("lovemarket.board.heading")));
        Optional<Day> shown = Screens.idFromPath(context).flatMap(charity::day)
                .or(() -> charity.days().stream().findFirst());
        if (shown.isEmpty()) {
            add(Screens.text("lm-board-empty", context.text("lovemarket.board.empty")));
            return;
        }
        Day day = shown.get();
        add(Screens.text("lm-board-day", context.text("lovemarket.market.dayLabel", day.date().toString(),
                day.place())));
        List<Raised> stalls = charity.raised(day.id());
        long cash = 0;
        long points = 0;
        for (Raised r : stalls) {
            Div card = Screens.card("lm-board-stall-" + r.stall().id());
            Span name = new Span(r.stall().name());
            Screens.textSize(name, Screens.TITLE_SIZE);
            name.getStyle().set("font-weight", "600");
            card.add(name, Screens.text(null, context.text("lovemarket.board.sells", r.stall().sells())),
                    Screens.text("lm-board-raised-" + r.stall().id(), context.text("lovemarket.board.raised",
                            CharityMarket.yuan(r.cashCents()), r.points(), r.sales())),
                    Screens.text("lm-board-beneficiary-" + r.stall().id(),
                            context.text("lovemarket.board.beneficiary", r.stall().beneficiary())));
            add(card);
            cash += r.cashCents();
            points += r.points();
        }
        if (stalls.isEmpty()) {
            add(Screens.text("lm-board-no-stalls", context.text("lovemarket.board.noStalls")));
        }
        Span total = new Span(context.text("lovemarket.board.total", CharityMarket.yuan(cash), points));
        total.setId("lm-board-total");
        Screens.textSize(total, Screens.HEADING_SIZE);
        total.getStyle().set("font-weight", "700");
        add(total);
    }
}
