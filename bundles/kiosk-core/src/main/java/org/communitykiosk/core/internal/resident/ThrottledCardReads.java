package org.communitykiosk.core.internal.resident;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.CardReads;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.AuditActions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card reads, throttled per place ({@link CardThrottle}) and audited. A read at a paused place is refused before
 * anything else: no parsing, no query, no audit entry (the pause itself has one), so that a flood of guesses costs the
 * kiosk next to nothing. A read that is looked up costs one indexed query and, for a sign-in or an unknown card, one
 * audit entry, in one transaction. Audit entries and log lines name the place, the resident and the card's form
 * ("token": well formed but nobody's; "other": anything else, a register number among them), never what was typed.
 */
@Component(service = CardReads.class, configurationPid = ThrottledCardReads.PID)
@Designate(ocd = CardReadsConfig.class)
public final class ThrottledCardReads implements CardReads {

    public static final String PID = "org.communitykiosk.cards";

    private static final Logger LOG = LoggerFactory.getLogger(ThrottledCardReads.class);

    private final Transactions transactions;
    private final AuditLog audit;
    private final KioskSettings settings;
    private final CardThrottle throttle;

    @Activate
    public ThrottledCardReads(CardReadsConfig config,
            // the directory migrates the core tables before this component activates
            @Reference(name = "residents") ResidentDirectory residents,
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "settings") KioskSettings settings) {
        this(transactions, audit, settings, new CardThrottle(policy(config), System::nanoTime));
    }

    /** For tests: a throttle on a clock of the test's. */
    ThrottledCardReads(Transactions transactions, AuditLog audit, KioskSettings settings, CardThrottle throttle) {
        this.transactions = transactions;
        this.audit = audit;
        this.settings = settings;
        this.throttle = throttle;
    }

    @Modified
    void modified(CardReadsConfig config) {
        throttle.policy(policy(config));
    }

    static CardThrottle.Policy policy(CardReadsConfig config) {
        // at most 1000 a minute: the throttle keeps the times of the last allowance's worth of unknown cards
        return new CardThrottle.Policy(Math.max(1, Math.min(1000, config.unknownCardsPerMinute())),
                Duration.ofMinutes(1),
                Duration.ofSeconds(Math.max(1, config.firstPauseSeconds())),
                Duration.ofMinutes(Math.max(1, config.longestPauseMinutes())),
                Duration.ofMinutes(Math.max(0, config.forgiveAfterMinutes())));
    }

    @Override
    public CardRead read(String typed, String place, Use use) {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(use, "use");
        Duration paused = throttle.pausedFor(place);
        if (!paused.isZero()) {
            return CardRead.paused(paused);
        }
        Optional<CardToken> token = CardToken.parse(typed);
        Actor kiosk = new Actor(Actor.Kind.KIOSK, settings.kioskId());
        CardRows.Lookup found = transactions.required(c -> {
            CardRows.Lookup lookup = token.isEmpty() ? CardRows.Lookup.NONE
                    : CardRows.lookup(c, CardRows.hash(token.get()));
            if (lookup.holder().isPresent()) {
                if (use == Use.SIGN_IN) {
                    Resident holder = lookup.holder().get();
                    audit.record(Actor.resident(holder.id()), AuditActions.CARD_SIGNED_IN, "resident:" + holder.id(),
                            "place=" + place);
                }
            } else if (lookup.revokedFrom().isPresent()) {
                audit.record(kiosk, AuditActions.CARD_REVOKED_READ, "resident:" + lookup.revokedFrom().get(),
                        "place=" + place);
            } else {
                audit.record(kiosk, AuditActions.CARD_UNKNOWN, null,
                        "place=" + place + ", form=" + (token.isPresent() ? "token" : "other"));
            }
            return lookup;
        });
        if (found.holder().isPresent()) {
            return CardRead.resident(found.holder().get());
        }
        Duration pause = throttle.unknown(place);
        if (!pause.isZero()) {
            LOG.warn("card reading at {} paused for {} s: too many unknown cards", place, pause.toSeconds());
            audit.record(kiosk, AuditActions.CARD_THROTTLED, null,
                    "place=" + place + ", pause=" + pause.toSeconds() + "s");
        }
        return CardRead.unknown();
    }
}
