package org.communitykiosk.bloodpressure.internal;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Staff only: one resident's readings over a chosen range for the doctor, as CSV (for a spreadsheet) saved through the
 * shell's export dialog onto a removable medium staff choose (never the public kiosk's disk or its browser's
 * downloads) and, with a printer, as PDF in the shell's printout dialog. The files are made when staff tap "export", so
 * they hold exactly the range shown.
 */
final class ExportPanel extends VerticalLayout {

    static final int MAX_DAYS = 3 * 366;

    private final Div links = new Div();

    // printer typed Object: see HistoryView
    ExportPanel(ViewContext context, ReadingStore store, long residentId, String name, Guideline guideline,
            Object printer, LocalDate today) {
        setId("bp-export");
        setPadding(false);
        add(Screens.heading(context.text("bloodpressure.export.heading")));
        DatePicker from = new DatePicker(context.text("bloodpressure.export.from"), today.minusDays(89));
        from.setId("bp-export-from");
        DatePicker to = new DatePicker(context.text("bloodpressure.export.to"), today);
        to.setId("bp-export-to");
        from.setMax(today);
        to.setMax(today);
        Paragraph error = Screens.text("bp-export-error", "");
        error.setVisible(false);
        error.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
        links.getStyle().set("display", "flex").set("gap", "24px").set("flex-wrap", "wrap");
        Div fields = new Div(from, to);
        fields.getStyle().set("display", "flex").set("gap", "16px").set("flex-wrap", "wrap");
        add(fields, Screens.bigButton("bp-export-make", context.text("bloodpressure.export.make"), () -> {
            links.removeAll();
            error.setVisible(false);
            LocalDate start = from.getValue();
            LocalDate end = to.getValue();
            String problem = start == null || end == null ? "bloodpressure.export.missing"
                    : start.isAfter(end) ? "bloodpressure.export.order"
                    : end.isAfter(today) ? "bloodpressure.export.future"
                    : start.plusDays(MAX_DAYS).isBefore(end) ? "bloodpressure.export.tooLong" : null;
            if (problem != null) {
                error.setText(context.text(problem, MAX_DAYS));
                error.setVisible(true);
                return;
            }
            List<Reading> readings = store.history(residentId, start).stream()
                    .filter(r -> !r.takenOn().isAfter(end)).toList();
            links.add(Screens.text("bp-export-count", context.text("bloodpressure.export.count", readings.size())));
            byte[] csv = ReadingsCsv.csv(context, name, readings);
            links.add(Screens.primaryButton("bp-export-csv", context.text("bloodpressure.export.csv"),
                    () -> context.export("blood-pressure-" + residentId + ".csv", csv)));
            if (printer != null) {
                links.add(Printing.area(context, "bp-export-pdf-make", context.text("bloodpressure.export.pdf"),
                        "bp-export-pdf-error", "blood-pressure.pdf", residentId, () -> CardPrintout.pdf(printer,
                                CardPrintout.export(context, name, readings, guideline, start, end))));
            }
        }), error, links);
    }
}
