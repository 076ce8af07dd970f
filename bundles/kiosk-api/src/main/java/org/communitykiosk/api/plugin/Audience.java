package org.communitykiosk.api.plugin;

/**
 * Who may see a tile or open a view. Each level includes the ones it names: staff see what residents see.
 */
public enum Audience {
    /** Anyone at the kiosk, signed in or not (passers-by). */
    PUBLIC,
    /** A resident who identified with card, QR code or phone and PIN, or staff. */
    RESIDENT,
    /** Staff with role {@code kiosk-staff} or {@code kiosk-admin}. */
    STAFF,
    /** Staff with role {@code kiosk-admin}. */
    ADMIN
}
