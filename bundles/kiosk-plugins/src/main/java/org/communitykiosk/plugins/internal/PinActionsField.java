package org.communitykiosk.plugins.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.communitykiosk.api.plugin.PinAction;
import org.communitykiosk.api.plugin.ViewContext;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The setting {@code pinRequiredFor} on the settings screen: one large checkbox per step-up action, with what asking
 * for the PIN protects there, and a plain warning while none is ticked (a card alone then spends points). Ids in the
 * file that the kiosk does not know get a ticked checkbox of their own under a warning: saving keeps them as they are
 * unless the administrator unticks them, so that a value the screen cannot explain is never dropped unseen.
 */
final class PinActionsField extends VerticalLayout {

    /** Every action shown, by id: the platform's in {@link PinAction#ALL}'s order, then the file's others. */
    private final Map<String, Checkbox> actions = new LinkedHashMap<>();
    private final Paragraph none = Screens.notice("settings-pin-none");
    private final Paragraph refused = Screens.notice("settings-pin-error");

    PinActionsField(ViewContext context, List<String> current) {
        setId("settings-pin");
        setPadding(false);
        add(Screens.text(context.text("settings.pin")));
        for (String action : PinAction.ALL) {
            Checkbox box = checkbox(elementId(action), action, context.text("settings.pin." + action),
                    current.contains(action));
            Paragraph protects = Screens.text(context.text("settings.pin." + action + ".protects"));
            protects.setId(elementId(action) + "-protects");
            // under the checkbox's label, not under its box
            protects.getStyle().set("margin", "0 0 0 48px");
            add(new Div(box, protects));
        }
        none.setText(context.text("settings.pin.none"));
        add(none);

        List<String> unknown = current.stream().filter(action -> !PinAction.ALL.contains(action)).toList();
        if (!unknown.isEmpty()) {
            Paragraph warning = Screens.notice("settings-pin-unknown");
            warning.setText(context.text("settings.pin.unknown"));
            warning.setVisible(true);
            add(warning);
            for (int i = 0; i < unknown.size(); i++) {
                // by position: an id the kiosk does not know may hold anything
                add(checkbox("settings-pin-other-" + i, unknown.get(i),
                        context.text("settings.pin.other", unknown.get(i)), true));
            }
        }
        add(refused);
        showWhetherNoneAsks();
    }

    /** The element id of an action's checkbox: dots would read as classes in a CSS selector. */
    static String elementId(String action) {
        return "settings-pin-" + action.replace('.', '-');
    }

    private Checkbox checkbox(String id, String action, String label, boolean ticked) {
        Checkbox box = new Checkbox(label, ticked);
        box.setId(id);
        box.addValueChangeListener(change -> showWhetherNoneAsks());
        actions.put(action, box);
        return box;
    }

    private void showWhetherNoneAsks() {
        none.setVisible(PinAction.ALL.stream().noneMatch(action -> actions.get(action).getValue()));
    }

    /** The ticked actions, as the setting lists them. */
    List<String> value() {
        List<String> ticked = new ArrayList<>();
        actions.forEach((action, box) -> {
            if (box.getValue()) {
                ticked.add(action);
            }
        });
        return ticked;
    }

    /** Shows why the list was refused, next to it; one line for each refused id. */
    void showRefusal(String message) {
        refused.setText(refused.isVisible() ? refused.getText() + "\n" + message : message);
        refused.setVisible(true);
    }

    void clearRefusal() {
        refused.setText("");
        refused.setVisible(false);
    }
}
