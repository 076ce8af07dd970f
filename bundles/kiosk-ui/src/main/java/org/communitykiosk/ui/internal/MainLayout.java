package org.communitykiosk.ui.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.device.DeviceRole;
import org.communitykiosk.api.plugin.CardHandler;
import org.communitykiosk.api.resident.CardReads;
import org.communitykiosk.api.resident.CardReads.CardRead;
import org.communitykiosk.api.resident.CardReads.Use;
import org.communitykiosk.api.resident.Resident;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinSession;

/**
 * The frame around every screen: a big "home" button, who is signed in with a big "log out", language and large-text
 * switches; and the two things that work on every screen: the card reader and the idle countdown.
 */
public class MainLayout extends Div implements RouterLayout, BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    // Keyboard-wedge readers type a whole card within a few ms per key and then Enter; people type slower. The
    // listener is on the document in the capture phase, so a card works whatever has focus. This timing check is a
    // convenience (typing in a form is not taken for a card), not a defence: anything the page sends is judged by the
    // server (cardRead below). Up to 24 digits pass, so that an old card's register number reaches the server and is
    // told apart (and counted, and audited) as an unknown card rather than silently ignored.
    private static final String CARD_READER_JS = """
            const layout = $0;
            if (!window.__kioskCardReader) {
              window.__kioskCardReader = true;
              let buffer = '', last = 0;
              document.addEventListener('keydown', e => {
                const now = performance.now();
                if (e.key === 'Enter') {
                  if (/^(\\d{6,24}|KIOSK-CARD:\\d{6,24})$/.test(buffer) && now - last < 150) {
                    e.preventDefault(); e.stopPropagation();
                    const token = buffer; buffer = '';
                    const target = document.querySelector('#kiosk-layout');
                    if (target && target.$server) target.$server.cardRead(token);
                  }
                  buffer = '';
                  return;
                }
                if (e.key.length !== 1) return;
                buffer = (now - last <= 100 ? buffer : '') + e.key;
                last = now;
              }, true);
            }
            """;

    // The server decides when a signed-in person's session ends (IdleWatch); the page only reports touches that do not
    // reach the server by themselves (scrolling, reading), at most every 5 s, and, for a passer-by who walked away,
    // that the screen has been idle (back to the home screen; nothing personal is on it).
    private static final String IDLE_JS = """
            const layout = $0;
            layout.__idleMs = $1;
            layout.__last = Date.now();
            layout.__warned = false;
            if (!layout.__idleInstalled) {
              layout.__idleInstalled = true;
              let reported = 0;
              const touch = () => {
                const now = Date.now();
                layout.__last = now;
                layout.__warned = false;
                if (now - reported >= 5000 && layout.isConnected && layout.$server) {
                  reported = now;
                  layout.$server.touched();
                }
              };
              ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'].forEach(t => document.addEventListener(t, touch, true));
              layout.__idleTimer = setInterval(() => {
                if (!layout.isConnected || layout.__warned || !layout.__idleMs) return;
                if (Date.now() - layout.__last >= layout.__idleMs) {
                  layout.__warned = true;
                  layout.$server.idle();
                }
              }, 500);
            }
            """;

    /** The class a plugin gives a screen that must stay up while nobody touches it (see {@link #showsLiveScreen}). */
    static final String LIVE_SCREEN = "kiosk-live-screen";

    private final Shell shell;
    private final Div banner = new Div();
    private final Div header = new Div();
    private final Div content = new Div();
    private final IdleCountdown countdown;
    /** The card reader's one message on screen: a burst of reads updates it instead of stacking notifications. */
    private Notification cardNotice;

    public MainLayout(Shell shell) {
        this.shell = shell;
        this.countdown = new IdleCountdown(shell, this::stillHere);
        setId("kiosk-layout");
        addClassName("kiosk-layout");
        header.addClassName("kiosk-header");
        banner.setId("demo-banner");
        banner.addClassName("kiosk-demo-banner");
        banner.getElement().setAttribute("role", "status");
        content.addClassName("kiosk-content");
        content.setId("kiosk-content");
        add(banner, header, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // the sign-in screens are the shell's own: a device shows the staff sign-in only as a staff tablet, and no
        // resident sign-in (plugin screens are checked by PluginHost)
        SessionState place = state();
        Class<?> target = event.getNavigationTarget();
        if (target == SignInView.class && !place.offersResidentSignIn()
                || target == StaffSignInView.class && !place.offersStaffSignIn()) {
            event.rerouteTo(DeviceRefusedView.class);
            return;
        }
        CardRouting.of(event.getUI()).reset();
        // the screen left takes its keep-awake leases and its printouts with it
        ScreenScope.of(event.getUI()).end();
        renderHeader();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setLocale(state().locale());
        getElement().executeJs(CARD_READER_JS, getElement());
        armIdleTimer();
        applyLargeText();
        renderHeader();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        countdown.hide();
    }

    SessionState state() {
        KioskSettings settings = shell.settings().get();
        return SessionState.of(VaadinSession.getCurrent(), settings.kioskId(), settings.defaultLocale());
    }

    private String text(String key, Object... args) {
        return shell.translations().text(state().locale(), key, args);
    }

    private void renderHeader() {
        header.removeAll();
        SessionState state = state();
        KioskSettings settings = shell.settings().get();

        Button home = new Button(text("shell.home"), VaadinIcon.HOME.create(), e -> UI.getCurrent().navigate(""));
        home.setId("home-button");
        home.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);

        Div place = new Div();
        place.addClassName("kiosk-place");
        Span kioskName = new Span(settings.kioskName());
        kioskName.addClassName("kiosk-name");
        Span community = new Span(settings.communityName());
        community.addClassName("kiosk-community");
        place.add(kioskName, community);
        state.device().ifPresent(device -> {
            // on a device, which one: staff setting up a meeting room see at once which tablet is which
            Span name = new Span(text("device.role." + device.role().id()) + " · " + device.name());
            name.setId("device-name");
            name.addClassName("kiosk-community");
            place.add(name);
        });
        renderDemoBanner();

        Div person = new Div();
        person.addClassName("kiosk-person");
        if (state.signedIn()) {
            String who = state.resident().map(Resident::name)
                    .orElseGet(() -> text("shell.staff.name", state.staff().orElseThrow().userName()));
            Span name = new Span(who);
            name.setId("session-name");
            Button logout = new Button(text("shell.logout"), VaadinIcon.SIGN_OUT.create(), e -> signOut());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            person.add(name, logout);
        }

        Locale other = state.locale().equals(Translations.CHINESE) ? Translations.ENGLISH : Translations.CHINESE;
        Button language = new Button(text("shell.language.switch"), VaadinIcon.GLOBE.create(),
                e -> switchLanguage(other));
        language.setId("lang-toggle");
        language.getElement().setAttribute("lang", other.toLanguageTag());
        language.addThemeVariants(ButtonVariant.LUMO_LARGE);

        Button largeText = new Button(text(state.largeText() ? "shell.largeText.off" : "shell.largeText.on"),
                VaadinIcon.TEXT_HEIGHT.create(), e -> toggleLargeText());
        largeText.setId("large-text");
        largeText.getElement().setAttribute("aria-pressed", Boolean.toString(state.largeText()));
        largeText.addThemeVariants(ButtonVariant.LUMO_LARGE);

        Div tools = new Div(language, largeText);
        tools.addClassName("kiosk-tools");
        header.add(home, place, person, tools);
    }

    /**
     * While any demo resident is in the register, every screen says so: their cards and PIN are published, so anybody
     * can sign in as them. Read at every screen change, so it goes with the demo community.
     */
    private void renderDemoBanner() {
        int demoResidents;
        try {
            demoResidents = shell.demo().count();
        } catch (RuntimeException e) {
            // the database is not there: better a banner too many than none
            demoResidents = -1;
        }
        // hidden by the attribute, not setVisible(false): Vaadin sends an invisible component to the page without its
        // attributes (nor its id), and a screen reader or a test must find the banner's place either way
        banner.getElement().setAttribute("hidden", demoResidents == 0);
        banner.setText(demoResidents == 0 ? "" : text("shell.demo.banner"));
    }

    /**
     * A card or QR code read on this screen, however it was sent: the page's reader listener or anything else calling
     * this method. Only requests that passed the {@link DeviceGate} get here, so the place is the kiosk's own screen or
     * an enrolled device; reads are throttled per place and audited by {@link CardReads}. A valid card then signs its
     * holder in on the kiosk's own screen, unless the screen asked for card taps itself, which gets what was read
     * (valid or not) to act on, but nothing while the place is paused. An enrolled device reads cards for its own
     * screens only (a booth's ballot, the door's check-in).
     */
    @ClientCallable
    void cardRead(String typed) {
        UI ui = UI.getCurrent();
        SessionState state = state();
        CardHandler handler = CardRouting.of(ui).handler();
        if (handler == null && !state.offersResidentSignIn()) {
            cardNotice("card-not-here", text("device.card.notHere"));
            return;
        }
        CardRead read = shell.cardReads().read(typed, state.place(), handler == null ? Use.SIGN_IN : Use.SCREEN);
        if (read.outcome() == CardRead.Outcome.PAUSED) {
            long seconds = Math.max(1, read.pause().toSeconds() + (read.pause().toMillisPart() > 0 ? 1 : 0));
            cardNotice("card-paused", text("shell.card.paused", seconds));
            return;
        }
        if (handler != null) {
            handler.cardTapped(typed);
            return;
        }
        if (read.outcome() == CardRead.Outcome.UNKNOWN) {
            cardNotice("card-unknown", text("shell.card.unknown"));
            return;
        }
        closeCardNotice();
        // the name is shown only now, after the sign-in: never for an unknown or refused card
        signIn(read.resident().orElseThrow());
    }

    private void cardNotice(String id, String message) {
        if (cardNotice == null || !cardNotice.isOpened()) {
            cardNotice = new Notification();
            cardNotice.setDuration(4000);
            cardNotice.setPosition(Notification.Position.BOTTOM_END);
            cardNotice.addThemeName("kiosk-notice");
        }
        Span text = new Span(message);
        text.setId(id);
        cardNotice.removeAll();
        cardNotice.add(text);
        cardNotice.open();
    }

    private void closeCardNotice() {
        if (cardNotice != null) {
            cardNotice.close();
            cardNotice = null;
        }
    }

    void signIn(Resident resident) {
        SessionState state = state();
        newPerson();
        state.signIn(resident);
        armIdleTimer();
        notice(text("shell.welcome", resident.name()));
        UI.getCurrent().navigate("");
        refreshAll();
    }

    void signedInAsStaff() {
        armIdleTimer();
        UI.getCurrent().navigate("");
        refreshAll();
    }

    /**
     * Called at every change of who is at the kiosk (before the change is made): a new session id, so an id known
     * before is worth nothing; the last person's leases end and the idle time starts now; the screen's printouts go.
     */
    static void newPerson() {
        UI ui = UI.getCurrent();
        SessionIds.renew();
        IdleWatch.find(ui.getSession()).ifPresent(IdleWatch::newPerson);
        ScreenScope.of(ui).end();
    }

    /** Ends the session: nothing personal stays on screen, language and text size go back to the kiosk's default. */
    void signOut() {
        newPerson();
        resetScreen();
    }

    /** The server ended the session (the idle timeout): the same screen as after "log out". */
    void signedOutByServer() {
        ScreenScope.of(UI.getCurrent()).end();
        resetScreen();
        // a round trip, so that the session id is renewed now rather than at the next tap
        getElement().executeJs("if ($0.$server) $0.$server.sessionEnded()", getElement());
    }

    private void resetScreen() {
        countdown.hide();
        KioskSettings settings = shell.settings().get();
        state().signOut(settings.defaultLocale());
        UI ui = UI.getCurrent();
        ui.setLocale(state().locale());
        applyLargeText();
        armIdleTimer();
        ui.navigate("");
        refreshAll();
    }

    /** The page says its screen has not been touched for a while: only a passer-by's screen goes back home. */
    @ClientCallable
    void idle() {
        if (!state().signedIn() && !showsLiveScreen()) {
            // a passer-by walked away: back to the home screen for the next person
            UI.getCurrent().navigate("");
            armIdleTimer();
        }
        // a signed-in person's session is timed by the server, not by what the page says
    }

    /**
     * Whether the screen is one that people watch without touching and that must stay: a screen of an enrolled device
     * other than a staff tablet (a booth, the door's check-in, the projector show their role's screen and nothing
     * personal once signed out), or a plugin screen marked {@value #LIVE_SCREEN} (the meeting's live result).
     */
    private boolean showsLiveScreen() {
        if (state().device().filter(device -> device.role() != DeviceRole.STAFF_TABLET).isPresent()) {
            return true;
        }
        return marked(content.getElement());
    }

    private static boolean marked(com.vaadin.flow.dom.Element element) {
        if (element.getClassList().contains(LIVE_SCREEN)) {
            return true;
        }
        return element.getChildren().anyMatch(MainLayout::marked);
    }

    /** The page was touched where the server hears nothing else (counted as activity, see {@link Activity}). */
    @ClientCallable
    void touched() {
        // the activity is noted by Activity before this runs
    }

    /** The page's answer to {@link #signedOutByServer()}: its request renews the session id. */
    @ClientCallable
    void sessionEnded() {
        // the servlet renewed the id when the request came in (SessionIds.renewIfAsked)
    }

    /** The server's countdown, shown in this window; the server ends the session when it runs out. */
    void showCountdown(long secondsLeft) {
        countdown.show(UI.getCurrent(), secondsLeft);
    }

    void hideCountdown() {
        countdown.hide();
    }

    private void stillHere() {
        IdleWatch.find(UI.getCurrent().getSession()).ifPresent(IdleWatch::activity);
        armIdleTimer();
    }

    private void armIdleTimer() {
        SessionState state = state();
        KioskSettings settings = shell.settings().get();
        Duration timeout = state.staff().isPresent() ? settings.staffIdleTimeout() : settings.residentIdleTimeout();
        // the countdown is part of the timeout: warn when it is about to run out
        long warnAfter = timeout.toMillis() - IdleCountdown.countdownFor(timeout).toMillis();
        getElement().executeJs(IDLE_JS, getElement(), (double) warnAfter);
    }

    private void switchLanguage(Locale locale) {
        state().locale(locale);
        UI.getCurrent().setLocale(state().locale());
        refreshAll();
    }

    private void toggleLargeText() {
        SessionState state = state();
        state.largeText(!state.largeText());
        applyLargeText();
        renderHeader();
    }

    private void applyLargeText() {
        UI.getCurrent().getElement().executeJs(
                "document.documentElement.classList.toggle('kiosk-large', $0)", state().largeText());
    }

    private void refreshAll() {
        renderHeader();
        content.getChildren().forEach(child -> {
            if (child instanceof Refreshable refreshable) {
                refreshable.refresh();
            }
        });
    }

    // bottom right: at the top it would cover home and log-out, in the middle or bottom centre the form buttons
    // of the left-aligned screens
    private void notice(String message) {
        Notification notification = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
        notification.addThemeName("kiosk-notice");
    }

    /** The layout of the UI, for screens that change who is signed in. */
    static Optional<MainLayout> current() {
        UI ui = UI.getCurrent();
        return ui == null ? Optional.empty() : of(ui);
    }

    /** The layout of a UI (none before its first navigation). */
    static Optional<MainLayout> of(UI ui) {
        return ui.getInternals().getActiveRouterTargetsChain().stream()
                .filter(MainLayout.class::isInstance).map(MainLayout.class::cast).findFirst();
    }
}
