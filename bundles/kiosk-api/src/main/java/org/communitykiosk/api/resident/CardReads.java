package org.communitykiosk.api.resident;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Card reads as the shell receives them from a card reader or QR scanner, or from anything else that calls the
 * page's card method: the server, not the page, decides. Every read goes through here, whether it signs a resident in
 * or goes to a screen that asked for card taps. Reads are throttled per place (the kiosk's own screen is one place,
 * each enrolled device another): a few unknown cards a minute, then card reading at that place pauses, longer each
 * time. Every card sign-in, unknown card, revoked card and pause is audited, never with the token or anything it could
 * be recovered from.
 */
@ProviderType
public interface CardReads {

    /** The place key of the kiosk's own screen (its browser, reaching the kiosk over loopback). */
    String KIOSK_SCREEN = Identification.KIOSK_SCREEN;

    /** The place key of an enrolled device. */
    static String device(long deviceId) {
        return "device:" + deviceId;
    }

    /**
     * One read.
     *
     * @param typed what the reader typed: a {@link CardToken} or its QR payload, or anything else
     * @param place where: {@link #KIOSK_SCREEN} or {@link #device(long)}
     * @param use whether the read signs a resident in or goes to a screen (which audits what it does with it)
     */
    CardRead read(String typed, String place, Use use);

    /** What a read is for. */
    enum Use {
        /** A resident signs in with the card: audited as a sign-in. */
        SIGN_IN,
        /** A screen asked for card taps (a check-in door, a voting booth, a staff form): the screen acts on it. */
        SCREEN
    }

    /**
     * The outcome of a read.
     *
     * @param resident the card's holder, for {@link Outcome#RESIDENT}
     * @param pause for {@link Outcome#PAUSED}: how long card reading at this place stays paused
     */
    record CardRead(Outcome outcome, Optional<Resident> resident, Duration pause) {

        public enum Outcome {
            /** A valid card: its holder. */
            RESIDENT,
            /** Not a valid card: malformed, nobody's, or revoked (the three look the same to the person reading). */
            UNKNOWN,
            /** Not read at all: card reading at this place is paused after too many unknown cards. */
            PAUSED
        }

        public CardRead {
            Objects.requireNonNull(outcome, "outcome");
            resident = resident == null ? Optional.empty() : resident;
            pause = pause == null ? Duration.ZERO : pause;
        }

        public static CardRead resident(Resident holder) {
            return new CardRead(Outcome.RESIDENT, Optional.of(holder), Duration.ZERO);
        }

        public static CardRead unknown() {
            return new CardRead(Outcome.UNKNOWN, Optional.empty(), Duration.ZERO);
        }

        public static CardRead paused(Duration pause) {
            return new CardRead(Outcome.PAUSED, Optional.empty(), pause);
        }
    }
}
