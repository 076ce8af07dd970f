package org.communitykiosk.ui.internal;

import java.util.Locale;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.device.Device;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;

/**
 * What an enrolled device shows instead of a screen its role does not show (a booth asked for the staff sign-in, a
 * resident's screen or a staff screen): which device this is, and the way back to its own home screen.
 */
public class DeviceRefusedView extends Div implements Refreshable {

    static final String ROUTE = "device-refused";

    private static final long serialVersionUID = 1L;

    private final Shell shell;

    public DeviceRefusedView(Shell shell) {
        this.shell = shell;
        addClassName("kiosk-plugin-host");
        refresh();
    }

    @Override
    public void refresh() {
        removeAll();
        KioskSettings settings = shell.settings().get();
        SessionState state = SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale());
        add(card(shell, state.locale(), state.device().orElse(null)));
    }

    /** The refusal card, also shown in place of a plugin's screen by {@link PluginHost}. */
    static Div card(Shell shell, Locale locale, Device device) {
        Div card = new Div();
        card.setId("device-refused");
        card.addClassName("kiosk-message-card");
        String role = device == null ? "" : shell.translations().text(locale, "device.role." + device.role().id());
        card.add(VaadinIcon.INFO_CIRCLE.create(), new H2(shell.translations().text(locale, "device.refused.title")),
                new Paragraph(shell.translations().text(locale, "device.refused.explain", role)));
        Button home = new Button(shell.translations().text(locale, "shell.home"), VaadinIcon.HOME.create(),
                e -> UI.getCurrent().navigate(""));
        home.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        card.add(home);
        return card;
    }
}
