package org.communitykiosk.api.device;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kiosk's enrolled devices and the pairing codes that enrol them. Every write is one transaction with its audit
 * entry. Bad input (a malformed, unknown, used or expired code, a name that is too long) is refused with an
 * {@link org.communitykiosk.api.InvalidInputException} whose problem keys are translated in the platform's texts, and
 * changes nothing.
 */
@ProviderType
public interface DeviceRegistry {

    /** How long a pairing code is valid after it was made. */
    Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** Digits of a pairing code. */
    int CODE_DIGITS = 8;

    /**
     * A device unseen this long must enrol again: browsers keep a cookie at most 400 days (Chromium's cap), and a
     * device that comes back after that has lost its credential anyway.
     */
    Duration IDLE_LIFETIME = Duration.ofDays(400);

    /** Longest device name. */
    int NAME_MAX = 60;

    /**
     * A new one-time code for a device of this name and role, valid for {@link #CODE_LIFETIME}.
     *
     * @throws org.communitykiosk.api.InvalidInputException for an empty or too long name
     */
    PairingCode createPairingCode(String name, DeviceRole role, Actor by);

    /**
     * Enrols the device that typed this code: the code is used up and the device gets its credential.
     *
     * @param code as typed: digits, spaces and hyphens between them are ignored
     * @throws org.communitykiosk.api.InvalidInputException with key {@code device.code.malformed},
     *         {@code device.code.unknown}, {@code device.code.used}, {@code device.code.expired} or
     *         {@code device.code.notYetValid} (the kiosk's clock reads a time before the code was made)
     */
    Enrolment enrol(String code);

    /** The device of this credential, if it is enrolled and not revoked or expired; notes that it was seen. */
    default Optional<Device> authenticate(String credential) {
        return check(credential).accepted();
    }

    /** As {@link #authenticate}, saying why a credential identifies no device. */
    CredentialCheck check(String credential);

    /** Every device ever enrolled, revoked ones too, newest first. */
    List<Device> devices();

    /** A device by id, revoked or not. */
    Optional<Device> device(long deviceId);

    /**
     * Revokes a device: its credential is refused from its next request, and {@link DeviceListener}s are told, so
     * that its open sessions end. Revoking a revoked device changes nothing.
     *
     * @throws org.communitykiosk.api.InvalidInputException {@code device.notFound} for an unknown id
     */
    void revoke(long deviceId, Actor by);
}
