package org.communitykiosk.api.plugin;

import java.util.Objects;
import java.util.Set;

import org.communitykiosk.api.device.DeviceRole;

/**
 * One screen of a plugin, reached at {@code /<plugin id>/<path>} (the empty path is the plugin's start screen).
 * The shell checks the audience (and, on an enrolled device, the device's role) before it calls the factory, whether
 * the screen is reached by a tile or by a typed URL, and shows an error card instead of the screen if the factory
 * throws.
 *
 * @param path sub-path below the plugin id, without slashes at either end; may be empty
 * @param audience who may open it
 * @param factory builds the screen, once per visit
 * @param devices the roles of enrolled devices that may show it (the kiosk's own screen shows every view). A
 *        {@link DeviceRole#STAFF_TABLET staff tablet} also shows every {@link Audience#STAFF} and
 *        {@link Audience#ADMIN} view. Empty: the kiosk's own screen only.
 * @since 1.2
 */
public record PluginView(String path, Audience audience, ViewFactory factory, Set<DeviceRole> devices) {

    public PluginView {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(factory, "factory");
        devices = Set.copyOf(devices);
        if (path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("path without leading or trailing slash: " + path);
        }
    }

    /** A view for the kiosk's own screen only (and staff tablets, for a staff or admin view). */
    public PluginView(String path, Audience audience, ViewFactory factory) {
        this(path, audience, factory, Set.of());
    }

    /** A view that enrolled devices of these roles show too. */
    public PluginView(String path, Audience audience, ViewFactory factory, DeviceRole first, DeviceRole... more) {
        this(path, audience, factory, roles(first, more));
    }

    private static Set<DeviceRole> roles(DeviceRole first, DeviceRole... more) {
        java.util.EnumSet<DeviceRole> roles = java.util.EnumSet.of(first, more);
        return roles;
    }

    /** Whether an enrolled device of this role may show the view. */
    public boolean shownOn(DeviceRole role) {
        Objects.requireNonNull(role, "role");
        return devices.contains(role)
                || role == DeviceRole.STAFF_TABLET && (audience == Audience.STAFF || audience == Audience.ADMIN);
    }
}
