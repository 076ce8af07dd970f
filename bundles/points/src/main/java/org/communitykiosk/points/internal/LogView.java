package org.communitykiosk.points.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.store.StoreException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

/**
 * Log service hours. Two ways to finish: "staff will confirm" (pending in the queue), or "the person I served is
 * here": the screen then asks for their card, logs the entry naming them and confirms it in their name. Checks are the
 * store's ({@link PointsRules}); a refusal is shown next to its field and writes nothing. One idempotency key per
 * form, so a double tap on a button logs once.
 */
final class LogView extends VerticalLayout {

    private final ViewContext context;
    private final ServiceHours hours;
    private final Identification identification;
    private final Resident volunteer;
    private final Select<String> category = new Select<>();
    private final DatePicker date = new DatePicker();
    private final TimePicker start = new TimePicker();
    private final IntegerField minutes = new IntegerField();
    private final TextField place = new TextField();
    private final Paragraph error = Screens.error("points-log-error");
    private final Map<String, HasValidation> fields;
    private final VerticalLayout form = new VerticalLayout();
    private final String key = "points:log:" + UUID.randomUUID();
    private Button submit;
    /** Set once the entry is logged: a later tap or tap on a button does nothing more. */
    private boolean finished;

    LogView(ViewContext context, ServiceHours hours, Identification identification, LocalDate today) {
        this.context = context;
        this.hours = hours;
        this.identification = identification;
        this.volunteer = context.session().resident().orElse(null);
        this.fields = Map.of(PointsRules.CATEGORY, category, PointsRules.DATE, date, PointsRules.START, start,
                PointsRules.DURATION, minutes, PointsRules.PLACE, place);
        setId("points-log");
        setMaxWidth(Screens.CONTENT_WIDTH);
        add(Screens.backButton("points-log-back", context.text("points.back"),
                () -> context.navigate(PointsPlugin.HOME)),
                Screens.heading(context.text("points.log.heading")));
        if (volunteer == null) {
            add(Screens.paragraph("points-no-resident", context.text("points.home.noResident")));
            return;
        }
        PointsRules rules = hours.rules();

        category.setId("points-log-category");
        category.setLabel(context.text("points.log.category"));
        category.setItems(rules.pointsPerHour().keySet());
        category.setItemLabelGenerator(id -> context.text("points.log.categoryItem", Screens.category(context, id),
                rules.pointsPerHour().get(id)));
        category.setWidthFull();

        date.setId("points-log-date");
        date.setLabel(context.text("points.log.date"));
        date.setLocale(context.locale());
        date.setValue(today);
        date.setMax(today);
        date.setMin(today.minusDays(PointsRules.MAX_DAYS_BACK));

        start.setId("points-log-start");
        start.setLabel(context.text("points.log.start"));
        start.setLocale(context.locale());
        start.setStep(java.time.Duration.ofMinutes(15));
        start.setValue(LocalTime.of(9, 0));

        minutes.setId("points-log-minutes");
        minutes.setLabel(context.text("points.log.minutes"));
        minutes.setHelperText(context.text("points.log.minutes.help"));
        minutes.setMin(1);
        minutes.setMax(PointsRules.MAX_MINUTES);
        minutes.setStep(15);
        minutes.setStepButtonsVisible(true);
        minutes.setValue(60);

        place.setId("points-log-place");
        place.setLabel(context.text("points.log.place"));
        place.setMaxLength(PointsRules.PLACE_MAX);
        place.setWidthFull();

        submit = Screens.primaryButton("points-log-submit", context.text("points.log.submit"),
                () -> submitForStaff());
        submit.setDisableOnClick(true);
        Button byCard = Screens.bigButton("points-log-by-card", context.text("points.log.byCard"), this::askForCard);
        FlexLayout buttons = new FlexLayout(submit, byCard);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "16px");
        form.setPadding(false);
        form.add(category, date, start, minutes, place, error, buttons);
        add(form);
    }

    private HoursDraft draft(Long served) {
        return new HoursDraft(volunteer.id(), category.getValue(), date.getValue(), start.getValue(),
                minutes.getValue() == null ? 0 : minutes.getValue(), place.getValue(), served, key);
    }

    private void submitForStaff() {
        clearProblems();
        try {
            hours.log(draft(null), context.session().actor());
            done(context.text("points.log.pending"), "points-log-done");
        } catch (InvalidInputException refused) {
            showProblems(refused);
        } catch (StoreException failed) {
            Screens.showError(error, context.text("points.storeFailed"));
        }
        submit.setEnabled(true);
    }

    /** Checks the form first, so that nobody taps a card for an entry that will be refused. */
    private void askForCard() {
        clearProblems();
        try {
            hours.rules().check(draft(null), date.getMax());
        } catch (InvalidInputException refused) {
            showProblems(refused);
            return;
        }
        form.setVisible(false);
        Paragraph tap = Screens.paragraph("points-log-tap", context.text("points.log.tap"));
        Screens.textSize(tap, Screens.TITLE_SIZE);
        Paragraph tapError = Screens.error("points-log-tap-error");
        Button cancel = Screens.bigButton("points-log-tap-cancel", context.text("points.log.tapCancel"), () -> {
            remove(tap, tapError);
            removeCancel();
            form.setVisible(true);
        });
        add(tap, tapError, cancel);
        context.onCardTapped(token -> cardTapped(token, tapError));
    }

    private void removeCancel() {
        getChildren().filter(c -> c.getId().filter("points-log-tap-cancel"::equals).isPresent()).findFirst()
                .ifPresent(this::remove);
    }

    void cardTapped(String token, Paragraph tapError) {
        if (finished) {
            return;
        }
        Optional<Resident> served = identification.byToken(token);
        if (served.isEmpty()) {
            Screens.showError(tapError, context.text("points.log.tapUnknown"));
            return;
        }
        Runnable confirm = () -> {
            if (finished) {
                return;
            }
            try {
                HoursEntry entry = hours.log(draft(served.get().id()), context.session().actor());
                HoursEntry confirmed = hours.confirmByServed(entry.id(), served.get().id());
                done(context.text("points.log.confirmed", confirmed.points()), "points-log-confirmed");
            } catch (InvalidInputException refused) {
                Screens.showError(tapError, context, refused);
            } catch (StoreException failed) {
                Screens.showError(tapError, context.text("points.storeFailed"));
            }
        };
        if (served.get().id() == volunteer.id()) {
            // refused as one's own service whatever the PIN: said at once, without asking for one
            confirm.run();
            return;
        }
        // confirming in the name of the person served: their PIN, where they have one, not their card alone
        context.confirmWithPin(served.get(), PinAction.POINTS_CONFIRM_SERVED, confirm);
    }

    private void done(String message, String id) {
        finished = true;
        removeAll();
        add(Screens.backButton("points-log-back", context.text("points.back"),
                () -> context.navigate(PointsPlugin.HOME)));
        Paragraph done = Screens.paragraph(id, message);
        Screens.textSize(done, Screens.TITLE_SIZE);
        add(done);
        context.notify(message);
    }

    private void showProblems(InvalidInputException refused) {
        for (Problem problem : refused.problems()) {
            HasValidation field = problem.field() == null ? null : fields.get(problem.field());
            if (field == null) {
                Screens.showError(error, context, refused);
                return;
            }
            field.setErrorMessage(context.text(problem.key(), problem.args().toArray()));
            field.setInvalid(true);
        }
    }

    private void clearProblems() {
        fields.values().forEach(field -> field.setInvalid(false));
        error.setVisible(false);
    }
}
