package org.communitykiosk.lovemarket.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * Staff's lottery screen: set up a lottery for a scarce item (units, priority quota for flagged households, the
 * request window), see how many asked, and draw once the window has closed; the results show who won, who was
 * skipped and why (not enough points, or the item's per-resident limit taken since asking), and the seed.
 */
final class LotteryView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ViewContext context;
    private final LoveMarket market;
    private final JdbcLottery lotteries;
    private final ResidentDirectory residents;
    private final VerticalLayout rows = new VerticalLayout();
    private final Select<Item> item = new Select<>();
    private final IntegerField units = new IntegerField();
    private final IntegerField priority = new IntegerField();
    private final DateTimePicker opens = new DateTimePicker();
    private final DateTimePicker closes = new DateTimePicker();
    private final Paragraph error = Screens.error("lm-lottery-error");

    LotteryView(ViewContext context, LoveMarket market, JdbcLottery lotteries, ResidentDirectory residents,
            java.time.Clock clock) {
        this.context = context;
        this.market = market;
        this.lotteries = lotteries;
        this.residents = residents;
        setId("lovemarket-lottery");
        setMaxWidth(Screens.CONTENT_WIDTH);
        rows.setPadding(false);

        item.setId("lm-lottery-item");
        item.setLabel(context.text("lovemarket.stock.item"));
        item.setItemLabelGenerator(i -> context.text("lovemarket.stock.option", i.name(), i.stock()));
        item.setItems(market.items(true));
        units.setId("lm-lottery-units");
        units.setLabel(context.text("lovemarket.lottery.units"));
        priority.setId("lm-lottery-priority");
        priority.setLabel(context.text("lovemarket.lottery.priority"));
        priority.setValue(0);
        opens.setId("lm-lottery-opens");
        opens.setLabel(context.text("lovemarket.lottery.opens"));
        closes.setId("lm-lottery-closes");
        closes.setLabel(context.text("lovemarket.lottery.closes"));
        LocalDateTime now = LocalDateTime.now(clock.withZone(context.zone())).withSecond(0).withNano(0);
        opens.setValue(now);
        closes.setValue(now.plusDays(7));
        Div form = Screens.card("lm-lottery-form");
        form.add(Screens.heading(context.text("lovemarket.lottery.new")), item, units, priority, opens, closes, error,
                Screens.primary("lm-lottery-create", context.text("lovemarket.lottery.create"), this::create));

        add(Screens.backButton("lm-lottery-back", context.text("lovemarket.basket.back"),
                () -> context.navigate(LoveMarketPlugin.STOCK)),
                Screens.heading(context.text("lovemarket.lottery.heading")),
                Screens.text(null, context.text("lovemarket.lottery.flagged", lotteries.flaggedCount())), form, rows);
        refresh();
    }

    private void create() {
        if (item.getValue() == null) {
            Screens.show(error, context.text("lovemarket.problem.chooseItem"));
            return;
        }
        ZoneId zone = context.zone();
        if (Screens.attempt(context, error, () -> lotteries.create(item.getValue().id(),
                units.getValue() == null ? 0 : units.getValue(), priority.getValue() == null ? 0 : priority.getValue(),
                opens.getValue() == null ? null : opens.getValue().atZone(zone).toInstant(),
                closes.getValue() == null ? null : closes.getValue().atZone(zone).toInstant(),
                context.session().actor()))) {
            context.notify(context.text("lovemarket.lottery.created"));
            item.setItems(market.items(true));
            units.clear();
            refresh();
        }
    }

    private void refresh() {
        rows.removeAll();
        List<Lottery> all = lotteries.lotteries();
        if (all.isEmpty()) {
            rows.add(Screens.text("lm-lottery-empty", context.text("lovemarket.lottery.empty")));
        }
        for (Lottery lottery : all) {
            Div row = Screens.card("lm-lottery-" + lottery.id());
            Paragraph rowError = Screens.error("lm-lottery-row-error-" + lottery.id());
            row.add(Screens.label(null, context.text(lottery.state() == Lottery.State.OPEN
                    ? "lovemarket.lottery.stateOpen" : "lovemarket.lottery.stateDrawn")),
                    Screens.text(null, context.text("lovemarket.lottery.row", lottery.itemName(), lottery.units(),
                            lottery.priorityUnits(), lottery.price(), when(lottery.opensAt()),
                            when(lottery.closesAt()), lottery.requests())));
            if (lottery.state() == Lottery.State.OPEN) {
                row.add(rowError, Screens.primary("lm-lottery-draw-" + lottery.id(),
                        context.text("lovemarket.lottery.draw"), () -> {
                            if (Screens.attempt(context, rowError,
                                    () -> lotteries.draw(lottery.id(), context.session().actor()))) {
                                context.notify(context.text("lovemarket.lottery.drawn"));
                                refresh();
                            }
                        }));
            } else {
                StringBuilder results = new StringBuilder(context.text("lovemarket.lottery.seed",
                        Long.toString(lottery.seed())));
                if (lottery.commitment() != null) {
                    results.append('\n').append(context.text("lovemarket.lottery.commitment", lottery.commitment()));
                }
                for (Lottery.Result r : lotteries.results(lottery.id())) {
                    String name = residents.byId(r.residentId()).map(x -> x.name()).orElse("#" + r.residentId());
                    results.append('\n').append(context.text(r.outcome() == LotteryDraw.Outcome.WON
                            ? "lovemarket.lottery.won" : r.skipReason() == Lottery.SkipReason.LIMIT
                                    ? "lovemarket.lottery.skippedLimit" : "lovemarket.lottery.skipped",
                            r.rank(), name));
                }
                row.add(Screens.text("lm-lottery-result-" + lottery.id(), results.toString()));
            }
            rows.add(row);
        }
    }

    private String when(java.time.Instant instant) {
        return WHEN.format(instant.atZone(context.zone()));
    }
}
