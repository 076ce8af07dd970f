package org.communitykiosk.api.resident;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Identifies a resident at the kiosk: by card (keyboard-wedge reader), by QR code (a scanner types its payload
 * {@code KIOSK-CARD:<card number>}), or by phone and PIN.
 */
@ProviderType
public interface Identification {

    /** Resolves what a card reader or QR scanner typed; empty for an unknown card or a malformed payload. */
    Optional<Resident> byToken(String token);

    /**
     * Checks a phone number and PIN. Five wrong PINs in a row lock PIN sign-in for that resident for 15 minutes.
     * Every attempt is recorded (failures in the audit log without the PIN).
     */
    PinAttempt signInWithPin(String phone, String pin);

    /** The result of a PIN sign-in attempt. */
    record PinAttempt(Outcome outcome, Optional<Resident> resident, int attemptsLeft, java.time.Instant lockedUntil) {

        public enum Outcome { SIGNED_IN, WRONG_PIN, LOCKED, UNKNOWN_PHONE, NO_PIN }

        public boolean succeeded() {
            return outcome == Outcome.SIGNED_IN;
        }
    }
}
