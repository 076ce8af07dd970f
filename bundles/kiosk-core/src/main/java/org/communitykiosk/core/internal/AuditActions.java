package org.communitykiosk.core.internal;

/** Audit action names written by core. Not translation keys: they are stable identifiers for the audit view. */
public final class AuditActions {

    public static final String RESIDENT_CREATE = "resident.create";
    public static final String RESIDENT_UPDATE = "resident.update";
    public static final String RESIDENT_IMPORT = "resident.import";
    public static final String DEMO_REMOVE = "resident.demo.remove";
    /** A card issued (subject the resident, detail the card's id, never its token). */
    public static final String CARD_ISSUE = "resident.card.issue";
    public static final String CARD_REVOKE = "resident.card.revoke";
    public static final String CARD_SIGNED_IN = "identity.card.signin";
    /** A card read that is no valid card: malformed, a register number, or a token nobody holds. */
    public static final String CARD_UNKNOWN = "identity.card.unknown";
    /** A revoked card read (subject its former holder): a lost card being tried, or an old card still in use. */
    public static final String CARD_REVOKED_READ = "identity.card.revoked";
    /** Card reading paused at a place after too many unknown cards (one entry per pause). */
    public static final String CARD_THROTTLED = "identity.card.throttled";
    public static final String PIN_SIGNED_IN = "identity.pin.signin";
    public static final String PIN_FAILED = "identity.pin.failed";
    public static final String PIN_LOCKED = "identity.pin.locked";
    public static final String PIN_UNKNOWN_PHONE = "identity.pin.unknownPhone";
    /** A place spent its budget of PIN failures: PIN sign-in pauses there. */
    public static final String PIN_PAUSED = "identity.pin.paused";
    public static final String PIN_STEP_UP = "identity.pin.stepup";
    public static final String PIN_STEP_UP_FAILED = "identity.pin.stepup.failed";
    public static final String PIN_UNLOCKED = "identity.pin.unlocked";
    public static final String STAFF_SIGN_IN = "staff.signin";
    /** Recorded without the user name typed: it is often a password typed into the wrong field. */
    public static final String STAFF_SIGN_IN_FAILED = "staff.signin.failed";
    /** A failure started a wait, for a user name (not named) or a place. */
    public static final String STAFF_SIGN_IN_THROTTLED = "staff.signin.throttled";
    public static final String STAFF_SHIPPED_PASSWORD = "staff.signin.shippedPassword";
    public static final String STAFF_REAUTH = "staff.reauth";
    public static final String STAFF_REAUTH_FAILED = "staff.reauth.failed";
    public static final String STAFF_PASSWORD_REHASHED = "staff.password.rehashed";
    /**
     * A password published in the README tried at the technician shell of a kiosk in service, refused before any
     * account was looked at; recorded without the user name, which nothing checked.
     */
    public static final String SHELL_SHIPPED_PASSWORD = "staff.shell.shippedPassword";
    /** A wrong password at the technician shell; without the user name typed, as at the screen. */
    public static final String SHELL_SIGN_IN_FAILED = "staff.shell.failed";

    private AuditActions() {
    }
}
