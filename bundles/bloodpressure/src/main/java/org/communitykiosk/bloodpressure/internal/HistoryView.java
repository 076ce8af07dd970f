package org.communitykiosk.bloodpressure.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;

/**
 * A resident's readings of the last 3 months: a chart (one bar per reading from diastolic to systolic, drawn with
 * plain elements, no chart library), the averages over a chosen range with morning and evening apart, and every
 * reading as a line of text (the chart is never the only way to read the values). The signed-in resident sees their
 * own; staff open {@code history/<resident id>}. With a printer, a large-type card (PDF); for staff, an export of a
 * chosen range as CSV and PDF for the doctor.
 */
final class HistoryView extends VerticalLayout {

    static final int CHART_DAYS = 90;
    static final int[] RANGES = { 14, 30, 90 };
    private static final double SCALE_MIN = 40;
    private static final double SCALE_MAX = 220;
    private static final int CHART_HEIGHT = 320;

    private final ViewContext context;
    private final LocalDate today;
    private final Div averages = new Div();
    private final ReadingStore store;
    private final Guideline guideline;
    private final Object printer;
    private List<Reading> readings = List.of();

    // the printer is typed Object: Vaadin reflects on screen classes, and the print API is optional (null = none)
    HistoryView(ViewContext context, ReadingStore store, ResidentDirectory residents, LocalDate today,
            Guideline guideline, Object printer) {
        this.context = context;
        this.today = today;
        this.store = store;
        this.guideline = guideline;
        this.printer = printer;
        setId("bp-history");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("bp-history-back", context.text("bloodpressure.history.back"),
                () -> context.navigate(BloodPressurePlugin.MEASURE)));
        add(Screens.heading(context.text("bloodpressure.history.heading")));
        Optional<Resident> resident = whose(context, residents);
        if (resident.isEmpty()) {
            add(Screens.text("bp-history-none", context.text("bloodpressure.history.none")));
            return;
        }
        if (context.session().resident().isPresent()) {
            // health data: a resident's own history opens with their PIN, not with their card alone; until then the
            // screen holds nothing of it
            Div locked = new Div(Screens.text("bp-history-locked", context.text("bloodpressure.history.pinNeeded")),
                    Screens.bigButton("bp-history-pin", context.text("bloodpressure.history.enterPin"),
                            () -> context.confirmWithPin(resident.get(), PinAction.BLOOD_PRESSURE_HISTORY,
                                    () -> show(resident.get()))));
            locked.setId("bp-history-pin-needed");
            add(locked);
            context.confirmWithPin(resident.get(), PinAction.BLOOD_PRESSURE_HISTORY, () -> show(resident.get()));
        } else {
            show(resident.get());
        }
    }

    /** The history itself, once it may be shown. */
    private void show(Resident resident) {
        getChildren().filter(c -> c.getId().filter("bp-history-pin-needed"::equals).isPresent()).findFirst()
                .ifPresent(this::remove);
        add(Screens.text("bp-resident", context.text("bloodpressure.measure.for", resident.name())));
        readings = store.history(resident.id(), today.minusDays(CHART_DAYS));
        if (readings.isEmpty()) {
            add(Screens.text("bp-history-empty", context.text("bloodpressure.history.empty")));
        } else {
            add(chart());
            Div ranges = new Div();
            ranges.getStyle().set("display", "flex").set("gap", "12px").set("flex-wrap", "wrap");
            for (int days : RANGES) {
                ranges.add(Screens.bigButton("bp-range-" + days, context.text("bloodpressure.history.range", days),
                        () -> showAverages(days)));
            }
            add(ranges, averages);
            showAverages(30);
            Div list = new Div();
            list.setId("bp-history-list");
            for (int i = readings.size() - 1; i >= 0; i--) {
                Reading r = readings.get(i);
                list.add(Screens.text("bp-reading-" + r.id(), context.text("bloodpressure.history.line",
                        Screens.dateTime(context, r.takenAt()), context.text(r.sessionTag().key()),
                        Screens.values(context, r), r.category() == null ? "" : context.text(r.category().key()))));
            }
            add(list);
        }
        String name = resident.name();
        long residentId = resident.id();
        if (printer != null && !readings.isEmpty()) {
            List<Reading> card = readings;
            add(Printing.area(context, "bp-print-card", context.text("bloodpressure.print.card"), "bp-print-error",
                    "blood-pressure-card.pdf",
                    residentId, () -> CardPrintout.pdf(printer,
                            CardPrintout.card(context, name, card, guideline, today))));
        }
        if (context.session().permits(Audience.STAFF)) {
            add(new ExportPanel(context, store, residentId, name, guideline, printer, today));
        }
    }

    private static Optional<Resident> whose(ViewContext context, ResidentDirectory residents) {
        Optional<Resident> signedIn = context.session().resident();
        if (signedIn.isPresent()) {
            return signedIn;
        }
        if (context.session().permits(Audience.STAFF) && !context.pathSegments().isEmpty()) {
            try {
                return residents.byId(Long.parseLong(context.pathSegments().get(0)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Averages over the last {@code days} days: all readings, morning ones, evening ones. */
    void showAverages(int days) {
        LocalDate from = today.minusDays(days - 1L);
        List<Reading> inRange = readings.stream().filter(r -> !r.takenOn().isBefore(from)).toList();
        averages.removeAll();
        averages.setId("bp-averages");
        averages.add(Screens.text("bp-average", average(inRange, r -> true,
                context.text("bloodpressure.history.averageAll", days))));
        averages.add(Screens.text("bp-average-morning", average(inRange,
                r -> r.sessionTag() == Reading.SessionTag.MORNING, context.text("bloodpressure.tag.MORNING"))));
        averages.add(Screens.text("bp-average-evening", average(inRange,
                r -> r.sessionTag() == Reading.SessionTag.EVENING, context.text("bloodpressure.tag.EVENING"))));
    }

    private String average(List<Reading> readings, Predicate<Reading> filter, String label) {
        List<Reading> chosen = readings.stream().filter(filter).toList();
        if (chosen.isEmpty()) {
            return context.text("bloodpressure.history.averageNone", label);
        }
        long systolic = Math.round(chosen.stream().mapToInt(Reading::systolic).average().orElse(0));
        long diastolic = Math.round(chosen.stream().mapToInt(Reading::diastolic).average().orElse(0));
        return context.text("bloodpressure.history.average", label, systolic, diastolic, chosen.size());
    }

    /** One bar per reading, spread over the 90 days, with reference lines at 140 and 90 mmHg labelled in text. */
    private Div chart() {
        Div chart = new Div();
        chart.setId("bp-chart");
        chart.setWidthFull();
        Element box = chart.getElement();
        box.getStyle().set("position", "relative").set("height", CHART_HEIGHT + "px").set("box-sizing", "border-box")
                .set("border", "2px solid var(--lumo-contrast-50pct)").set("border-radius", "8px")
                .set("background", "var(--lumo-base-color)").set("margin", "12px 0");
        box.appendChild(line(140, context.text("bloodpressure.history.line140")),
                line(90, context.text("bloodpressure.history.line90")));
        LocalDate first = today.minusDays(CHART_DAYS);
        for (Reading r : readings) {
            double x = (r.takenOn().toEpochDay() - first.toEpochDay()) * 100.0 / (CHART_DAYS + 1);
            Element bar = new Element("div");
            bar.setAttribute("id", "bp-bar-" + r.id());
            bar.setAttribute("title", Screens.values(context, r));
            Category category = r.category() == null ? Category.CN_NORMAL : r.category();
            bar.getStyle().set("position", "absolute").set("left", x + "%").set("width", "10px")
                    .set("bottom", y(r.diastolic()) + "%").set("height", (y(r.systolic()) - y(r.diastolic())) + "%")
                    .set("background", category.colour.css).set("border", "2px solid #1a1a1a")
                    .set("border-radius", "4px");
            box.appendChild(bar);
        }
        return chart;
    }

    private Element line(int mmHg, String label) {
        Element line = new Element("div");
        line.getStyle().set("position", "absolute").set("left", "0").set("right", "0").set("bottom", y(mmHg) + "%")
                .set("border-top", "2px dashed var(--lumo-contrast-60pct)").set("font-size", "var(--lumo-font-size-s)")
                .set("padding-left", "4px");
        line.setText(label);
        return line;
    }

    private static double y(double mmHg) {
        double clamped = Math.max(SCALE_MIN, Math.min(SCALE_MAX, mmHg));
        return (clamped - SCALE_MIN) * 100.0 / (SCALE_MAX - SCALE_MIN);
    }
}
