package org.communitykiosk.core.internal.staff;

import java.util.Set;

/**
 * The passwords of kiosk-config's {@code etc/users.properties}, which every kiosk ships with and the README
 * publishes (a test checks that they are the ones shipped). A kiosk in service ({@code demoData = false}) refuses
 * them wherever staff sign in: on its screen ({@link JaasStaffSignIn}) and in the technician shell
 * ({@link TechnicianShellRealm}).
 */
final class ShippedPasswords {

    static final Set<String> ALL = Set.of("staff2026", "admin2026");

    private ShippedPasswords() {
    }

    static boolean contains(char[] password) {
        if (password == null) {
            return false;
        }
        return ALL.contains(new String(password));
    }
}
