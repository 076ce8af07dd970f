package org.communitykiosk.bloodpressure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.Problem;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Manual entry by a volunteer: three value boxes (systolic, diastolic, pulse; tap one to type into it) and a large
 * numeric keypad. No on-screen keyboard, no text field: digits only, at most three per value. The limits are checked
 * by {@link ReadingRules} when the reading is saved.
 */
final class ManualEntry extends VerticalLayout {

    private final ViewContext context;
    private final Consumer<ReadingDraft> onSave;
    private final String[] values = { "", "", "" };
    private final Button[] boxes = new Button[3];
    private final Paragraph error;
    private int selected;

    private static final String[] FIELDS = { "systolic", "diastolic", "pulse" };

    ManualEntry(ViewContext context, Consumer<ReadingDraft> onSave) {
        this.context = context;
        this.onSave = onSave;
        setId("bp-manual");
        setPadding(false);
        add(Screens.text(null, context.text("bloodpressure.manual.hint")));
        Div row = new Div();
        row.getStyle().set("display", "flex").set("gap", "16px").set("flex-wrap", "wrap");
        for (int i = 0; i < 3; i++) {
            int field = i;
            Button box = new Button("", click -> select(field));
            box.setId("bp-manual-" + FIELDS[i]);
            box.getStyle().set("min-width", "220px").set("min-height", "96px").set("font-size", Screens.TITLE_SIZE);
            boxes[i] = box;
            row.add(box);
        }
        add(row);

        Div keypad = new Div();
        keypad.setId("bp-keypad");
        keypad.getStyle().set("display", "grid").set("grid-template-columns", "repeat(3, 120px)").set("gap", "12px");
        for (String key : new String[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back" }) {
            String label = key.length() == 1 ? key : context.text("bloodpressure.manual.key." + key);
            Button button = new Button(label, click -> press(key));
            button.setId("bp-key-" + key);
            button.getStyle().set("min-height", "88px").set("font-size", Screens.HEADING_SIZE);
            keypad.add(button);
        }
        add(keypad);

        error = Screens.text("bp-manual-error", "");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        error.setVisible(false);
        add(error, Screens.primaryButton("bp-manual-save", context.text("bloodpressure.manual.save"), this::save));
        refresh();
    }

    private void select(int field) {
        selected = field;
        refresh();
    }

    /** A key press; package-visible for tests. */
    void press(String key) {
        String value = values[selected];
        switch (key) {
            case "clear" -> values[selected] = "";
            case "back" -> values[selected] = value.isEmpty() ? "" : value.substring(0, value.length() - 1);
            default -> {
                if (value.length() < 3) {
                    values[selected] = value + key;
                }
                if (values[selected].length() == 3 && selected < 2) {
                    selected++; // three digits: on to the next value
                }
            }
        }
        refresh();
    }

    private void refresh() {
        String[] labels = { context.text("bloodpressure.manual.systolic"), context.text("bloodpressure.manual.diastolic"),
                context.text("bloodpressure.manual.pulse") };
        for (int i = 0; i < 3; i++) {
            String shown = values[i].isEmpty() ? "—" : values[i];
            // the selected box says so in words, not only by its frame
            boxes[i].setText(labels[i] + ": " + shown + (i == selected ? " ◀ " + context.text("bloodpressure.manual.typing") : ""));
            boxes[i].getStyle().set("border", i == selected ? "4px solid var(--lumo-primary-color)" : "2px solid var(--lumo-contrast-30pct)");
        }
    }

    void save() {
        List<Problem> problems = new ArrayList<>();
        if (values[0].isEmpty()) {
            problems.add(Problem.of(ReadingRules.SYSTOLIC, "bloodpressure.problem.systolic.required"));
        }
        if (values[1].isEmpty()) {
            problems.add(Problem.of(ReadingRules.DIASTOLIC, "bloodpressure.problem.diastolic.required"));
        }
        if (!problems.isEmpty()) {
            showError(context.describe(new InvalidInputException(problems)));
            return;
        }
        Integer pulse = values[2].isEmpty() ? null : Integer.valueOf(values[2]);
        ReadingDraft draft = new ReadingDraft(Integer.parseInt(values[0]), Integer.parseInt(values[1]), pulse,
                Reading.Source.MANUAL);
        try {
            onSave.accept(ReadingRules.check(draft));
        } catch (InvalidInputException refused) {
            showError(context.describe(refused));
        }
    }

    void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
