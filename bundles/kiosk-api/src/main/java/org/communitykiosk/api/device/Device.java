package org.communitykiosk.api.device;

import java.time.Instant;
import java.util.Objects;

import org.communitykiosk.api.Actor;

/**
 * An enrolled device, as an admin sees it in the list. Its credential is not part of it: the kiosk keeps only a hash.
 *
 * @param id stable id, also in the audit log as {@code device:<id>}
 * @param name what the admin called it ("Booth 1", "Door tablet")
 * @param role what it may show
 * @param enrolledAt when its pairing code was used
 * @param lastSeenAt when it last made a request (kept to the minute), {@code null} before its first
 * @param revokedAt when an admin revoked it, {@code null} while it is enrolled
 */
public record Device(long id, String name, DeviceRole role, Instant enrolledAt, Instant lastSeenAt,
        Instant revokedAt) {

    public Device {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The actor recorded for what happens on this device while nobody is signed in on it: {@code kiosk:device:<id>}. */
    public Actor actor() {
        return new Actor(Actor.Kind.KIOSK, "device:" + id);
    }
}
