package org.communitykiosk.points.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.StoreException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

/**
 * Staff log a team activity (a clean-up with many volunteers) once: the activity, then the volunteers, added by
 * tapping their cards one after another or by searching the register, then "log and confirm for all". The result
 * says per volunteer whether it was logged or why not.
 */
final class TeamView extends VerticalLayout {

    private final ViewContext context;
    private final ServiceHours hours;
    private final ResidentDirectory residents;
    private final Select<String> category = new Select<>();
    private final Select<String> organisation = new Select<>();
    private final DatePicker date = new DatePicker();
    private final TimePicker start = new TimePicker();
    private final IntegerField minutes = new IntegerField();
    private final TextField place = new TextField();
    private final TextField search = new TextField();
    private final VerticalLayout found = new VerticalLayout();
    private final VerticalLayout members = new VerticalLayout();
    private final VerticalLayout results = new VerticalLayout();
    private final Paragraph error = Screens.error("points-team-error");
    private final Map<Long, Resident> team = new LinkedHashMap<>();
    private final String key = "points:team:" + UUID.randomUUID();

    TeamView(ViewContext context, ServiceHours hours, ResidentDirectory residents, Identification identification,
            LocalDate today) {
        this.context = context;
        this.hours = hours;
        this.residents = residents;
        setId("points-team");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("points-team-back", context.text("points.back"),
                () -> context.navigate(PointsPlugin.QUEUE)), Screens.heading(context.text("points.team.heading")));
        PointsRules rules = hours.rules();
        category.setId("points-team-category");
        category.setLabel(context.text("points.log.category"));
        category.setItems(rules.pointsPerHour().keySet());
        category.setItemLabelGenerator(id -> Screens.category(context, id));
        // the organisation that ran the activity, for the reports; "" = none
        organisation.setId("points-team-organisation");
        organisation.setLabel(context.text("points.organisation.label"));
        List<String> organisations = new ArrayList<>();
        organisations.add("");
        organisations.addAll(rules.organisations());
        organisation.setItems(organisations);
        organisation.setValue("");
        organisation.setItemLabelGenerator(id -> Screens.organisation(context, id.isEmpty() ? null : id));
        date.setId("points-team-date");
        date.setLabel(context.text("points.log.date"));
        date.setLocale(context.locale());
        date.setValue(today);
        date.setMax(today);
        start.setId("points-team-start");
        start.setLabel(context.text("points.log.start"));
        start.setLocale(context.locale());
        start.setValue(LocalTime.of(9, 0));
        minutes.setId("points-team-minutes");
        minutes.setLabel(context.text("points.log.minutes"));
        minutes.setMin(1);
        minutes.setMax(PointsRules.MAX_MINUTES);
        minutes.setValue(120);
        place.setId("points-team-place");
        place.setLabel(context.text("points.log.place"));
        place.setMaxLength(PointsRules.PLACE_MAX);

        search.setId("points-team-search");
        search.setLabel(context.text("points.team.search"));
        search.setHelperText(context.text("points.team.search.help"));
        search.setWidthFull();
        search.addValueChangeListener(change -> showFound(change.getValue()));
        found.setPadding(false);
        members.setPadding(false);
        members.setId("points-team-members");
        results.setPadding(false);
        Button submit = Screens.primaryButton("points-team-submit", context.text("points.team.submit"), this::submit);
        submit.setDisableOnClick(true);
        submit.addClickListener(click -> submit.setEnabled(true));
        add(category, organisation, date, start, minutes, place, search, found,
                Screens.paragraph(null, context.text("points.team.members")), members, error, submit, results);
        showMembers();
        context.onCardTapped(token -> identification.byToken(token).ifPresentOrElse(this::addMember,
                () -> Screens.showError(error, context.text("points.log.tapUnknown"))));
    }

    private void showFound(String text) {
        found.removeAll();
        if (text == null || text.isBlank()) {
            return;
        }
        for (Resident r : residents.search(text.strip(), 0, 5)) {
            found.add(Screens.bigButton("points-team-add-" + r.id(), context.text("points.team.add", r.name(),
                    r.unit() == null ? "" : r.unit()), () -> addMember(r)));
        }
    }

    void addMember(Resident resident) {
        error.setVisible(false);
        team.putIfAbsent(resident.id(), resident);
        showMembers();
    }

    private void showMembers() {
        members.removeAll();
        if (team.isEmpty()) {
            members.add(Screens.paragraph("points-team-none", context.text("points.team.none")));
        }
        for (Resident r : team.values()) {
            Button remove = Screens.bigButton("points-team-remove-" + r.id(), context.text("points.team.remove"),
                    () -> {
                        team.remove(r.id());
                        showMembers();
                    });
            Div row = new Div(Screens.paragraph(null, r.name()), remove);
            row.setId("points-team-member-" + r.id());
            Screens.card(row);
            row.getStyle().set("flex-direction", "row").set("align-items", "center").set("gap", "16px");
            members.add(row);
        }
    }

    private void submit() {
        error.setVisible(false);
        results.removeAll();
        if (team.isEmpty()) {
            Screens.showError(error, context.text("points.team.none"));
            return;
        }
        HoursDraft template = new HoursDraft(0, category.getValue(), date.getValue(), start.getValue(),
                minutes.getValue() == null ? 0 : minutes.getValue(), place.getValue(), null, key,
                organisation.getValue() == null || organisation.getValue().isEmpty() ? null : organisation.getValue());
        try {
            // the activity itself is checked once, before anybody is logged
            hours.rules().check(template, date.getMax());
        } catch (InvalidInputException refused) {
            Screens.showError(error, context, refused);
            return;
        }
        List<Long> ids = new ArrayList<>(team.keySet());
        try {
            int logged = 0;
            for (ServiceHours.TeamResult result : hours.logTeam(template, ids, key, context.session().actor())) {
                String name = team.get(result.volunteerId()).name();
                Paragraph line = Screens.paragraph("points-team-result-" + result.volunteerId(), result.logged()
                        ? context.text("points.team.logged", name, result.entry().points())
                        : context.text("points.team.refused", name, context.describe(result.refused())));
                logged += result.logged() ? 1 : 0;
                results.add(line);
            }
            context.notify(context.text("points.team.done", logged, ids.size()));
        } catch (StoreException failed) {
            Screens.showError(error, context.text("points.storeFailed"));
        }
    }
}
