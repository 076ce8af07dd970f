package org.communitykiosk.api.resident;

import java.util.Set;

/**
 * A staff member signed in through the Karaf JAAS realm.
 *
 * @param userName realm user name
 * @param roles realm roles; the kiosk knows {@value #STAFF_ROLE} and {@value #ADMIN_ROLE}
 */
public record StaffMember(String userName, Set<String> roles) {

    public static final String STAFF_ROLE = "kiosk-staff";
    public static final String ADMIN_ROLE = "kiosk-admin";

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }
}
