package org.communitykiosk.ui.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskSession;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.StaffMember;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

/**
 * Who is at the kiosk in one browser session, plus the person's display choices. At most one of resident and staff is
 * signed in. Kept in the Vaadin session; every screen reads it afresh, so signing out leaves nothing behind.
 * Where the session runs (the kiosk's own screen or an enrolled device) is fixed when it is made, from the request
 * that made it ({@link DeviceGate}), and decides which screens it shows ({@link #shows}).
 * Accessed under the Vaadin session lock only.
 */
final class SessionState implements KioskSession, Serializable {

    private static final long serialVersionUID = 1L;

    private final String kioskId;
    /** The enrolled device, {@code null} on the kiosk's own screen. Not serializable: a session is never stored. */
    private final Device device;
    private Resident resident;
    private StaffMember staff;
    private Locale locale;
    private boolean largeText;
    /** When the staff member signed in last entered their password: admin screens ask again when it is too old. */
    private Instant passwordEnteredAt;

    private SessionState(String kioskId, Locale locale, Device device) {
        this.kioskId = kioskId;
        this.locale = locale;
        this.device = device;
    }

    /**
     * The state of the current Vaadin session, created on first use with the kiosk's default language, for the place
     * of the request that makes it.
     *
     * @throws IllegalStateException if there is no state yet and no request that came through the gate to tell the
     *         place: a session that does not know where it runs shows nothing
     */
    static SessionState of(VaadinSession session, String kioskId, Locale defaultLocale) {
        SessionState state = session.getAttribute(SessionState.class);
        if (state == null) {
            state = new SessionState(kioskId, Translations.supported(defaultLocale), placeOf(VaadinRequest.getCurrent()));
            session.setAttribute(SessionState.class, state);
        }
        return state;
    }

    /** Makes the state of a new Vaadin session for the place of the request that made it. */
    static SessionState create(VaadinSession session, String kioskId, Locale defaultLocale, VaadinRequest request) {
        SessionState state = new SessionState(kioskId, Translations.supported(defaultLocale), placeOf(request));
        session.setAttribute(SessionState.class, state);
        return state;
    }

    private static Device placeOf(VaadinRequest request) {
        if (request != null && request.getAttribute(DeviceGate.DEVICE) instanceof Device from) {
            return from;
        }
        if (request != null && Boolean.TRUE.equals(request.getAttribute(DeviceGate.SCREEN))) {
            return null;
        }
        throw new IllegalStateException("a kiosk session is made by a request that came through the device gate");
    }

    @Override
    public Optional<Resident> resident() {
        return Optional.ofNullable(resident);
    }

    @Override
    public Optional<StaffMember> staff() {
        return Optional.ofNullable(staff);
    }

    @Override
    public boolean permits(Audience audience) {
        return switch (audience) {
            case PUBLIC -> true;
            case RESIDENT -> resident != null || staff != null;
            case STAFF -> staff != null;
            case ADMIN -> staff != null && staff.isAdmin();
        };
    }

    @Override
    public Actor actor() {
        if (staff != null) {
            return Actor.staff(staff.userName());
        }
        if (resident != null) {
            return Actor.resident(resident.id());
        }
        return device != null ? device.actor() : new Actor(Actor.Kind.KIOSK, kioskId);
    }

    @Override
    public Optional<Device> device() {
        return Optional.ofNullable(device);
    }

    /** Whether this place may show the view: the kiosk's own screen shows every view, a device those of its role. */
    boolean shows(PluginView view) {
        return device == null || view.shownOn(device.role());
    }

    /** Whether this place offers the staff sign-in: the kiosk's own screen and staff tablets. */
    boolean offersStaffSignIn() {
        return device == null || device.role() == org.communitykiosk.api.device.DeviceRole.STAFF_TABLET;
    }

    /** Whether residents sign in here (card, QR, phone and PIN): on the kiosk's own screen only. */
    boolean offersResidentSignIn() {
        return device == null;
    }

    boolean signedIn() {
        return resident != null || staff != null;
    }

    void signIn(Resident who) {
        staff = null;
        resident = who;
    }

    void signIn(StaffMember who, Instant passwordEnteredAt) {
        resident = null;
        staff = who;
        this.passwordEnteredAt = passwordEnteredAt;
    }

    /** The staff member entered their password again (roles read afresh with it). */
    void passwordEntered(StaffMember who, Instant at) {
        if (staff != null && staff.userName().equals(who.userName())) {
            staff = who;
            passwordEnteredAt = at;
        }
    }

    /** Whether a staff member is signed in whose password was entered at most {@code maxAge} before {@code now}. */
    boolean passwordFresh(Duration maxAge, Instant now) {
        return staff != null && passwordEnteredAt != null && !passwordEnteredAt.plus(maxAge).isBefore(now);
    }

    /** Where this session is, as the key that sign-in throttles, PIN budgets and card reads count under. */
    String place() {
        return DeviceGate.place(device);
    }

    /** Forgets the person and their display choices, ready for the next one. */
    void signOut(Locale defaultLocale) {
        resident = null;
        staff = null;
        passwordEnteredAt = null;
        largeText = false;
        locale = Translations.supported(defaultLocale);
    }

    Locale locale() {
        return locale;
    }

    void locale(Locale locale) {
        this.locale = Translations.supported(locale);
    }

    boolean largeText() {
        return largeText;
    }

    void largeText(boolean largeText) {
        this.largeText = largeText;
    }
}
