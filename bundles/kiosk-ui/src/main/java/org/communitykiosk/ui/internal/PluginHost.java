package org.communitykiosk.ui.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinSession;

/**
 * Shows plugin screens at {@code /<plugin id>/<view path>/<segments...>}. The plugin is looked up at every visit, so a
 * plugin installed while the kiosk runs is reachable at once and an uninstalled one is gone, without touching Vaadin's
 * route registry from OSGi threads. Who may see the screen (and whether this device shows it) is checked here, whatever
 * way the URL was reached, and a screen that throws becomes an error card for that plugin only.
 */
public class PluginHost extends Div implements BeforeEnterObserver, Refreshable, HasDynamicTitle {

    static final String ROUTE = ":plugin/:path*";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Shell shell;
    private String pluginId;
    private List<String> segments = List.of();
    private Map<String, List<String>> query = Map.of();
    private String title = "";

    public PluginHost(Shell shell) {
        this.shell = shell;
        setId("plugin-host");
        addClassName("kiosk-plugin-host");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pluginId = event.getRouteParameters().get("plugin").orElse("");
        segments = event.getRouteParameters().get("path")
                .map(p -> Arrays.stream(p.split("/")).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        query = event.getLocation().getQueryParameters().getParameters();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void refresh() {
        removeAll();
        CardRouting.of(UI.getCurrent()).reset();
        // a screen drawn anew starts without the leases and printouts of the one it replaces
        ScreenScope.of(UI.getCurrent()).end();
        KioskSettings settings = shell.settings().get();
        SessionState state = SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale());
        Locale locale = state.locale();
        title = settings.kioskName();

        // a plugin this kiosk hides is refused at its address as if it were not installed, whoever asks
        Optional<PluginEntry> found = settings.hiddenPlugins().contains(pluginId) ? Optional.empty()
                : shell.plugins().find(pluginId);
        if (found.isEmpty()) {
            add(card("plugin-missing", text(locale, "shell.plugin.missing.title"),
                    text(locale, "shell.plugin.missing.explain")));
            return;
        }
        PluginEntry entry = found.get();
        if (entry.failed()) {
            add(card("plugin-error", pluginName(shell.translations(), entry, locale),
                    text(locale, "shell.plugin.failed.explain")));
            return;
        }
        KioskPlugin plugin = entry.plugin().orElseThrow();
        title = shell.translations().text(locale, entry.bundle(), plugin.titleKey());
        Optional<PluginView> match = match(plugin.views(), segments);
        if (match.isEmpty()) {
            add(card("plugin-missing", text(locale, "shell.plugin.missing.title"),
                    text(locale, "shell.plugin.missing.explain")));
            return;
        }
        PluginView view = match.get();
        // the device's role first: a booth is not even told that staff could open this
        if (!state.shows(view)) {
            add(DeviceRefusedView.card(shell, locale, state.device().orElse(null)));
            return;
        }
        if (!state.permits(view.audience())) {
            add(refusal(view.audience(), locale));
            return;
        }
        if (view.audience() == Audience.ADMIN
                && !state.passwordFresh(shell.staffSignIn().passwordMaxAge(), Instant.now())) {
            // the screen is built only once the password was entered again: nothing of it reaches the browser before
            add(new ReauthCard(shell, state, this::refresh));
            return;
        }
        int depth = view.path().isEmpty() ? 0 : view.path().split("/").length;
        PluginViewContext context = new PluginViewContext(shell, entry, state, settings,
                segments.subList(depth, segments.size()), query, this);
        try {
            Component screen = view.factory().create(context);
            add(screen);
        } catch (Exception | LinkageError e) {
            LOG.error("screen /{}/{} of plugin {} failed", pluginId, view.path(), pluginId, e);
            add(card("plugin-error", title, text(locale, "shell.plugin.viewFailed")));
        }
    }

    /** The view with the longest path that is a prefix of the segments. */
    static Optional<PluginView> match(List<PluginView> views, List<String> segments) {
        return views.stream().filter(v -> {
            List<String> parts = v.path().isEmpty() ? List.of() : List.of(v.path().split("/"));
            return parts.size() <= segments.size() && segments.subList(0, parts.size()).equals(parts);
        }).max(Comparator.comparingInt(v -> v.path().isEmpty() ? 0 : v.path().split("/").length));
    }

    /** The translated name of a plugin, also for one that failed (then from its conventional title key). */
    static String pluginName(Translations translations, PluginEntry entry, Locale locale) {
        String key = entry.plugin().map(KioskPlugin::titleKey).orElse(entry.id() + ".title");
        String name = translations.text(locale, entry.bundle(), key);
        return name.startsWith("!") ? entry.id() : name;
    }

    private Component refusal(Audience needed, Locale locale) {
        boolean staffOnly = needed == Audience.STAFF || needed == Audience.ADMIN;
        Div card = card("access-refused",
                text(locale, staffOnly ? "shell.refused.staff.title" : "shell.refused.resident.title"),
                text(locale, staffOnly ? "shell.refused.staff.explain" : "shell.refused.resident.explain"));
        Button next = staffOnly
                ? new Button(text(locale, "shell.home.staffSignIn"), e -> UI.getCurrent().navigate(StaffSignInView.ROUTE))
                : new Button(text(locale, "shell.home.pinSignIn"), e -> UI.getCurrent().navigate(SignInView.ROUTE));
        next.setId("refusal-signin");
        next.addThemeVariants(ButtonVariant.LUMO_LARGE);
        card.add(next);
        return card;
    }

    private Div card(String id, String heading, String explanation) {
        Div card = new Div();
        card.setId(id);
        card.addClassName("kiosk-message-card");
        card.add(VaadinIcon.INFO_CIRCLE.create(), new H2(heading), new Paragraph(explanation));
        Button home = new Button(text(shellLocale(), "shell.home"), VaadinIcon.HOME.create(),
                e -> UI.getCurrent().navigate(""));
        home.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        card.add(home);
        return card;
    }

    private Locale shellLocale() {
        KioskSettings settings = shell.settings().get();
        return SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale()).locale();
    }

    private String text(Locale locale, String key, Object... args) {
        return shell.translations().text(locale, key, args);
    }
}
