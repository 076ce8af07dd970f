package org.communitykiosk.api.erasure;

import org.communitykiosk.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The demo community (residents with published cards and PIN 1234, see the README): marked as such in the register,
 * shown by a banner on every screen while any of them is there, and removed, with everything the plugins stored for
 * them ({@link ResidentErasure}), when the kiosk's {@code demoData} setting is turned off or, after staff confirm it, at
 * the first import of real residents.
 *
 * @since 1.0
 */
@ProviderType
public interface DemoResidents {

    /** How many demo residents the register holds. */
    int count();

    /**
     * Removes every demo resident and what every registered {@link ResidentErasure} keeps about them, in one
     * transaction (joining the caller's, if any), with one audit entry.
     *
     * @return how many demo residents were removed
     */
    int remove(Actor by);
}
