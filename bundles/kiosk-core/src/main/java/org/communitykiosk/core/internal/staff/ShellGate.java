package org.communitykiosk.core.internal.staff;

import javax.security.auth.login.FailedLoginException;

/**
 * What the technician shell's login module ({@link ShellGateLoginModule}) asks of the realm that put it there
 * ({@link TechnicianShellRealm}). An interface so that the module is tested without a kiosk behind it.
 */
interface ShellGate {

    /**
     * Refuses a password that must not open the shell of this kiosk whoever types it, before any account is looked
     * at; returns when the realm's other login modules may check it.
     */
    void check(char[] password) throws FailedLoginException;

    /** A password that went past {@link #check} and that the realm's other login modules refused. */
    void refused();
}
