package org.communitykiosk.api;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What makes this kiosk this kiosk: read from {@code etc/org.communitykiosk.kiosk.cfg}. A changed configuration
 * changes the values of the same service object, live: hold the service, not copies of its values.
 */
@ProviderType
public interface KioskSettings {

    /** Stable id of this kiosk, recorded in the audit log. */
    String kioskId();

    /** Kiosk name shown in the top bar (for example "Health bar" or "Meeting room 1"). */
    String kioskName();

    /** Name of the community this kiosk serves. */
    String communityName();

    /** Language a new session starts in. */
    Locale defaultLocale();

    /** The community's time zone; dates shown and entered at the kiosk are in this zone. */
    ZoneId zone();

    /** Idle time after which a resident session shows the countdown and then ends. */
    Duration residentIdleTimeout();

    /** Idle time after which a staff session ends. */
    Duration staffIdleTimeout();

    /** Whether an empty database is filled with a clearly marked demo community. */
    boolean demoData();

    /** Plugin ids in the order their tiles appear; plugins not listed follow in their own order. */
    List<String> tileOrder();

    /** Plugin ids installed but not shown on this kiosk, and refused when their address is typed in. */
    List<String> hiddenPlugins();

    /**
     * The longest a screen may keep a session awake ({@link org.communitykiosk.api.plugin.AwakeLease}) before the
     * idle timeout applies again.
     *
     * @since 1.1
     */
    Duration keepAwakeMax();

    /**
     * Folders under which staff may choose a mounted removable medium (a USB stick) for exports of personal and health
     * data; only a folder that is a mount point of its own under one of these counts, never the kiosk's own disk.
     *
     * @since 1.1
     */
    List<String> exportRoots();

    /**
     * The actions ({@link org.communitykiosk.api.plugin.PinAction} ids) that ask a resident who has a PIN to enter it
     * first.
     *
     * @since 1.1
     */
    Set<String> pinRequiredFor();
}
