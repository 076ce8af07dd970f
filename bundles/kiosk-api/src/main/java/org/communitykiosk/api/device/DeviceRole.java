package org.communitykiosk.api.device;

import java.util.Locale;
import java.util.Optional;

/**
 * What an enrolled device is for; it decides which screens the device may show. The kiosk's own screen has no role:
 * it shows every screen.
 */
public enum DeviceRole {
    /** A voting booth (a tablet or PC at a meeting): the ballot screen. */
    BOOTH,
    /** The projector's PC at a meeting: the live screen, nothing to touch. */
    PROJECTOR,
    /** The check-in tablet at a meeting room's door. */
    DOOR,
    /** A tablet staff carry: the staff sign-in and the staff and admin screens. */
    STAFF_TABLET;

    /** The role written as in settings and the shell: {@code booth}, {@code staff-tablet}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The role of an id as {@link #id()} writes it (or the constant's own name), if it is one. */
    public static Optional<DeviceRole> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String name = id.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DeviceRole role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
