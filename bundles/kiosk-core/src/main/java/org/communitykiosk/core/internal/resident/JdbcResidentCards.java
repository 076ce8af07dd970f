package org.communitykiosk.core.internal.resident;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.ResidentCards;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.StoreException;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.AuditActions;
import org.communitykiosk.core.internal.CoreSchema;
import org.communitykiosk.core.internal.MessageKeys;
import org.communitykiosk.core.internal.store.SqlStates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Resident cards in {@code kiosk_card}. A new token is 20 digits from {@link SecureRandom} and a check digit; the
 * resident's row is locked first, so that two kiosks issuing at once take turns and one valid card remains.
 */
@Component(service = ResidentCards.class)
public final class JdbcResidentCards implements ResidentCards {

    /** Draws of a fresh token when the one drawn was used before: with 10^20 tokens, one draw in practice. */
    private static final int DRAWS = 5;

    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomGenerator random;

    @Activate
    public JdbcResidentCards(
            // the directory migrates the core tables (kiosk_card among them) before this component activates
            @Reference(name = "residents") ResidentDirectory residents,
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "clock") Clock clock) {
        this(transactions, audit, clock, new SecureRandom());
    }

    /** For tests: tokens from the given source of randomness. */
    JdbcResidentCards(Transactions transactions, AuditLog audit, Clock clock, RandomGenerator random) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public IssuedCard issue(long residentId, Actor by) {
        Objects.requireNonNull(by, "by");
        for (int draw = 0; draw < DRAWS; draw++) {
            CardToken token = newToken();
            try {
                return issue(residentId, token, by, AuditActions.CARD_ISSUE);
            } catch (TokenTaken taken) {
                // drawn before (or by a concurrent kiosk): draw again
            }
        }
        throw new IllegalStateException("no unused card token in " + DRAWS + " draws: is the random source broken?");
    }

    /**
     * Issues a card with a given token: for the demo community's published tokens and imported cards. The caller's
     * transaction is joined.
     *
     * @throws TokenTaken when a card ever had that token
     */
    IssuedCard issue(long residentId, CardToken token, Actor by, String auditAction) {
        String hash = CardRows.hash(token);
        try {
            return transactions.required(c -> {
                if (!CardRows.lockResident(c, residentId)) {
                    throw InvalidInputException.of(null, MessageKeys.RESIDENT_NOT_FOUND, residentId);
                }
                if (CardRows.used(c, hash)) {
                    throw new TokenTaken();
                }
                Instant now = clock.instant();
                int revoked = CardRows.revoke(c, residentId, now, by);
                Card card = CardRows.insert(c, residentId, hash, now, by);
                audit.record(by, auditAction, "resident:" + residentId,
                        "card:" + card.id() + (revoked > 0 ? ", previous card revoked" : ""));
                return new IssuedCard(card, token);
            });
        } catch (StoreException e) {
            // a concurrent kiosk stored the same hash between the check and the insert
            if (SqlStates.violates(e, CoreSchema.CARD_TOKEN_CONSTRAINT)) {
                throw new TokenTaken();
            }
            throw e;
        }
    }

    @Override
    public Optional<Card> current(long residentId) {
        return transactions.required(c -> CardRows.current(c, residentId));
    }

    @Override
    public boolean revoke(long residentId, Actor by) {
        Objects.requireNonNull(by, "by");
        return transactions.required(c -> {
            int revoked = CardRows.revoke(c, residentId, clock.instant(), by);
            if (revoked > 0) {
                audit.record(by, AuditActions.CARD_REVOKE, "resident:" + residentId, null);
            }
            return revoked > 0;
        });
    }

    private CardToken newToken() {
        StringBuilder body = new StringBuilder(CardToken.RANDOM_DIGITS);
        for (int i = 0; i < CardToken.RANDOM_DIGITS; i++) {
            body.append((char) ('0' + random.nextInt(10)));
        }
        return CardToken.withCheckDigit(body.toString());
    }

    /** A card had this token before: it is never given out again. */
    static final class TokenTaken extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TokenTaken() {
            super(null, null, false, false);
        }
    }
}
