package org.communitykiosk.bloodpressure.internal;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Staff: residents measured per day over the last 30 days, as a number and a bar for each day with readings. */
final class StatsView extends VerticalLayout {

    static final int DAYS = 30;

    StatsView(ViewContext context, ReadingStore store, LocalDate today) {
        setId("bp-stats");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("bp-stats-back", context.text("bloodpressure.back"),
                () -> context.navigate(BloodPressurePlugin.MEASURE)),
                Screens.heading(context.text("bloodpressure.stats.heading")));
        List<ReadingStore.DayCount> days = store.residentsPerDay(today.minusDays(DAYS - 1L), today);
        int total = days.stream().mapToInt(ReadingStore.DayCount::residents).sum();
        add(Screens.text("bp-stats-total", context.text("bloodpressure.stats.total", DAYS, total)));
        int max = days.stream().mapToInt(ReadingStore.DayCount::residents).max().orElse(1);
        for (ReadingStore.DayCount day : days) {
            Div row = new Div();
            row.setId("bp-stats-" + day.day());
            row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "12px");
            Span label = new Span(context.text("bloodpressure.stats.day", Screens.date(context, day.day()),
                    day.residents()));
            Screens.textSize(label, Screens.TEXT_SIZE);
            label.getStyle().set("min-width", "360px");
            Div bar = new Div();
            bar.getStyle().set("height", "24px").set("width", (day.residents() * 100.0 / max) * 0.5 + "%")
                    .set("background", "var(--lumo-primary-color)").set("border-radius", "4px");
            row.add(label, bar);
            add(row);
        }
    }
}
