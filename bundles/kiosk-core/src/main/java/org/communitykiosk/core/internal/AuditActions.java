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
    public static final String STAFF_SIGN_IN = "staff.signin";
    public static final String STAFF_SIGN_IN_FAILED = "staff.signin.failed";

    private AuditActions() {
    }
}
