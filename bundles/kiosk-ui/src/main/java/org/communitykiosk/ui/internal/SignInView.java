package org.communitykiosk.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.resident.Identification.PinAttempt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

/**
 * Sign-in with phone number and PIN, one step per screen, with a large keypad. A card tap works here too (the
 * layout's card reader), which is the quicker way for most residents.
 */
public class SignInView extends Div implements Refreshable {

    static final String ROUTE = "signin";

    private static final long serialVersionUID = 1L;

    private final Shell shell;
    private String phone = "";
    private String pin = "";
    private boolean askingPin;
    private String error;

    public SignInView(Shell shell) {
        this.shell = shell;
        setId("signin");
        addClassName("kiosk-signin");
        refresh();
    }

    private SessionState state() {
        KioskSettings settings = shell.settings().get();
        return SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale());
    }

    @Override
    public void refresh() {
        removeAll();
        Locale locale = state().locale();
        add(new H1(text(locale, askingPin ? "shell.signin.pin.title" : "shell.signin.phone.title")));
        add(new Paragraph(text(locale, "shell.signin.cardHint")));

        Div error = new Div();
        error.setId("signin-error");
        error.addClassName("kiosk-error");
        if (this.error != null) {
            error.setText(this.error);
        }

        if (!askingPin) {
            TextField field = new TextField(text(locale, "shell.signin.phone"));
            field.setId("signin-phone");
            field.setValue(phone);
            field.setMaxLength(11);
            field.getElement().setAttribute("inputmode", "numeric");
            field.addValueChangeListener(e -> phone = digits(e.getValue(), 11));
            Button next = new Button(text(locale, "shell.signin.next"), e -> {
                if (phone.length() != 11) {
                    this.error = text(locale, "shell.signin.phone.invalid");
                } else {
                    this.error = null;
                    askingPin = true;
                }
                refresh();
            });
            next.setId("signin-next");
            next.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            add(field, error, new NumericKeypad("signin", key -> {
                phone = NumericKeypad.apply(phone, key, 11);
                field.setValue(phone);
            }), next);
        } else {
            PasswordField field = new PasswordField(text(locale, "shell.signin.pin"));
            field.setId("signin-pin");
            field.setRevealButtonVisible(false);
            field.setMaxLength(6);
            field.getElement().setAttribute("inputmode", "numeric");
            field.setValue(pin);
            field.addValueChangeListener(e -> pin = digits(e.getValue(), 6));
            Button back = new Button(text(locale, "shell.signin.back"), e -> {
                askingPin = false;
                pin = "";
                this.error = null;
                refresh();
            });
            back.setId("signin-back");
            back.addThemeVariants(ButtonVariant.LUMO_LARGE);
            Button submit = new Button(text(locale, "shell.signin.submit"), e -> submit(locale));
            submit.setId("signin-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            submit.setDisableOnClick(true);
            add(field, error, new NumericKeypad("signin", key -> {
                pin = NumericKeypad.apply(pin, key, 6);
                field.setValue(pin);
            }), new Div(back, submit));
        }
    }

    private void submit(Locale locale) {
        if (pin.length() < 4) {
            // nothing typed yet is no attempt: nothing checked, nothing counted
            error = text(locale, "shell.pin.short");
            refresh();
            return;
        }
        PinAttempt attempt = shell.identification().signInWithPin(phone, pin, state().place());
        pin = "";
        switch (attempt.outcome()) {
            case SIGNED_IN -> {
                phone = "";
                askingPin = false;
                error = null;
                MainLayout.current().ifPresent(layout -> layout.signIn(attempt.resident().orElseThrow()));
                return;
            }
            // one answer for every failure (unknown phone, no PIN, wrong or locked PIN), and the same screen after
            // it, so that the screen does not tell who lives here
            case REFUSED -> error = text(locale, "shell.signin.refused");
            case PAUSED -> error = text(locale, "shell.signin.paused", shell.translations().waitTime(locale,
                    Duration.between(Instant.now(), attempt.pausedUntil())));
            default -> error = text(locale, "shell.error.unexpected");
        }
        refresh();
    }

    private static String digits(String value, int max) {
        String digits = value == null ? "" : value.replaceAll("\\D", "");
        return digits.length() > max ? digits.substring(0, max) : digits;
    }

    private String text(Locale locale, String key, Object... args) {
        return shell.translations().text(locale, key, args);
    }

}
