package org.communitykiosk.api.resident;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs staff in against the Karaf JAAS realm. Only users with role {@value StaffMember#STAFF_ROLE} or
 * {@value StaffMember#ADMIN_ROLE} are accepted.
 */
@ProviderType
public interface StaffSignIn {

    Optional<StaffMember> signIn(String userName, char[] password);
}
