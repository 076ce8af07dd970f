package org.communitykiosk.lovemarket.internal;

import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The public notice of lottery results (公示), readable without signing in: per drawn lottery the item, the date,
 * the seed with the commitment published when the lottery opened (anyone checks that the seed hashes to it and
 * repeats the draw) and the winners with masked names and their building. Whether a winner came
 * through the priority quota is not shown: a household in difficulty is not announced to the neighbourhood.
 */
final class NoticeView extends VerticalLayout {

    NoticeView(ViewContext context, JdbcLottery lotteries, ResidentDirectory residents) {
        setId("lovemarket-notice");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.heading(context.text("lovemarket.notice.heading")));
        List<Lottery> drawn = lotteries.drawn();
        if (drawn.isEmpty()) {
            add(Screens.text("lm-notice-empty", context.text("lovemarket.notice.empty")));
        }
        for (Lottery lottery : drawn) {
            Div card = Screens.card("lm-notice-" + lottery.id());
            Span title = new Span(lottery.itemName());
            Screens.textSize(title, Screens.TITLE_SIZE);
            title.getStyle().set("font-weight", "600");
            Paragraph drawnText = Screens.text("lm-notice-seed-" + lottery.id(), context.text(
                    lottery.commitment() == null ? "lovemarket.notice.drawn" : "lovemarket.notice.drawnCommitted",
                    LotteryView.WHEN.format(lottery.drawnAt().atZone(context.zone())), lottery.units(),
                    lottery.requests(), Long.toString(lottery.seed()), lottery.commitment()));
            drawnText.getStyle().set("overflow-wrap", "anywhere");
            card.add(title, drawnText);
            int n = 0;
            for (Lottery.Result r : lotteries.results(lottery.id())) {
                if (r.outcome() != LotteryDraw.Outcome.WON) {
                    continue;
                }
                n++;
                String line = residents.byId(r.residentId())
                        .map(x -> context.text("lovemarket.notice.winner", SwapView.mask(x.name()), x.building()))
                        .orElse("#" + r.residentId());
                card.add(Screens.text("lm-notice-winner-" + lottery.id() + "-" + n, line));
            }
            if (n == 0) {
                card.add(Screens.text(null, context.text("lovemarket.notice.noWinner")));
            }
            add(card);
        }
    }
}
