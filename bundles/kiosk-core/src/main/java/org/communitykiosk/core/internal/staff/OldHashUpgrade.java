package org.communitykiosk.core.internal.staff;

/**
 * Replaces a staff password hash of the scheme the kiosk used before (unsalted SHA-256) with the realm's current
 * one, when the password typed matches it. An account is migrated at its first sign-in after the upgrade: the
 * password is needed to hash it anew, and only a sign-in has it.
 */
@FunctionalInterface
interface OldHashUpgrade {

    /** Does nothing for anything but a matching hash of the old scheme. */
    boolean upgrade(String realm, String user, char[] password);
}
