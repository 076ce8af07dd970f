package org.communitykiosk.api.plugin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A screen's request that the session is not ended for being idle, for a bounded time: for a resident told to sit
 * still (a blood-pressure rest). The session's idle time starts again when the lease ends. A lease ends when its holder
 * closes it, and at the latest when the platform ends it: when the screen that took it is left or drawn anew, at
 * sign-out, and when the kiosk's maximum ({@code keepAwakeMaxMinutes}, default 10 minutes) has passed since it was
 * taken. A screen closes its lease on every change of its state that no longer needs it (a device error, a repeat
 * request, a monitor that does not answer, the result).
 *
 * @since 1.2
 */
@ProviderType
public interface AwakeLease extends AutoCloseable {

    /** Ends the lease; closing an ended lease does nothing. */
    @Override
    void close();

    /** Whether the lease still keeps the session awake: neither closed nor ended by the platform. */
    boolean active();
}
