package org.communitykiosk.admin.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentCards;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.api.store.StoreException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Staff's form for a new resident ({@code edit}) or a change to one ({@code edit/<id>}). The directory checks the
 * input; a refusal writes nothing and is shown next to each field it concerns, with every problem listed once more
 * above the save button. A card tapped on the reader fills in its holder's card number. Below the form of a resident
 * already registered: the resident's card, and "issue a new card" ({@link ResidentCardSection}).
 */
final class ResidentForm extends VerticalLayout {

    /**
     * {@link Problem#field()} names used by the resident directory (kiosk-core's {@code ResidentRules} and its
     * uniqueness checks). {@code card} and {@code birth_date} are the CSV column names, accepted as well.
     */
    static final String NAME = "name";
    static final String CARD = "cardNumber";
    static final String PHONE = "phone";
    static final String BUILDING = "building";
    static final String UNIT = "unit";
    static final String HOUSEHOLD = "household";
    static final String BIRTH_DATE = "birthDate";
    static final String PIN = "pin";

    private final ViewContext context;
    private final ResidentDirectory directory;
    private final Identification identification;
    private final TextField name = new TextField();
    private final TextField card = new TextField();
    private final TextField phone = new TextField();
    private final TextField building = new TextField();
    private final TextField unit = new TextField();
    private final TextField household = new TextField();
    private final DatePicker birthDate;
    private final PasswordField pin = new PasswordField();
    private final Paragraph error = Screens.error("resident-form-error");
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private Button save;

    /**
     * @param printer the print bundle's {@code Printer} while there is one, else {@code null} (see
     *        {@link ResidentCardSection})
     */
    ResidentForm(ViewContext context, ResidentDirectory directory, ResidentCards cards, Identification identification,
            Supplier<Object> printer, LocalDate today) {
        this.context = context;
        this.directory = directory;
        this.identification = identification;
        setId("resident-form");
        setMaxWidth(Screens.FORM_WIDTH);
        add(Screens.backButton("resident-back", context.text("admin.resident.back"),
                () -> context.navigate(ResidentsPlugin.LIST)));
        birthDate = Screens.datePicker(context, "resident-form-birthdate", context.text("admin.resident.field.birthDate"));

        boolean creating = context.pathSegments().isEmpty();
        Optional<Resident> editing = creating ? Optional.empty() : residentFromPath();
        if (!creating && editing.isEmpty()) {
            add(Screens.text("resident-missing", context.text("admin.resident.missing")));
            return;
        }
        add(Screens.heading(context.text(creating ? "admin.resident.heading.new" : "admin.resident.heading.edit")));
        editing.ifPresent(resident -> add(new PinLockPanel(context, identification, resident)));

        field(name, "resident-form-name", "admin.resident.field.name", null);
        name.setRequiredIndicatorVisible(true);
        field(card, "resident-form-card", "admin.resident.field.card", "admin.resident.field.card.help");
        card.setRequiredIndicatorVisible(true);
        card.setAllowedCharPattern("[0-9]");
        field(phone, "resident-form-phone", "admin.resident.field.phone", "admin.resident.field.phone.help");
        phone.setAllowedCharPattern("[0-9]");
        field(building, "resident-form-building", "admin.resident.field.building", null);
        field(unit, "resident-form-unit", "admin.resident.field.unit", "admin.resident.field.unit.help");
        field(household, "resident-form-household", "admin.resident.field.household", null);
        birthDate.setHelperText(context.text("admin.resident.field.birthDate.help"));
        birthDate.setMax(today);
        birthDate.setInitialPosition(LocalDate.of(1950, 1, 1));
        pin.setId("resident-form-pin");
        pin.setLabel(context.text("admin.resident.field.pin"));
        pin.setAllowedCharPattern("[0-9]");
        pin.setMaxLength(6);
        pin.setHelperText(creating ? context.text("admin.resident.field.pin.help.new")
                : context.text(editing.get().pinSet() ? "admin.resident.field.pin.help.keep"
                        : "admin.resident.field.pin.help.none"));
        // the PIN is never shown back: a browser must not offer to remember it either
        pin.getElement().setAttribute("autocomplete", "new-password");
        pin.getStyle().set("font-size", Screens.TEXT_SIZE);

        fields.put(NAME, name);
        fields.put(CARD, card);
        fields.put("card", card);
        fields.put(PHONE, phone);
        fields.put(BUILDING, building);
        fields.put(UNIT, unit);
        fields.put(HOUSEHOLD, household);
        fields.put(BIRTH_DATE, birthDate);
        fields.put("birth_date", birthDate);
        fields.put(PIN, pin);

        editing.ifPresent(resident -> {
            name.setValue(orEmpty(resident.name()));
            card.setValue(orEmpty(resident.cardNumber()));
            phone.setValue(orEmpty(resident.phone()));
            building.setValue(orEmpty(resident.building()));
            unit.setValue(orEmpty(resident.unit()));
            household.setValue(orEmpty(resident.household()));
            birthDate.setValue(resident.birthDate());
        });

        FormLayout form = new FormLayout(name, card, phone, building, unit, household, birthDate, pin);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        form.setWidthFull();

        save = Screens.bigButton("resident-save", context.text("admin.resident.save"),
                () -> save(editing.map(Resident::id)));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a second tap while the first is being saved must not register the resident twice
        save.setDisableOnClick(true);
        add(form, error, save);
        editing.ifPresent(resident -> add(new ResidentCardSection(context, cards, printer, resident)));

        // a card carries a token, not the number: the holder's number is filled in, an unknown card is said to be one
        context.onCardTapped(this::cardTapped);
    }

    private void cardTapped(String token) {
        Optional<Resident> holder = identification.byToken(token);
        if (holder.isPresent()) {
            card.setInvalid(false);
            card.setValue(holder.get().cardNumber());
        } else {
            card.setErrorMessage(context.text("admin.resident.card.tapUnknown"));
            card.setInvalid(true);
        }
    }

    private void field(TextField field, String id, String labelKey, String helpKey) {
        field.setId(id);
        field.setLabel(context.text(labelKey));
        if (helpKey != null) {
            field.setHelperText(context.text(helpKey));
        }
        field.getStyle().set("font-size", Screens.TEXT_SIZE);
    }

    private Optional<Resident> residentFromPath() {
        try {
            return directory.byId(Long.parseLong(context.pathSegments().get(0)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void save(Optional<Long> id) {
        clearProblems();
        if (Screens.unreadable(birthDate)) {
            // the picker's value is empty for text it cannot read: saving would silently erase the birth date
            String message = context.text("admin.resident.field.birthDate.unreadable");
            birthDate.setErrorMessage(message);
            birthDate.setInvalid(true);
            showSummary(List.of(message));
            save.setEnabled(true);
            return;
        }
        ResidentDraft draft = new ResidentDraft(name.getValue(), card.getValue(), phone.getValue(),
                building.getValue(), unit.getValue(), household.getValue(), birthDate.getValue(), pin.getValue());
        try {
            Resident saved = id.isPresent()
                    ? directory.update(id.get(), draft, context.session().actor())
                    : directory.create(draft, context.session().actor());
            context.notify(context.text("admin.resident.saved", saved.name()));
            context.navigate(ResidentsPlugin.LIST);
        } catch (InvalidInputException refused) {
            showProblems(refused);
            save.setEnabled(true);
        } catch (StoreException failed) {
            // keep what was typed so that saving can simply be tried again
            showSummary(List.of(context.text("admin.store.failed")));
            save.setEnabled(true);
        }
    }

    private void showProblems(InvalidInputException refused) {
        // one field may have several problems (a card that is malformed and, in a file, a duplicate)
        Map<HasValidation, String> byField = new LinkedHashMap<>();
        for (Problem problem : refused.problems()) {
            HasValidation field = problem.field() == null ? null : fields.get(problem.field());
            if (field != null) {
                byField.merge(field, context.text(problem.key(), problem.args().toArray()), (a, b) -> a + " " + b);
            }
        }
        byField.forEach((field, text) -> {
            field.setErrorMessage(text);
            field.setInvalid(true);
        });
        // problems without a field of their own (a resident changed meanwhile) are in the summary only
        showSummary(List.of(context.describe(refused)));
    }

    private void showSummary(List<String> messages) {
        error.setText(context.text("admin.resident.form.problems") + "\n" + String.join("\n", messages));
        error.setVisible(true);
    }

    private void clearProblems() {
        fields.values().forEach(field -> field.setInvalid(false));
        error.setText("");
        error.setVisible(false);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Visible for tests. */
    Map<String, HasValidation> fields() {
        return fields;
    }

    /** Visible for tests. */
    Paragraph error() {
        return error;
    }
}
