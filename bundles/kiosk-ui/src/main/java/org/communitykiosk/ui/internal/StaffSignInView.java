package org.communitykiosk.ui.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.resident.StaffSignIn.StaffAttempt;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

/**
 * Staff sign-in against the Karaf realm (users and roles in {@code etc/users.properties}). Failed sign-ins are
 * throttled by the service; this screen says how long to wait.
 */
public class StaffSignInView extends Div implements Refreshable {

    static final String ROUTE = "staff";

    private static final long serialVersionUID = 1L;

    private final Shell shell;

    public StaffSignInView(Shell shell) {
        this.shell = shell;
        setId("staff-signin");
        addClassName("kiosk-signin");
        refresh();
    }

    @Override
    public void refresh() {
        removeAll();
        KioskSettings settings = shell.settings().get();
        SessionState state = SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale());
        Locale locale = state.locale();
        TextField user = new TextField(text(locale, "shell.staff.user"));
        user.setId("staff-user");
        user.setAutofocus(true);
        PasswordField password = new PasswordField(text(locale, "shell.staff.password"));
        password.setId("staff-password");
        Div error = new Div();
        error.setId("staff-error");
        error.addClassName("kiosk-error");
        Button submit = new Button(text(locale, "shell.staff.submit"), e -> {
            char[] typed = password.getValue().toCharArray();
            StaffAttempt attempt;
            try {
                attempt = shell.staffSignIn().signIn(user.getValue(), typed, state.place());
            } finally {
                Arrays.fill(typed, '\0');
            }
            password.clear();
            if (attempt.succeeded()) {
                // the last person's leases and printouts go, and the session gets a new id, before staff are in
                MainLayout.newPerson();
                state.signIn(attempt.staff().orElseThrow(), Instant.now());
                MainLayout.current().ifPresent(MainLayout::signedInAsStaff);
                return;
            }
            error.setText(refusal(shell.translations(), locale, attempt));
        });
        submit.setId("staff-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.addClickShortcut(Key.ENTER);
        add(new H1(text(locale, "shell.staff.title")), user, password, error, submit);
    }

    /** What a refused staff sign-in or password check says. */
    static String refusal(Translations translations, Locale locale, StaffAttempt attempt) {
        return switch (attempt.outcome()) {
            case THROTTLED -> translations.text(locale, "shell.staff.throttled",
                    translations.waitTime(locale, attempt.retryAfter()));
            case SHIPPED_PASSWORD -> translations.text(locale, "shell.staff.shipped");
            case REFUSED -> attempt.retryAfter().isZero() ? translations.text(locale, "shell.staff.refused")
                    : translations.text(locale, "shell.staff.refusedWait",
                            translations.waitTime(locale, attempt.retryAfter()));
            case SIGNED_IN -> "";
        };
    }

    private String text(Locale locale, String key, Object... args) {
        return shell.translations().text(locale, key, args);
    }
}
