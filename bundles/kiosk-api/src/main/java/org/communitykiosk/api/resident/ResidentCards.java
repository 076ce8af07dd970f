package org.communitykiosk.api.resident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Resident cards: a resident has at most one valid card at a time, carrying a random {@link CardToken}. The kiosk
 * keeps a hash of each token with its issue time, who issued it and when it was revoked; the token itself exists only
 * on the card and in the one answer of {@link #issue}. Every write is one transaction with its audit entry, which
 * never holds the token.
 */
@ProviderType
public interface ResidentCards {

    /**
     * A new card for the resident, with a new random token: the resident's card before it stops signing in at once.
     *
     * @return the new card and its token: show it to staff once (digits, QR code, printout), never store or log it
     * @throws InvalidInputException {@code resident.notFound} for a resident not (or no longer) in the register
     */
    IssuedCard issue(long residentId, Actor by);

    /** The resident's valid card, if any, without its token (the kiosk does not have it). */
    Optional<Card> current(long residentId);

    /** Revokes the resident's valid card (a lost card); {@code true} when there was one. */
    boolean revoke(long residentId, Actor by);

    /**
     * A card as the register knows it.
     *
     * @param id the card's own id (audit entries name it, never the token)
     * @param issuedBy who issued it: staff, the system for the demo community, or an import
     */
    record Card(long id, long residentId, Instant issuedAt, Actor issuedBy) {

        public Card {
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(issuedBy, "issuedBy");
        }
    }

    /** A card just issued, with its token in clear: the only time the kiosk hands a token out. */
    record IssuedCard(Card card, CardToken token) {

        public IssuedCard {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "IssuedCard[card=" + card.id() + "]";
        }
    }
}
