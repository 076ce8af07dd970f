package org.communitykiosk.plugins.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The kiosk's settings as one form: names, language, idle timeouts, which plugins this kiosk shows and in what order
 * (up and down buttons, no dragging), demo data, which actions ask for a resident's PIN. Saved as a whole; a refused
 * value is marked at its field.
 */
final class SettingsView extends VerticalLayout {

    private final ViewContext context;
    private final KioskSettingsEditor editor;
    private final TextField kioskName = new TextField();
    private final TextField communityName = new TextField();
    private final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    private final IntegerField residentIdle = new IntegerField();
    private final IntegerField staffIdle = new IntegerField();
    private final Checkbox demoData = new Checkbox();
    private final VerticalLayout tiles = new VerticalLayout();
    private final PinActionsField pinActions;
    private final Paragraph error = Screens.notice("settings-error");
    /** Plugin ids in tile order, and the ones not shown. */
    private final List<String> order = new ArrayList<>();
    private final Set<String> hidden = new LinkedHashSet<>();

    SettingsView(ViewContext context, KioskSettingsEditor editor, List<String> installedPluginIds) {
        this.context = context;
        this.editor = editor;
        setId("settings-form");
        setMaxWidth(Screens.CONTENT_WIDTH);

        KioskSettingsDraft current = editor.current();
        field(kioskName, "settings-kiosk-name", "settings.kioskName", current.kioskName());
        field(communityName, "settings-community", "settings.communityName", current.communityName());
        language.setId("settings-language");
        language.setLabel(context.text("settings.language"));
        language.setItems(SettingsRules.LANGUAGES);
        language.setItemLabelGenerator(code -> context.text("settings.language." + ("en".equals(code) ? "en" : "zh")));
        language.setValue(SettingsRules.LANGUAGES.contains(current.defaultLanguage()) ? current.defaultLanguage()
                : SettingsRules.LANGUAGES.get(0));
        idle(residentIdle, "settings-idle", "settings.residentIdle", current.residentIdleSeconds());
        idle(staffIdle, "settings-staff-idle", "settings.staffIdle", current.staffIdleSeconds());
        demoData.setId("settings-demo");
        demoData.setLabel(context.text("settings.demoData"));
        demoData.setValue(current.demoData());

        order.addAll(current.tileOrder());
        installedPluginIds.stream().filter(id -> !order.contains(id)).forEach(order::add);
        hidden.addAll(current.hiddenPlugins());
        tiles.setId("settings-tiles");
        tiles.setPadding(false);
        showTiles();
        pinActions = new PinActionsField(context, current.pinRequiredFor());

        Button save = Screens.bigButton("settings-save", context.text("settings.save"), this::save);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Paragraph tilesHint = Screens.text(context.text("settings.tiles"));
        add(Screens.backButton("settings-home", context.text("settings.home"), context::home),
                Screens.heading(context.text("settings.heading")), error, kioskName, communityName, language,
                residentIdle, staffIdle, tilesHint, tiles, pinActions, demoData, save);
    }

    private void field(TextField field, String id, String labelKey, String value) {
        field.setId(id);
        field.setLabel(context.text(labelKey));
        field.setMaxLength(SettingsRules.MAX_NAME_LENGTH);
        field.setValue(value);
        field.setWidthFull();
    }

    private void idle(IntegerField field, String id, String labelKey, Integer value) {
        field.setId(id);
        field.setLabel(context.text(labelKey, Integer.toString(SettingsRules.MIN_IDLE_SECONDS),
                Integer.toString(SettingsRules.MAX_IDLE_SECONDS)));
        field.setMin(SettingsRules.MIN_IDLE_SECONDS);
        field.setMax(SettingsRules.MAX_IDLE_SECONDS);
        field.setStepButtonsVisible(true);
        field.setValue(value);
    }

    private void showTiles() {
        tiles.removeAll();
        if (order.isEmpty()) {
            Paragraph none = Screens.text(context.text("settings.tiles.none"));
            tiles.add(none);
        }
        for (int i = 0; i < order.size(); i++) {
            String id = order.get(i);
            int position = i;
            Span name = new Span(id);
            Screens.textSize(name, Screens.TITLE_SIZE);
            name.getStyle().set("min-width", "200px");
            Checkbox shown = new Checkbox(context.text("settings.tiles.shown"), !hidden.contains(id));
            shown.setId("settings-show-" + id);
            shown.addValueChangeListener(change -> {
                if (Boolean.TRUE.equals(change.getValue())) {
                    hidden.remove(id);
                } else {
                    hidden.add(id);
                }
            });
            Button up = Screens.bigButton("settings-tile-up-" + id, context.text("settings.tiles.up"),
                    () -> move(position, -1));
            up.setIcon(VaadinIcon.ARROW_UP.create());
            up.setEnabled(i > 0);
            Button down = Screens.bigButton("settings-tile-down-" + id, context.text("settings.tiles.down"),
                    () -> move(position, 1));
            down.setIcon(VaadinIcon.ARROW_DOWN.create());
            down.setEnabled(i < order.size() - 1);
            HorizontalLayout row = new HorizontalLayout(name, shown, up, down);
            row.setId("settings-tile-" + id);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            tiles.add(row);
        }
    }

    private void move(int position, int by) {
        int target = position + by;
        if (target >= 0 && target < order.size()) {
            order.add(target, order.remove(position));
            showTiles();
        }
    }

    private void save() {
        clearProblems();
        KioskSettingsDraft draft = new KioskSettingsDraft(kioskName.getValue(), communityName.getValue(),
                language.getValue(), residentIdle.getValue(), staffIdle.getValue(), order,
                order.stream().filter(hidden::contains).toList(), demoData.getValue(), pinActions.value());
        try {
            List<String> changed = editor.save(draft, context.session().actor());
            context.notify(context.text(changed.isEmpty() ? "settings.unchanged" : "settings.saved"));
        } catch (InvalidInputException refused) {
            for (Problem problem : refused.problems()) {
                mark(problem);
            }
            error.setText(context.describe(refused));
            error.setVisible(true);
        }
    }

    private void mark(Problem problem) {
        String message = context.text(problem.key(), problem.args().toArray());
        if ("kioskName".equals(problem.field())) {
            kioskName.setInvalid(true);
            kioskName.setErrorMessage(message);
        } else if ("communityName".equals(problem.field())) {
            communityName.setInvalid(true);
            communityName.setErrorMessage(message);
        } else if ("residentIdleSeconds".equals(problem.field())) {
            residentIdle.setInvalid(true);
            residentIdle.setErrorMessage(message);
        } else if ("staffIdleSeconds".equals(problem.field())) {
            staffIdle.setInvalid(true);
            staffIdle.setErrorMessage(message);
        } else if ("pinRequiredFor".equals(problem.field())) {
            pinActions.showRefusal(message);
        }
    }

    private void clearProblems() {
        error.setVisible(false);
        kioskName.setInvalid(false);
        communityName.setInvalid(false);
        residentIdle.setInvalid(false);
        staffIdle.setInvalid(false);
        pinActions.clearRefusal();
    }
}
