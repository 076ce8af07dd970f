package org.communitykiosk.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.communitykiosk.api.resident.Identification.PinCheck;
import org.communitykiosk.api.resident.Resident;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * The step-up PIN: a resident's PIN asked on a large keypad before an action that moves value or shows health data
 * ({@link org.communitykiosk.api.plugin.ViewContext#confirmWithPin}). It never names the resident: whoever holds a
 * card that is not theirs learns nothing from it. A wrong PIN counts towards that resident's lockout. It is a child
 * of the screen that asked ({@link PluginHost}), so leaving the screen (a navigation, a sign-out, the idle logout)
 * closes it without running anything.
 */
final class PinDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient Shell shell;
    private final SessionState state;
    private final Resident who;
    private final transient Runnable confirmed;
    private final Locale locale;
    private final PasswordField field = new PasswordField();
    private final Div error = new Div();
    private final Button submit;
    private String pin = "";

    PinDialog(Shell shell, SessionState state, Resident who, String action, Runnable confirmed) {
        this.shell = shell;
        this.state = state;
        this.who = who;
        this.confirmed = confirmed;
        this.locale = state.locale();
        setModal(true);
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);

        Div content = new Div();
        content.setId("pin-dialog");
        String explainKey = "shell.pin.explain." + action;
        String explain = text(explainKey);
        Paragraph why = new Paragraph(explain.startsWith("!") ? text("shell.pin.explain") : explain);
        why.setId("pin-dialog-why");

        field.setId("pin-dialog-field");
        field.setLabel(text("shell.signin.pin"));
        field.setRevealButtonVisible(false);
        field.setMaxLength(6);
        field.getElement().setAttribute("inputmode", "numeric");
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                pin = digits(e.getValue());
            }
        });
        error.setId("pin-dialog-error");
        error.addClassName("kiosk-error");

        submit = new Button(text("shell.pin.submit"), e -> submit());
        submit.setId("pin-dialog-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Button cancel = new Button(text("shell.pin.cancel"), e -> close());
        cancel.setId("pin-dialog-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);

        Div buttons = new Div(cancel, submit);
        buttons.getStyle().set("display", "flex").set("gap", "16px");
        Div form = new Div(new H2(text("shell.pin.title")), why, field, error, buttons);
        form.addClassName("kiosk-signin");
        form.getStyle().set("max-width", "400px");
        // side by side, so that the dialog fits a kiosk screen without scrolling (the keypad alone is 4 x 88 px)
        content.getStyle().set("display", "flex").set("gap", "32px").set("flex-wrap", "wrap")
                .set("align-items", "flex-start");
        content.add(form, new NumericKeypad("pin-dialog", key -> {
            pin = NumericKeypad.apply(pin, key, 6);
            field.setValue(pin);
        }));
        add(content);
        // once closed it is of no more use: out of the screen it was added to
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                getElement().removeFromParent();
            }
        });
    }

    private void submit() {
        if (pin.length() < 4) {
            // a tap on "confirm" before the PIN is typed is no wrong PIN: nothing is checked, nothing counted
            error.setText(text("shell.pin.short"));
            return;
        }
        PinCheck check = shell.identification().checkPin(who.id(), pin, state.place());
        pin = "";
        field.clear();
        switch (check.outcome()) {
            case CONFIRMED, NO_PIN -> {
                close();
                confirmed.run();
            }
            case WRONG -> error.setText(text("shell.pin.wrong", check.attemptsLeft()));
            case LOCKED -> {
                error.setText(check.lockedUntil() == null ? text("shell.pin.lockedUntilUnlock")
                        : text("shell.pin.locked", shell.translations().waitTime(locale,
                                Duration.between(Instant.now(), check.lockedUntil()))));
                submit.setEnabled(false);
            }
            default -> error.setText(text("shell.error.unexpected"));
        }
    }

    private static String digits(String value) {
        String digits = value == null ? "" : value.replaceAll("\\D", "");
        return digits.length() > 6 ? digits.substring(0, 6) : digits;
    }

    private String text(String key, Object... args) {
        return shell.translations().text(locale, key, args);
    }
}
