package org.communitykiosk.ui.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.plugin.AwakeLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/**
 * The server's watch over one browser session: once a second it asks the session's {@link IdleTimer} where a
 * signed-in person stands, shows the countdown on the session's screens, and signs the person out when the timeout
 * has passed, whatever the page does. Started when Vaadin creates the session, stopped when it destroys it. The
 * session id is renewed at the next request after such a sign-out (there is no request to do it in when the timer
 * fires): {@link #RENEW_ID} marks the HTTP session, {@link KioskServlet} renews it.
 */
final class IdleWatch implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(IdleWatch.class);

    /** HTTP session attribute: change the session id at the next request. */
    static final String RENEW_ID = "org.communitykiosk.renewSessionId";

    private final transient Shell shell;
    private final transient VaadinSession session;
    private final IdleTimer timer;
    private transient ScheduledFuture<?> ticker;

    private IdleWatch(Shell shell, VaadinSession session, Clock clock) {
        this.shell = shell;
        this.session = session;
        this.timer = new IdleTimer(clock);
    }

    /** Starts watching a new session (Vaadin's session init, under the session lock). */
    static IdleWatch start(Shell shell, VaadinSession session, Clock clock) {
        IdleWatch watch = new IdleWatch(shell, session, clock);
        session.setAttribute(IdleWatch.class, watch);
        try {
            watch.ticker = shell.timer().scheduleWithFixedDelay(watch::check, 1, 1, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            // the shell is stopping: its sessions go with it
        }
        return watch;
    }

    /** The watch of a session, if the shell started one (sessions of a stopped shell have none). */
    static Optional<IdleWatch> find(VaadinSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(IdleWatch.class));
    }

    /** Stops the ticker (Vaadin's session destroy). */
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        timer.endLeases();
    }

    void activity() {
        timer.activity();
    }

    AwakeLease lease() {
        return timer.lease(shell.settings().get().keepAwakeMax());
    }

    /** At every sign-in and sign-out: the leases of the person before end, and the idle time starts now. */
    void newPerson() {
        timer.endLeases();
        timer.activity();
    }

    IdleTimer.State state() {
        return timer.state(timeout());
    }

    private Duration timeout() {
        KioskSettings settings = shell.settings().get();
        SessionState state = SessionState.of(session, settings.kioskId(), settings.defaultLocale());
        return state.staff().isPresent() ? settings.staffIdleTimeout() : settings.residentIdleTimeout();
    }

    /** On the timer thread: hands the check to the session (its lock), which pushes what changed to the screens. */
    private void check() {
        try {
            session.access(this::checkLocked);
        } catch (RuntimeException e) {
            LOG.warn("idle check of a session failed", e);
        }
    }

    private void checkLocked() {
        KioskSettings settings = shell.settings().get();
        if (settings == null) {
            return;
        }
        SessionState state = SessionState.of(session, settings.kioskId(), settings.defaultLocale());
        if (!state.signedIn()) {
            return;
        }
        IdleTimer.State now = timer.state(timeout());
        List<UI> uis = List.copyOf(session.getUIs());
        switch (now.phase()) {
            case AWAKE -> uis.forEach(ui -> onLayout(ui, MainLayout::hideCountdown));
            case WARNING -> uis.forEach(ui -> onLayout(ui, layout -> layout.showCountdown(now.secondsLeft())));
            case EXPIRED -> {
                LOG.info("session signed out after {} s idle", timeout().toSeconds());
                newPerson();
                state.signOut(settings.defaultLocale());
                SessionIds.renewAtNextRequest(session);
                uis.forEach(ui -> onLayout(ui, MainLayout::signedOutByServer));
            }
        }
    }

    private static void onLayout(UI ui, java.util.function.Consumer<MainLayout> action) {
        if (ui.isClosing()) {
            return;
        }
        ui.accessSynchronously(() -> MainLayout.of(ui).ifPresent(action));
    }
}
