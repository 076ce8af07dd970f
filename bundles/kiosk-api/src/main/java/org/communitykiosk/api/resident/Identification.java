package org.communitykiosk.api.resident;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Identifies a resident at the kiosk: by card (keyboard-wedge reader), by QR code (a scanner types its payload
 * {@code KIOSK-CARD:<token>}), or by phone and PIN. A card or QR code carries a random {@link CardToken}, never the
 * register number: a register number identifies a resident to staff but signs nobody in.
 */
@ProviderType
public interface Identification {

    /**
     * Resolves what a card reader or QR scanner typed: the holder of the valid card with that {@link CardToken}.
     * Empty for anything else: a malformed payload, a register number, a token nobody holds or a revoked card's.
     * Neither throttled nor audited: the shell's reads go through {@link CardReads}, and a screen that asked for card
     * taps gets only what the shell let through.
     *
     * @since 1.1 (before: the register number, which signed anyone in who knew it)
     */
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
