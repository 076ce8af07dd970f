package org.communitykiosk.api.resident;

import java.time.Instant;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Identifies a resident at the kiosk: by card (keyboard-wedge reader), by QR code (a scanner types its payload
 * {@code KIOSK-CARD:<token>}), or by phone and PIN; and checks a signed-in resident's PIN before an action that moves
 * value or shows health data (step-up). A card or QR code carries a random {@link CardToken}, never the register
 * number: a register number identifies a resident to staff but signs nobody in.
 * <p>
 * PIN rules. Every failed PIN sign-in gets the same answer, whether the phone is unknown, the resident has no PIN, the
 * PIN is wrong or the resident's PIN is locked, and takes the same work (a PIN hash is checked in every case), so the
 * answer tells nobody who lives here. Wrong PINs lock the resident's PIN after 5 failures, for longer each time
 * (15 minutes, 1 hour, 4 hours by default) and finally until staff unlock it ({@link #unlockPin}); a correct PIN
 * clears the count. Each place (the kiosk's own screen, each enrolled device) has a budget of failures: when it is
 * spent, PIN sign-in pauses there for a while, so one person cannot lock the whole register out.
 * <p>
 * A place is a short stable key chosen by the shell for where an attempt is made: {@value #KIOSK_SCREEN} for the
 * kiosk's own screen, another key per enrolled device.
 */
@ProviderType
public interface Identification {

    /** The place key of the kiosk's own screen. */
    String KIOSK_SCREEN = "screen";

    /**
     * Resolves what a card reader or QR scanner typed: the holder of the valid card with that {@link CardToken}.
     * Empty for anything else: a malformed payload, a register number, a token nobody holds or a revoked card's.
     * Neither throttled nor audited: the shell's reads go through {@link CardReads}, and a screen that asked for card
     * taps gets only what the shell let through.
     *
     * @since 2.0 (before: the register number, which signed anyone in who knew it)
     */
    Optional<Resident> byToken(String token);

    /**
     * Checks a phone number and PIN typed at a place. Every attempt is audited (without the phone number or the PIN).
     */
    PinAttempt signInWithPin(String phone, String pin, String place);

    /**
     * Checks the PIN of a signed-in resident before an action (step-up). A wrong PIN counts towards that resident's
     * lockout as a wrong PIN at sign-in does; the place's budget is for sign-in by phone only, where the guesser
     * chooses whom to try. Audited.
     */
    PinCheck checkPin(long residentId, String pin, String place);

    /** The lock on a resident's PIN, if PIN sign-in is locked for them now: for staff at the resident screen. */
    Optional<PinLock> pinLock(long residentId);

    /**
     * Lifts the lock on a resident's PIN and clears the failure count (staff, after checking who the resident is).
     * Audited. Does nothing for a resident whose PIN is not locked.
     *
     * @return whether a lock was lifted
     */
    boolean unlockPin(long residentId, Actor by);

    /**
     * The result of a PIN sign-in attempt.
     *
     * @param outcome signed in; refused (the one answer for every failure); or paused at this place
     * @param resident the resident signed in, only for {@link Outcome#SIGNED_IN}
     * @param pausedUntil when PIN sign-in resumes at this place, only for {@link Outcome#PAUSED}
     */
    record PinAttempt(Outcome outcome, Optional<Resident> resident, Instant pausedUntil) {

        public enum Outcome { SIGNED_IN, REFUSED, PAUSED }

        public boolean succeeded() {
            return outcome == Outcome.SIGNED_IN;
        }
    }

    /**
     * The result of a step-up PIN check.
     *
     * @param outcome confirmed; wrong PIN; locked (now or by this attempt); or the resident has no PIN (nothing to
     *        ask)
     * @param attemptsLeft wrong PINs left before the PIN locks, for {@link Outcome#WRONG}
     * @param lockedUntil the end of the lock for {@link Outcome#LOCKED}; {@code null} when it lasts until staff unlock
     */
    record PinCheck(Outcome outcome, int attemptsLeft, Instant lockedUntil) {

        public enum Outcome { CONFIRMED, WRONG, LOCKED, NO_PIN }
    }

    /**
     * A lock on a resident's PIN.
     *
     * @param failures wrong PINs since the last correct one
     * @param until the end of the lock; {@code null} when it lasts until staff unlock it
     */
    record PinLock(int failures, Instant until) {

        public boolean untilUnlocked() {
            return until == null;
        }
    }
}
