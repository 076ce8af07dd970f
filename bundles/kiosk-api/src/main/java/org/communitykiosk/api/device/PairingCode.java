package org.communitykiosk.api.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time code an admin made for one device, to be typed (or scanned) on that device's enrolment page. The kiosk
 * keeps only its hash: this record, with the code itself, exists once, to be shown.
 *
 * @param code {@value DeviceRegistry#CODE_DIGITS} digits
 * @param deviceName the name the device will have
 * @param role the role the device will have
 * @param createdAt when it was made, by the kiosk's clock
 * @param expiresAt {@link DeviceRegistry#CODE_LIFETIME} later: valid only between the two, as the kiosk's clock reads
 */
public record PairingCode(String code, String deviceName, DeviceRole role, Instant createdAt, Instant expiresAt) {

    public PairingCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The code as people read it aloud and type it: two groups of four digits. */
    public String grouped() {
        int half = code.length() / 2;
        return code.substring(0, half) + " " + code.substring(half);
    }

    @Override
    public String toString() {
        // the code itself stays out of logs
        return "PairingCode[" + deviceName + ", " + role + ", until " + expiresAt + "]";
    }
}
