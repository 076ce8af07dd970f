package org.communitykiosk.api.device;

import java.util.Objects;
import java.util.Optional;

/**
 * What a credential a browser presented is worth: a device, or the reason it is none, so that the enrolment page can
 * tell a revoked device from a forged cookie.
 *
 * @param device the device, present exactly when {@code refusal} is {@code null}
 * @param refusal why the credential does not identify a device, {@code null} when it does
 */
public record CredentialCheck(Device device, Refusal refusal) {

    /** Why a presented credential identifies no device. */
    public enum Refusal {
        /** Not a credential the kiosk gave (malformed, forged, or of a device long deleted). */
        UNKNOWN("device.credential.unknown"),
        /** The device was revoked by an admin. */
        REVOKED("device.credential.revoked"),
        /** The device was not used for {@link DeviceRegistry#IDLE_LIFETIME}. */
        EXPIRED("device.credential.expired");

        private final String problemKey;

        Refusal(String problemKey) {
            this.problemKey = problemKey;
        }

        /** The translation key of the message the device's browser gets. */
        public String problemKey() {
            return problemKey;
        }
    }

    public CredentialCheck {
        if ((device == null) == (refusal == null)) {
            throw new IllegalArgumentException("either a device or a refusal");
        }
    }

    public static CredentialCheck accepted(Device device) {
        return new CredentialCheck(Objects.requireNonNull(device), null);
    }

    public static CredentialCheck refused(Refusal refusal) {
        return new CredentialCheck(null, Objects.requireNonNull(refusal));
    }

    public Optional<Device> accepted() {
        return Optional.ofNullable(device);
    }
}
