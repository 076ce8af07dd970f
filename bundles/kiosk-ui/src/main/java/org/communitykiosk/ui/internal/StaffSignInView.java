package org.communitykiosk.ui.internal;

import java.util.Locale;
import java.util.Optional;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.resident.StaffMember;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

/** Staff sign-in against the Karaf realm (users and roles in {@code etc/users.properties}). */
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
            Optional<StaffMember> staff = shell.staffSignIn().signIn(user.getValue().trim(),
                    password.getValue().toCharArray());
            password.clear();
            if (staff.isEmpty()) {
                error.setText(text(locale, "shell.staff.refused"));
                return;
            }
            MainLayout.newPerson();
            state.signIn(staff.get());
            MainLayout.current().ifPresent(MainLayout::signedInAsStaff);
        });
        submit.setId("staff-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.addClickShortcut(Key.ENTER);
        add(new H1(text(locale, "shell.staff.title")), user, password, error, submit);
    }

    private String text(Locale locale, String key, Object... args) {
        return shell.translations().text(locale, key, args);
    }
}
