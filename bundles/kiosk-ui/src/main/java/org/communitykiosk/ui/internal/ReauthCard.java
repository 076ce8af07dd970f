package org.communitykiosk.ui.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.communitykiosk.api.resident.StaffSignIn;
import org.communitykiosk.api.resident.StaffSignIn.StaffAttempt;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * Shown instead of an administration screen when the administrator's password was last entered too long ago
 * ({@link StaffSignIn#passwordMaxAge()}): an administrator who walked away from a signed-in kiosk does not leave the
 * plugins, settings and backup to the next person. The password is checked by the same throttled service as a
 * sign-in.
 */
final class ReauthCard extends Div {

    private static final long serialVersionUID = 1L;

    ReauthCard(Shell shell, SessionState state, Runnable confirmed) {
        Locale locale = state.locale();
        Translations translations = shell.translations();
        setId("reauth");
        addClassName("kiosk-message-card");
        addClassName("kiosk-signin");
        PasswordField password = new PasswordField(translations.text(locale, "shell.staff.password"));
        password.setId("reauth-password");
        password.setAutofocus(true);
        Div error = new Div();
        error.setId("reauth-error");
        error.addClassName("kiosk-error");
        Button submit = new Button(translations.text(locale, "shell.reauth.submit"), e -> {
            char[] typed = password.getValue().toCharArray();
            StaffAttempt attempt;
            try {
                attempt = shell.staffSignIn().confirmPassword(state.staff().orElseThrow(), typed, state.place());
            } finally {
                Arrays.fill(typed, '\0');
            }
            password.clear();
            if (attempt.succeeded()) {
                state.passwordEntered(attempt.staff().orElseThrow(), Instant.now());
                confirmed.run();
                return;
            }
            error.setText(StaffSignInView.refusal(translations, locale, attempt));
        });
        submit.setId("reauth-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.addClickShortcut(Key.ENTER);
        Button home = new Button(translations.text(locale, "shell.home"), VaadinIcon.HOME.create(),
                e -> UI.getCurrent().navigate(""));
        home.addThemeVariants(ButtonVariant.LUMO_LARGE);
        add(VaadinIcon.LOCK.create(), new H2(translations.text(locale, "shell.reauth.title")),
                new Paragraph(translations.text(locale, "shell.reauth.explain",
                        translations.waitTime(locale, shell.staffSignIn().passwordMaxAge()))),
                password, error, new Div(home, submit));
    }
}
