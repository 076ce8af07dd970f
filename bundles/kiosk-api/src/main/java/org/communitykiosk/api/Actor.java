package org.communitykiosk.api;

import java.util.Objects;

/**
 * Who performs a write: a staff member, a resident at the kiosk, the kiosk itself (scheduled work) or the system
 * (migrations, demo data). Recorded in the audit log with every write.
 *
 * @param kind what sort of actor
 * @param id stable identifier: staff user name, resident id, kiosk id or a system component name
 */
public record Actor(Kind kind, String id) {

    public enum Kind { STAFF, RESIDENT, KIOSK, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Actor staff(String userName) {
        return new Actor(Kind.STAFF, userName);
    }

    public static Actor resident(long residentId) {
        return new Actor(Kind.RESIDENT, Long.toString(residentId));
    }

    public static Actor system(String component) {
        return new Actor(Kind.SYSTEM, component);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
