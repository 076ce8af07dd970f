package org.communitykiosk.api.resident;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs staff in against the Karaf JAAS realm. Only users with role {@value StaffMember#STAFF_ROLE} or
 * {@value StaffMember#ADMIN_ROLE} are accepted.
 * <p>
 * Failed attempts are throttled with a growing back-off per user name and per place (the kiosk's own screen
 * {@value Identification#KIOSK_SCREEN}, or an enrolled device), kept in the database so that a restart does not reset
 * it; while a user name or place waits, no password is checked. Failures are audited without the user name typed (it
 * is often a password typed into the wrong field). On a kiosk in service (no demo data), the passwords the kiosk ships
 * with are refused.
 */
@ProviderType
public interface StaffSignIn {

    /** Signs a member of staff in at a place. */
    StaffAttempt signIn(String userName, char[] password, String place);

    /**
     * Checks the password of a member of staff who is signed in, before an admin screen (re-authentication); throttled
     * and audited like a sign-in.
     */
    StaffAttempt confirmPassword(StaffMember who, char[] password, String place);

    /** How long a password entry counts for the admin screens; after that they ask for the password again. */
    Duration passwordMaxAge();

    /**
     * The result of a staff sign-in or password check.
     *
     * @param outcome signed in (or confirmed); refused; throttled (nothing was checked); or refused because the
     *        password is the one the kiosk ships with and the kiosk is in service
     * @param staff the member of staff, only for {@link Outcome#SIGNED_IN}
     * @param retryAfter how long the user name or place must wait before the next attempt is checked: set for
     *        {@link Outcome#THROTTLED}, and for {@link Outcome#REFUSED} when this failure started a wait; otherwise zero
     */
    record StaffAttempt(Outcome outcome, Optional<StaffMember> staff, Duration retryAfter) {

        public enum Outcome { SIGNED_IN, REFUSED, THROTTLED, SHIPPED_PASSWORD }

        public StaffAttempt {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public boolean succeeded() {
            return outcome == Outcome.SIGNED_IN;
        }
    }
}
