package org.communitykiosk.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinSession;

/**
 * The home screen: a greeting, how to sign in, and one large tile per installed plugin this person may use. Tiles
 * follow plugins being installed and removed while the screen is open.
 */
public class HomeView extends Div implements Refreshable, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final Shell shell;
    private Runnable stopListening;

    public HomeView(Shell shell) {
        this.shell = shell;
        setId("home");
        addClassName("kiosk-home");
        refresh();
    }

    @Override
    public String getPageTitle() {
        return shell.settings().get().kioskName();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        stopListening = shell.plugins().onChange(() -> ui.access(this::refresh));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
    }

    @Override
    public void refresh() {
        removeAll();
        KioskSettings settings = shell.settings().get();
        SessionState state = SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale());
        Locale locale = state.locale();

        H1 greeting = new H1(state.resident().map(r -> text(locale, "shell.home.greeting.resident", r.name()))
                .or(() -> state.staff().map(s -> text(locale, "shell.home.greeting.staff", s.userName())))
                .orElseGet(() -> text(locale, "shell.home.greeting")));
        greeting.setId("home-greeting");
        add(greeting);

        if (!state.signedIn() && state.offersResidentSignIn()) {
            Div signIn = new Div();
            signIn.addClassName("kiosk-signin-hint");
            Paragraph hint = new Paragraph(text(locale, "shell.home.tapCard"));
            hint.setId("tap-card-hint");
            Button pin = new Button(text(locale, "shell.home.pinSignIn"), VaadinIcon.PHONE.create(),
                    e -> UI.getCurrent().navigate(SignInView.ROUTE));
            pin.setId("pin-signin");
            pin.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            signIn.add(hint, pin);
            add(signIn);
        }

        Div tiles = new Div();
        tiles.setId("tiles");
        tiles.addClassName("kiosk-tiles");
        for (PluginEntry entry : visible(settings, state)) {
            tiles.add(entry.failed() ? failedTile(entry, locale) : tile(entry, entry.plugin().orElseThrow(), locale,
                    state));
        }
        add(tiles);

        if (!state.signedIn() && state.offersStaffSignIn()) {
            Button staff = new Button(text(locale, "shell.home.staffSignIn"), VaadinIcon.USER_CARD.create(),
                    e -> UI.getCurrent().navigate(StaffSignInView.ROUTE));
            staff.setId("staff-signin-button");
            staff.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            staff.addClassName("kiosk-staff-entry");
            add(staff);
        }
    }

    /**
     * Plugins this person may see here, in the kiosk's configured order, then by the plugins' own order. On an
     * enrolled device, only plugins with a screen of the device's role that this person may open (and no error cards:
     * a device's user cannot do anything about them).
     */
    private List<PluginEntry> visible(KioskSettings settings, SessionState state) {
        List<String> order = settings.tileOrder();
        List<PluginEntry> list = new ArrayList<>();
        for (PluginEntry entry : shell.plugins().all()) {
            if (settings.hiddenPlugins().contains(entry.id())) {
                continue;
            }
            if (state.device().isPresent()) {
                if (!entry.failed() && entryView(entry.plugin().orElseThrow(), state).isPresent()) {
                    list.add(entry);
                }
            } else if (entry.failed() || state.permits(entry.plugin().orElseThrow().audience())) {
                list.add(entry);
            }
        }
        Comparator<PluginEntry> configured = Comparator.comparingInt(e -> {
            int index = order.indexOf(e.id());
            return index < 0 ? Integer.MAX_VALUE : index;
        });
        list.sort(configured.thenComparingInt((PluginEntry e) -> e.plugin().map(KioskPlugin::order).orElse(1000))
                .thenComparing(PluginEntry::id));
        return list;
    }

    /**
     * The screen a plugin's tile opens here: its start screen; on a device, the first of its screens the device shows
     * and this person may open (a booth's tile of the council opens its ballot screen).
     */
    private static Optional<PluginView> entryView(KioskPlugin plugin, SessionState state) {
        return plugin.views().stream().filter(view -> state.shows(view) && state.permits(view.audience()))
                .filter(view -> state.device().isPresent() || view.path().isEmpty())
                .min(Comparator.comparingInt(view -> view.path().isEmpty() ? 0 : 1));
    }

    private NativeButton tile(PluginEntry entry, KioskPlugin plugin, Locale locale, SessionState state) {
        NativeButton tile = new NativeButton();
        tile.setId("tile-" + entry.id());
        tile.addClassName("kiosk-tile");
        tile.add(icon(plugin.icon()));
        Span title = new Span(shell.translations().text(locale, entry.bundle(), plugin.titleKey()));
        title.addClassName("kiosk-tile-title");
        tile.add(title);
        if (plugin.descriptionKey() != null) {
            Span description = new Span(shell.translations().text(locale, entry.bundle(), plugin.descriptionKey()));
            description.addClassName("kiosk-tile-description");
            tile.add(description);
        }
        String path = entryView(plugin, state).map(PluginView::path).filter(p -> !p.isEmpty())
                .map(p -> entry.id() + "/" + p).orElse(entry.id());
        tile.addClickListener(e -> UI.getCurrent().navigate(path));
        return tile;
    }

    /** The error card of a plugin that failed to start: named, explained, and not a dead end for the rest. */
    private Div failedTile(PluginEntry entry, Locale locale) {
        Div card = new Div();
        card.setId("tile-" + entry.id());
        card.addClassNames("kiosk-tile", "kiosk-tile-failed");
        card.add(VaadinIcon.WARNING.create());
        Span title = new Span(PluginHost.pluginName(shell.translations(), entry, locale));
        title.addClassName("kiosk-tile-title");
        Span status = new Span(text(locale, "shell.plugin.failed"));
        status.addClassName("kiosk-tile-description");
        card.add(title, status);
        return card;
    }

    private static Icon icon(String name) {
        if (name != null && name.contains(":")) {
            String[] parts = name.split(":", 2);
            return new Icon(parts[0], parts[1]);
        }
        return VaadinIcon.CUBE.create();
    }

    private String text(Locale locale, String key, Object... args) {
        return shell.translations().text(locale, key, args);
    }

}
