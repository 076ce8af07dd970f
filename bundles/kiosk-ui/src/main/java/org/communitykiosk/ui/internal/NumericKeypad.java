package org.communitykiosk.ui.internal;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;

/**
 * A large on-screen number pad for phone numbers and PINs: many residents cannot use the small system keyboard.
 * Reports each key; "⌫" deletes, "C" clears.
 */
final class NumericKeypad extends Div {

    private static final long serialVersionUID = 1L;

    static final String DELETE = "⌫";
    static final String CLEAR = "C";

    NumericKeypad(String idPrefix, Consumer<String> onKey) {
        addClassName("kiosk-keypad");
        for (String key : new String[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", CLEAR, "0", DELETE }) {
            Button button = new Button(key, e -> onKey.accept(key));
            button.setId(idPrefix + "-key-" + (key.equals(DELETE) ? "del" : key.equals(CLEAR) ? "clear" : key));
            button.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_CONTRAST);
            button.getElement().setAttribute("aria-label",
                    key.equals(DELETE) ? "delete" : key.equals(CLEAR) ? "clear" : key);
            add(button);
        }
    }

    /** Applies a key to a value, limited to {@code max} digits. */
    static String apply(String value, String key, int max) {
        if (DELETE.equals(key)) {
            return value.isEmpty() ? value : value.substring(0, value.length() - 1);
        }
        if (CLEAR.equals(key)) {
            return "";
        }
        return value.length() >= max ? value : value + key;
    }
}
