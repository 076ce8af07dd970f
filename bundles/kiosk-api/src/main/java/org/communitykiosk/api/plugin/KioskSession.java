package org.communitykiosk.api.plugin;

import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.device.Device;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.StaffMember;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who is at the kiosk in one browser session: nobody, a resident, or a staff member. Personal data must only be
 * shown while {@link #resident()} is present and must be read again on each screen: the session ends on idle timeout
 * or "Log out".
 */
@ProviderType
public interface KioskSession {

    Optional<Resident> resident();

    Optional<StaffMember> staff();

    /** May this session see something meant for the audience? */
    boolean permits(Audience audience);

    /** The actor recorded for writes made in this session (the kiosk itself when nobody is signed in). */
    Actor actor();

    /**
     * Where this session runs: empty on the kiosk's own screen (its browser, over loopback), the enrolled device
     * otherwise (over TLS on the device connector). Fixed for the session's life. Whatever is limited per place (card
     * reads, failed sign-ins) counts the kiosk's screen as one place and each device as another.
     *
     * @since 1.2
     */
    Optional<Device> device();
}
