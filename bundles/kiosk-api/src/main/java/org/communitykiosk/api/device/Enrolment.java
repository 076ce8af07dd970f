package org.communitykiosk.api.device;

import java.util.Objects;

/**
 * A device just enrolled, with its credential: the random secret the device keeps (as an HttpOnly, Secure cookie) and
 * presents with every request. The kiosk keeps only its hash, so this is the one time it exists outside the device.
 *
 * @param device the new device
 * @param credential the secret, URL-safe Base64 without padding
 */
public record Enrolment(Device device, String credential) {

    public Enrolment {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(credential, "credential");
    }

    @Override
    public String toString() {
        return "Enrolment[" + device + "]";
    }
}
