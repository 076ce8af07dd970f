package org.communitykiosk.bloodpressure.internal;

import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Staff: readings to follow up (crisis readings, three hypertensive readings in a row), open ones first, each with a
 * follow-up note and "acknowledge". The acknowledged ones of the last 30 days follow, with who and the note.
 */
final class AlertsView extends VerticalLayout {

    private final ViewContext context;
    private final ReadingStore store;
    private final ResidentDirectory residents;
    private final LocalDate today;
    private final Div list = new Div();

    AlertsView(ViewContext context, ReadingStore store, ResidentDirectory residents, LocalDate today) {
        this.context = context;
        this.store = store;
        this.residents = residents;
        this.today = today;
        setId("bp-alerts");
        setMaxWidth(Screens.CONTENT_WIDTH);
        list.setWidthFull();
        add(Screens.backButton("bp-alerts-back", context.text("bloodpressure.back"),
                () -> context.navigate(BloodPressurePlugin.MEASURE)),
                Screens.heading(context.text("bloodpressure.alerts.heading")), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<Alert> alerts = store.alerts(today);
        if (alerts.isEmpty()) {
            list.add(Screens.text("bp-alerts-empty", context.text("bloodpressure.alerts.empty")));
        }
        alerts.forEach(alert -> list.add(row(alert)));
    }

    private Div row(Alert alert) {
        Div row = new Div();
        row.setId("bp-alert-" + alert.id());
        row.getStyle().set("border", "2px solid var(--lumo-contrast-30pct)").set("border-radius", "12px")
                .set("padding", "12px 16px").set("margin", "8px 0");
        String name = residents.byId(alert.residentId()).map(Resident::name)
                .orElse(context.text("bloodpressure.unknownResident", alert.residentId()));
        row.add(Screens.text(null, context.text("bloodpressure.alerts.line", context.text(alert.kind().key()), name,
                Screens.dateTime(context, alert.reading().takenAt()), Screens.values(context, alert.reading()))));
        if (alert.open()) {
            TextField note = new TextField(context.text("bloodpressure.alerts.note"));
            note.setId("bp-alert-note-" + alert.id());
            note.setMaxLength(JdbcReadingStore.NOTE_MAX);
            note.setWidthFull();
            row.add(note, Screens.primaryButton("bp-alert-ack-" + alert.id(),
                    context.text("bloodpressure.alerts.acknowledge"), () -> acknowledge(alert, note.getValue())));
        } else {
            row.add(Screens.text(null, context.text("bloodpressure.alerts.acknowledged",
                    Screens.dateTime(context, alert.acknowledgedAt()), alert.acknowledgedBy(),
                    alert.note() == null ? "—" : alert.note())));
        }
        return row;
    }

    void acknowledge(Alert alert, String note) {
        try {
            store.acknowledge(alert.id(), note, context.session().actor());
            context.notify(context.text("bloodpressure.alerts.done"));
        } catch (InvalidInputException refused) {
            context.notify(context.describe(refused));
        }
        refresh();
    }
}
