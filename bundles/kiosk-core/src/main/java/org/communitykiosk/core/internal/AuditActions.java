package org.communitykiosk.core.internal;

/** Audit action names written by core. Not translation keys: they are stable identifiers for the audit view. */
public final class AuditActions {

    public static final String RESIDENT_CREATE = "resident.create";
    public static final String RESIDENT_UPDATE = "resident.update";
    public static final String RESIDENT_IMPORT = "resident.import";
    public static final String DEMO_REMOVE = "resident.demo.remove";
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

    private AuditActions() {
    }
}
