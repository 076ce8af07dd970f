package org.communitykiosk.ui.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskSession;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.StaffMember;

import com.vaadin.flow.server.VaadinSession;

/**
 * Who is at the kiosk in one browser session, plus the person's display choices. At most one of resident and staff is
 * signed in. Kept in the Vaadin session; every screen reads it afresh, so signing out leaves nothing behind.
 * Accessed under the Vaadin session lock only.
 */
final class SessionState implements KioskSession, Serializable {

    private static final long serialVersionUID = 1L;

    private final String kioskId;
    private Resident resident;
    private StaffMember staff;
    private Locale locale;
    private boolean largeText;
    /** When the staff member signed in last entered their password: admin screens ask again when it is too old. */
    private Instant passwordEnteredAt;

    private SessionState(String kioskId, Locale locale) {
        this.kioskId = kioskId;
        this.locale = locale;
    }

    /** The state of the current Vaadin session, created on first use with the kiosk's default language. */
    static SessionState of(VaadinSession session, String kioskId, Locale defaultLocale) {
        SessionState state = session.getAttribute(SessionState.class);
        if (state == null) {
            state = new SessionState(kioskId, Translations.supported(defaultLocale));
            session.setAttribute(SessionState.class, state);
        }
        return state;
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
        return new Actor(Actor.Kind.KIOSK, kioskId);
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

    /**
     * Where this session is, as the key that sign-in throttles and PIN budgets count under. Every session is on the
     * kiosk's own screen until enrolled devices exist (issue 16, part "net": {@code KioskSession.device()}); then a
     * device's sessions count under {@code "device:" + id} and the screen's under
     * {@link Identification#KIOSK_SCREEN}.
     */
    String place() {
        return Identification.KIOSK_SCREEN;
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
