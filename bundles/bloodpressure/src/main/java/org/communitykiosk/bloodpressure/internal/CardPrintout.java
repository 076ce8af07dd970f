package org.communitykiosk.bloodpressure.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.print.Printer;
import org.communitykiosk.print.Printout;

/**
 * Readings on paper: the resident's large-type card (last 3 months, averages, trend chart with the guideline's
 * thresholds) and the doctor's export of a chosen range. A class of its own so the optional print API is loaded only
 * when someone prints; callers hand the printer over typed {@code Object} (Vaadin reflects on screen classes).
 */
final class CardPrintout {

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MM-dd");

    private CardPrintout() {
    }

    static byte[] pdf(Object printer, Printout printout) {
        return ((Printer) printer).pdf(printout);
    }

    /** The card: {@code readings} oldest first, those of the last {@link HistoryView#CHART_DAYS} days. */
    static Printout card(ViewContext context, String name, List<Reading> readings, Guideline guideline,
            LocalDate today) {
        List<Printout.Block> blocks = new ArrayList<>();
        if (readings.isEmpty()) {
            blocks.add(new Printout.Text(context.text("bloodpressure.history.empty")));
        } else {
            blocks.add(new Printout.Heading(context.text("bloodpressure.print.averages")));
            blocks.add(new Printout.Text(average(context, readings, r -> true,
                    context.text("bloodpressure.history.averageAll", HistoryView.CHART_DAYS))));
            blocks.add(new Printout.Text(average(context, readings,
                    r -> r.sessionTag() == Reading.SessionTag.MORNING, context.text("bloodpressure.tag.MORNING"))));
            blocks.add(new Printout.Text(average(context, readings,
                    r -> r.sessionTag() == Reading.SessionTag.EVENING, context.text("bloodpressure.tag.EVENING"))));
            blocks.add(chart(context, readings, guideline));
            blocks.add(new Printout.Heading(context.text("bloodpressure.print.readings")));
            blocks.add(table(context, readings));
        }
        return new Printout(context.text("bloodpressure.print.cardTitle", name),
                context.text("bloodpressure.print.subtitle", Screens.date(context, today),
                        context.text("bloodpressure.guideline." + guideline.name())),
                true, blocks);
    }

    /** The doctor's export: every reading from {@code from} to {@code to}, normal type, with the chart. */
    static Printout export(ViewContext context, String name, List<Reading> readings, Guideline guideline,
            LocalDate from, LocalDate to) {
        List<Printout.Block> blocks = new ArrayList<>();
        if (readings.isEmpty()) {
            blocks.add(new Printout.Text(context.text("bloodpressure.export.empty")));
        } else {
            blocks.add(new Printout.Text(average(context, readings, r -> true,
                    context.text("bloodpressure.print.range", Screens.date(context, from), Screens.date(context, to)))));
            blocks.add(chart(context, readings, guideline));
            blocks.add(table(context, readings));
        }
        return new Printout(context.text("bloodpressure.print.exportTitle", name),
                context.text("bloodpressure.print.range", Screens.date(context, from), Screens.date(context, to))
                        + " · " + context.text("bloodpressure.guideline." + guideline.name()),
                false, blocks);
    }

    /** Where the guideline starts calling it high: 140/90 (China 2018, ESH 2023), 130/80 (ACC/AHA 2017). */
    static int[] thresholds(Guideline guideline) {
        return guideline == Guideline.ACC_AHA_2017 ? new int[] { 130, 80 } : new int[] { 140, 90 };
    }

    private static Printout.Chart chart(ViewContext context, List<Reading> readings, Guideline guideline) {
        List<String> labels = new ArrayList<>();
        List<Double> systolic = new ArrayList<>();
        List<Double> diastolic = new ArrayList<>();
        List<Double> pulse = new ArrayList<>();
        for (Reading r : readings) {
            labels.add(SHORT_DATE.format(r.takenAt().atZone(context.zone())));
            systolic.add((double) r.systolic());
            diastolic.add((double) r.diastolic());
            pulse.add(r.pulse() == null ? null : r.pulse().doubleValue());
        }
        int[] limits = thresholds(guideline);
        return new Printout.Chart(context.text("bloodpressure.print.chart"), labels,
                List.of(new Printout.Series(context.text("bloodpressure.export.systolic"), systolic),
                        new Printout.Series(context.text("bloodpressure.export.diastolic"), diastolic),
                        new Printout.Series(context.text("bloodpressure.export.pulse"), pulse)),
                List.of(new Printout.Guide(context.text("bloodpressure.print.guide", limits[0]), limits[0]),
                        new Printout.Guide(context.text("bloodpressure.print.guide", limits[1]), limits[1])));
    }

    private static Printout.Table table(ViewContext context, List<Reading> readings) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = readings.size() - 1; i >= 0; i--) {
            Reading r = readings.get(i);
            rows.add(List.of(Screens.dateTime(context, r.takenAt()), context.text(r.sessionTag().key()),
                    r.systolic() + "/" + r.diastolic(), r.pulse() == null ? "" : r.pulse().toString(),
                    r.category() == null ? "" : context.text(r.category().key())));
        }
        return new Printout.Table(List.of(context.text("bloodpressure.export.time"),
                context.text("bloodpressure.export.session"), context.text("bloodpressure.print.pressure"),
                context.text("bloodpressure.export.pulse"), context.text("bloodpressure.export.category")), rows);
    }

    private static String average(ViewContext context, List<Reading> readings, Predicate<Reading> filter,
            String label) {
        List<Reading> chosen = readings.stream().filter(filter).toList();
        if (chosen.isEmpty()) {
            return context.text("bloodpressure.history.averageNone", label);
        }
        long systolic = Math.round(chosen.stream().mapToInt(Reading::systolic).average().orElse(0));
        long diastolic = Math.round(chosen.stream().mapToInt(Reading::diastolic).average().orElse(0));
        return context.text("bloodpressure.history.average", label, systolic, diastolic, chosen.size());
    }
}
