package org.communitykiosk.ui.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.plugin.AwakeLease;
import org.communitykiosk.api.plugin.CardHandler;
import org.communitykiosk.api.plugin.KioskSession;
import org.communitykiosk.api.plugin.ViewContext;
import org.communitykiosk.api.resident.Resident;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;

/** What one visit to a plugin screen may ask of the shell. */
final class PluginViewContext implements ViewContext {

    private final Shell shell;
    private final PluginEntry plugin;
    private final SessionState session;
    private final KioskSettings settings;
    private final List<String> segments;
    private final Map<String, List<String>> query;
    private AwakeLease flagLease;
    /** The screen's place in the shell: a PIN dialog is its child, and goes when the screen goes. */
    private final HasComponents host;

    PluginViewContext(Shell shell, PluginEntry plugin, SessionState session, KioskSettings settings,
            List<String> segments, Map<String, List<String>> query, HasComponents host) {
        this.shell = shell;
        this.host = host;
        this.plugin = plugin;
        this.session = session;
        this.settings = settings;
        this.segments = List.copyOf(segments);
        this.query = query;
    }

    @Override
    public KioskSession session() {
        return session;
    }

    @Override
    public Locale locale() {
        return session.locale();
    }

    @Override
    public ZoneId zone() {
        return settings.zone();
    }

    @Override
    public String text(String key, Object... args) {
        return shell.translations().text(session.locale(), plugin.bundle(), key, args);
    }

    @Override
    public String describe(InvalidInputException refused) {
        return shell.translations().describe(session.locale(), plugin.bundle(), refused);
    }

    @Override
    public List<String> pathSegments() {
        return segments;
    }

    @Override
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public void navigate(String path) {
        String location = path.isEmpty() ? plugin.id() : plugin.id() + "/" + path;
        int question = location.indexOf('?');
        UI ui = UI.getCurrent();
        if (question < 0) {
            ui.navigate(location);
        } else {
            ui.navigate(location.substring(0, question),
                    QueryParameters.fromString(location.substring(question + 1)));
        }
    }

    @Override
    public void home() {
        UI.getCurrent().navigate("");
    }

    @Override
    public void onCardTapped(CardHandler handler) {
        CardRouting.of(UI.getCurrent()).direct(handler);
    }

    @Override
    public AwakeLease keepAwake() {
        UI ui = UI.getCurrent();
        AwakeLease lease = IdleWatch.find(ui.getSession()).map(IdleWatch::lease).orElse(ENDED);
        return ScreenScope.of(ui).hold(lease);
    }

    @Override
    @Deprecated
    public void keepSessionAwake(boolean awake) {
        if (awake && (flagLease == null || !flagLease.active())) {
            flagLease = keepAwake();
        } else if (!awake && flagLease != null) {
            flagLease.close();
            flagLease = null;
        }
    }

    @Override
    public void showPrintout(String fileName, byte[] pdf) {
        UI ui = UI.getCurrent();
        PrintoutDialog dialog = new PrintoutDialog(shell.translations(), session.locale(), fileName, pdf);
        ScreenScope.of(ui).hold(dialog);
        dialog.open();
    }

    @Override
    public void export(String fileName, byte[] content) {
        if (session.staff().isEmpty()) {
            notify(shell.translations().text(session.locale(), "shell.export.staffOnly"));
            return;
        }
        String name = fileName == null ? "" : fileName.strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,80}") || content == null) {
            throw new IllegalArgumentException("export file name must be a plain name: " + fileName);
        }
        ExportDialog dialog = new ExportDialog(shell, session.locale(), session.actor(), name, content);
        ScreenScope.of(UI.getCurrent()).hold(dialog);
        dialog.open();
    }

    /** The lease of a session the shell does not watch (none on a kiosk): already ended. */
    private static final AwakeLease ENDED = new AwakeLease() {
        @Override
        public void close() {
        }

        @Override
        public boolean active() {
            return false;
        }
    };

    @Override
    public void confirmWithPin(Resident who, String action, Runnable confirmed) {
        // who.pinSet() as the plugin read it: a resident given a PIN since then is asked from their next screen on
        if (who == null || !who.pinSet() || !settings.pinRequiredFor().contains(action)) {
            confirmed.run();
            return;
        }
        PinDialog dialog = new PinDialog(shell, session, who, action, confirmed);
        host.add(dialog);
        dialog.open();
    }

    @Override
    public void notify(String text) {
        Notification notification = Notification.show(text, 4000, Notification.Position.BOTTOM_END);
        notification.addThemeName("kiosk-notice");
    }
}
