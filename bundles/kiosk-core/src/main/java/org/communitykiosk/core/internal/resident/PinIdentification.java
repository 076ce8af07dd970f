package org.communitykiosk.core.internal.resident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.AuditActions;
import org.communitykiosk.core.internal.store.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Identifies residents by card token (card or QR payload), or phone and PIN. The PIN failure counter is updated with
 * conditional UPDATEs on the value just read, so that two kiosks (or two quick taps) cannot both count the same failure
 * or skip the lockout; the loser reads again.
 */
@Component(service = Identification.class)
public final class PinIdentification implements Identification {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Rounds of read-and-update when another attempt for the same resident interleaves. */
    private static final int ROUNDS = 10;

    private final ResidentDirectory residents;
    private final Transactions transactions;
    private final AuditLog audit;
    private final KioskSettings settings;
    private final Clock clock;
    private final PinHasher pins;

    @Activate
    public PinIdentification(
            @Reference(name = "residents") ResidentDirectory residents,
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "settings") KioskSettings settings,
            @Reference(name = "clock") Clock clock) {
        this(residents, transactions, audit, settings, clock, new PinHasher());
    }

    PinIdentification(ResidentDirectory residents, Transactions transactions, AuditLog audit, KioskSettings settings,
            Clock clock, PinHasher pins) {
        // the directory reference also guarantees that kiosk_resident exists before the first query
        this.residents = residents;
        this.transactions = transactions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.pins = pins;
    }

    /** A card token only: a register number is no secret and signs nobody in. */
    @Override
    public Optional<Resident> byToken(String token) {
        Optional<CardToken> card = CardToken.parse(token);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        String hash = CardRows.hash(card.get());
        return transactions.required(c -> CardRows.lookup(c, hash).holder());
    }

    /** The PIN state of one resident as read. */
    private record PinState(long residentId, String pinHash, int failures, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    @Override
    public PinAttempt signInWithPin(String phone, String pin) {
        String number = ResidentRules.trim(phone);
        Optional<PinState> read = ResidentRules.validPhone(number) ? readState(number) : Optional.empty();
        if (read.isEmpty()) {
            // the phone number itself is personal data: not recorded
            audit.record(kiosk(), AuditActions.PIN_UNKNOWN_PHONE, null, null);
            return new PinAttempt(PinAttempt.Outcome.UNKNOWN_PHONE, Optional.empty(), 0, null);
        }
        PinState state = read.get();
        if (state.pinHash() == null) {
            audit.record(kiosk(), AuditActions.PIN_FAILED, subject(state.residentId()), "no PIN set");
            return new PinAttempt(PinAttempt.Outcome.NO_PIN, Optional.empty(), 0, null);
        }
        Instant now = clock.instant();
        if (state.lockedAt(now)) {
            audit.record(kiosk(), AuditActions.PIN_FAILED, subject(state.residentId()), "locked");
            return locked(state.lockedUntil());
        }
        String entered = ResidentRules.trim(pin);
        // verified once, against the hash read: the conditional updates below require that same hash
        boolean correct = entered != null && pins.verify(entered, state.pinHash());
        for (int round = 0; round < ROUNDS; round++) {
            Optional<PinAttempt> settled = correct ? succeed(state, now) : fail(state, now);
            if (settled.isPresent()) {
                return settled.get();
            }
            // someone else changed the row in between: look again
            Optional<PinState> again = readState(number);
            if (again.isEmpty() || again.get().residentId() != state.residentId()
                    || !java.util.Objects.equals(again.get().pinHash(), state.pinHash())) {
                // the resident's phone or PIN was changed meanwhile by staff: treat as a wrong attempt, not counted
                return new PinAttempt(PinAttempt.Outcome.WRONG_PIN, Optional.empty(), MAX_FAILURES, null);
            }
            state = again.get();
            if (state.lockedAt(now)) {
                return locked(state.lockedUntil());
            }
        }
        throw new IllegalStateException("PIN state kept changing for resident " + state.residentId());
    }

    private Optional<PinAttempt> succeed(PinState state, Instant now) {
        return transactions.required(c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE kiosk_resident SET pin_failures = 0, "
                    + "pin_locked_until = NULL WHERE id = ? AND pin_hash = ? AND pin_failures = ?"
                    + " AND (pin_locked_until IS NULL OR pin_locked_until <= ?)")) {
                update.setLong(1, state.residentId());
                update.setString(2, state.pinHash());
                update.setInt(3, state.failures());
                Jdbc.setInstant(update, 4, now);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                return Optional.empty();
            }
            Resident resident = ResidentRows.one(c, "id", state.residentId()).orElseThrow();
            audit.record(Actor.resident(resident.id()), AuditActions.PIN_SIGNED_IN, subject(resident.id()), null);
            return Optional.of(new PinAttempt(PinAttempt.Outcome.SIGNED_IN, Optional.of(resident), MAX_FAILURES,
                    null));
        });
    }

    private Optional<PinAttempt> fail(PinState state, Instant now) {
        int failures = state.failures() + 1;
        boolean lockNow = failures >= MAX_FAILURES;
        Instant lockedUntil = lockNow ? now.plus(LOCKOUT) : null;
        return transactions.required(c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement(lockNow
                    // the counter restarts, so after the lockout the resident has five attempts again
                    ? "UPDATE kiosk_resident SET pin_failures = 0, pin_locked_until = ? "
                            + "WHERE id = ? AND pin_hash = ? AND pin_failures = ?"
                            + " AND (pin_locked_until IS NULL OR pin_locked_until <= ?)"
                    : "UPDATE kiosk_resident SET pin_failures = ?, pin_locked_until = NULL "
                            + "WHERE id = ? AND pin_hash = ? AND pin_failures = ?"
                            + " AND (pin_locked_until IS NULL OR pin_locked_until <= ?)")) {
                if (lockNow) {
                    Jdbc.setInstant(update, 1, lockedUntil);
                } else {
                    update.setInt(1, failures);
                }
                update.setLong(2, state.residentId());
                update.setString(3, state.pinHash());
                update.setInt(4, state.failures());
                Jdbc.setInstant(update, 5, now);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                return Optional.empty();
            }
            audit.record(kiosk(), AuditActions.PIN_FAILED, subject(state.residentId()), "failures=" + failures);
            if (lockNow) {
                audit.record(kiosk(), AuditActions.PIN_LOCKED, subject(state.residentId()),
                        "until=" + lockedUntil);
                return Optional.of(locked(lockedUntil));
            }
            return Optional.of(new PinAttempt(PinAttempt.Outcome.WRONG_PIN, Optional.empty(),
                    MAX_FAILURES - failures, null));
        });
    }

    private Optional<PinState> readState(String phone) {
        return transactions.required(c -> readState(c, phone));
    }

    private static Optional<PinState> readState(Connection c, String phone) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, pin_hash, pin_failures, pin_locked_until "
                + "FROM kiosk_resident WHERE phone = ?")) {
            select.setString(1, phone);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PinState(rows.getLong("id"), rows.getString("pin_hash"),
                        rows.getInt("pin_failures"), Jdbc.getInstant(rows, "pin_locked_until")));
            }
        }
    }

    private static PinAttempt locked(Instant until) {
        return new PinAttempt(PinAttempt.Outcome.LOCKED, Optional.empty(), 0, until);
    }

    private Actor kiosk() {
        // a failed attempt is made at the kiosk, not (provably) by the resident whose phone was typed
        return new Actor(Actor.Kind.KIOSK, settings.kioskId());
    }

    private static String subject(long residentId) {
        return "resident:" + residentId;
    }
}
