package org.communitykiosk.points.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.StoreException;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Staff's queue of pending hours, oldest first: confirm one, reject one with a reason, or tick several and confirm
 * them together. An entry decided meanwhile on another kiosk is simply refreshed away.
 */
final class QueueView extends VerticalLayout {

    static final int QUEUE_PAGE = 50;

    private final ViewContext context;
    private final ServiceHours hours;
    private final ResidentDirectory residents;
    private final VerticalLayout rows = new VerticalLayout();
    private final Paragraph error = Screens.error("points-queue-error");
    private final Map<Long, Checkbox> selected = new LinkedHashMap<>();

    QueueView(ViewContext context, ServiceHours hours, ResidentDirectory residents) {
        this.context = context;
        this.hours = hours;
        this.residents = residents;
        setId("points-queue");
        setMaxWidth(Screens.CONTENT_WIDTH);
        rows.setPadding(false);
        add(Screens.backButton("points-queue-back", context.text("points.back"),
                () -> context.navigate(PointsPlugin.HOME)), Screens.heading(context.text("points.queue.heading")),
                Screens.primaryButton("points-queue-confirm-selected", context.text("points.queue.confirmSelected"),
                        this::confirmSelected),
                Screens.bigButton("points-queue-team-link", context.text("points.queue.team"),
                        () -> context.navigate(PointsPlugin.TEAM)),
                error, rows);
        showRows();
    }

    private void showRows() {
        rows.removeAll();
        selected.clear();
        List<HoursEntry> pending = hours.pending(0, QUEUE_PAGE);
        if (pending.isEmpty()) {
            rows.add(Screens.paragraph("points-queue-empty", context.text("points.queue.empty")));
        }
        pending.forEach(entry -> rows.add(row(entry)));
    }

    private Div row(HoursEntry entry) {
        String volunteer = residents.byId(entry.volunteerId()).map(Resident::name).orElse("#" + entry.volunteerId());
        String served = entry.servedResidentId() == null ? context.text("points.queue.noServed")
                : residents.byId(entry.servedResidentId()).map(Resident::name).orElse("#" + entry.servedResidentId());
        Checkbox select = new Checkbox(context.text("points.queue.select"));
        select.setId("points-entry-select-" + entry.id());
        selected.put(entry.id(), select);
        Paragraph what = Screens.paragraph(null, context.text("points.queue.entry", volunteer,
                Screens.category(context, entry.category()), Screens.date(context, entry.date()),
                entry.start().toString(), entry.durationMinutes(),
                entry.place() == null ? "-" : entry.place(), served,
                hours.rules().points(entry.category(), entry.durationMinutes())));
        what.getStyle().set("margin", "0");
        TextField reason = new TextField(context.text("points.queue.reason"));
        reason.setId("points-entry-reason-" + entry.id());
        reason.setMaxLength(PointsRules.REASON_MAX);
        reason.setWidthFull();
        FlexLayout actions = new FlexLayout(
                Screens.primaryButton("points-entry-confirm-" + entry.id(), context.text("points.queue.confirm"),
                        () -> act(() -> hours.confirm(entry.id(), context.session().actor()))),
                Screens.bigButton("points-entry-reject-" + entry.id(), context.text("points.queue.reject"),
                        () -> act(() -> hours.reject(entry.id(), reason.getValue(), context.session().actor()))));
        actions.getStyle().set("gap", "16px");
        Div row = new Div(select, what, reason, actions);
        row.setId("points-entry-" + entry.id());
        Screens.card(row);
        return row;
    }

    private void act(Runnable decision) {
        error.setVisible(false);
        try {
            decision.run();
            context.notify(context.text("points.queue.done"));
            showRows();
        } catch (InvalidInputException refused) {
            Screens.showError(error, context, refused);
        } catch (StoreException failed) {
            Screens.showError(error, context.text("points.storeFailed"));
        }
    }

    private void confirmSelected() {
        List<Long> ids = new ArrayList<>();
        selected.forEach((id, box) -> {
            if (box.getValue()) {
                ids.add(id);
            }
        });
        if (ids.isEmpty()) {
            Screens.showError(error, context.text("points.queue.noneSelected"));
            return;
        }
        act(() -> context.notify(context.text("points.queue.confirmedMany",
                hours.confirmAll(ids, context.session().actor()))));
    }
}
