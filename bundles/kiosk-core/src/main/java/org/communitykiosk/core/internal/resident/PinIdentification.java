package org.communitykiosk.core.internal.resident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.CardToken;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.AuditActions;
import org.communitykiosk.core.internal.store.Jdbc;
import org.communitykiosk.core.internal.throttle.SignInSchema;
import org.communitykiosk.core.internal.throttle.Throttle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Identifies residents by card token (card or QR payload), or phone and PIN, and checks PINs before actions (step-up).
 * <p>
 * Every failed PIN sign-in gets the one refusal and costs one PIN hash: an unknown phone, a resident without a PIN and
 * a locked PIN are checked against {@link #DUMMY_HASH}, so neither the answer nor its time tells who lives here. The
 * failure counter is updated with conditional UPDATEs on the value just read, so that two kiosks (or two quick taps)
 * cannot both count the same failure or skip a lock; the loser reads again. Locks follow {@link PinPolicy}; every
 * failed sign-in also counts against the place's budget ({@link Throttle.Kind#PIN_PLACE}).
 */
@Component(service = Identification.class, name = PinIdentification.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdentificationConfig.class)
public final class PinIdentification implements Identification {

    public static final String PID = "org.communitykiosk.identification";

    /**
     * A hash in {@link PinHasher}'s form, with its iterations, of a random secret that no PIN is: checked for an
     * unknown phone, a resident without a PIN or with a locked one, so that those refusals take as long as a wrong PIN
     * (a test checks the iterations).
     */
    static final String DUMMY_HASH = "pbkdf2-sha256$120000$ofpujWN24L4bXuDP3jxpTw$"
            + "JvYU2R1NUIK2bdKbqAfh6zQSjd2hpWr7wAVKrB0eTxs";
    /** Rounds of read-and-update when another attempt for the same resident interleaves. */
    private static final int ROUNDS = 10;

    private final ResidentDirectory residents;
    private final Transactions transactions;
    private final AuditLog audit;
    private final KioskSettings settings;
    private final Clock clock;
    private final PinHasher pins;
    private final Throttle throttle;
    private volatile PinPolicy policy;

    @Activate
    public PinIdentification(IdentificationConfig config,
            @Reference(name = "residents") ResidentDirectory residents,
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "migrations") SchemaMigrations migrations,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "settings") KioskSettings settings,
            @Reference(name = "clock") Clock clock) {
        this(PinPolicy.from(config), residents, transactions, migrations, audit, settings, clock, new PinHasher());
    }

    /** For tests and the test database: the given policy. */
    public PinIdentification(ResidentDirectory residents, Transactions transactions, SchemaMigrations migrations,
            AuditLog audit, KioskSettings settings, Clock clock) {
        this(PinPolicy.defaults(), residents, transactions, migrations, audit, settings, clock, new PinHasher());
    }

    PinIdentification(PinPolicy policy, ResidentDirectory residents, Transactions transactions,
            SchemaMigrations migrations, AuditLog audit, KioskSettings settings, Clock clock, PinHasher pins) {
        // the directory reference also guarantees that kiosk_resident exists before the first query
        migrations.migrate(SignInSchema.OWNER, SignInSchema.STEPS);
        this.policy = policy;
        this.residents = residents;
        this.transactions = transactions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.pins = pins;
        this.throttle = new Throttle(transactions, clock);
    }

    @Modified
    void modified(IdentificationConfig config) {
        // in place: the shell holds this service
        this.policy = PinPolicy.from(config);
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
    }

    private boolean locked(PinState state, Instant now) {
        return policy.lockedForGood(state.failures())
                || state.lockedUntil() != null && state.lockedUntil().isAfter(now);
    }

    @Override
    public PinAttempt signInWithPin(String phone, String pin, String place) {
        String where = place(place);
        Optional<Instant> paused = throttle.waitingUntil(Throttle.Kind.PIN_PLACE, where);
        if (paused.isPresent()) {
            // nothing is checked here meanwhile; the answer says nothing about any resident
            return new PinAttempt(PinAttempt.Outcome.PAUSED, Optional.empty(), paused.get());
        }
        Instant now = clock.instant();
        String number = ResidentRules.trim(phone);
        String entered = ResidentRules.trim(pin);
        Optional<PinState> read = ResidentRules.validPhone(number)
                ? transactions.required(c -> readState(c, "phone", number)) : Optional.empty();
        if (read.isEmpty() || read.get().pinHash() == null || locked(read.get(), now)) {
            // the same work as a wrong PIN, and the same answer
            pins.verify(typed(entered), DUMMY_HASH);
            if (read.isEmpty()) {
                // the phone number itself is personal data: not recorded
                audit.record(kiosk(), AuditActions.PIN_UNKNOWN_PHONE, null, "place=" + where);
            } else {
                audit.record(kiosk(), AuditActions.PIN_FAILED, subject(read.get().residentId()),
                        (read.get().pinHash() == null ? "no PIN set" : "locked") + "; place=" + where);
            }
            return refused(where);
        }
        PinState state = read.get();
        // verified once, against the hash read: the conditional updates below require that same hash; an empty PIN
        // is hashed too, so that it takes as long as the refusal of an unknown phone
        boolean correct = pins.verify(typed(entered), state.pinHash()) && entered != null;
        for (int round = 0; round < ROUNDS; round++) {
            if (correct) {
                Optional<Resident> signedIn = succeed(state, now, AuditActions.PIN_SIGNED_IN, where);
                if (signedIn.isPresent()) {
                    return new PinAttempt(PinAttempt.Outcome.SIGNED_IN, signedIn, null);
                }
            } else if (fail(state, now, AuditActions.PIN_FAILED, where).isPresent()) {
                return refused(where);
            }
            // someone else changed the row in between: look again
            Optional<PinState> again = transactions.required(c -> readState(c, "phone", number));
            if (again.isEmpty() || again.get().residentId() != state.residentId()
                    || !Objects.equals(again.get().pinHash(), state.pinHash()) || locked(again.get(), now)) {
                // the phone or PIN was changed by staff meanwhile, or another attempt locked it: a refusal
                return refused(where);
            }
            state = again.get();
        }
        throw new IllegalStateException("PIN state kept changing for resident " + state.residentId());
    }

    @Override
    public PinCheck checkPin(long residentId, String pin, String place) {
        String where = place(place);
        Instant now = clock.instant();
        Optional<PinState> read = transactions.required(c -> readState(c, "id", residentId));
        if (read.isEmpty() || read.get().pinHash() == null) {
            return new PinCheck(PinCheck.Outcome.NO_PIN, 0, null);
        }
        String entered = ResidentRules.trim(pin);
        PinState state = read.get();
        if (locked(state, now)) {
            audit.record(Actor.resident(residentId), AuditActions.PIN_STEP_UP_FAILED, subject(residentId),
                    "locked; place=" + where);
            return lockedCheck(state);
        }
        boolean correct = pins.verify(typed(entered), state.pinHash()) && entered != null;
        for (int round = 0; round < ROUNDS; round++) {
            if (correct) {
                if (succeed(state, now, AuditActions.PIN_STEP_UP, where).isPresent()) {
                    return new PinCheck(PinCheck.Outcome.CONFIRMED, policy.perLock(), null);
                }
            } else {
                Optional<PinState> after = fail(state, now, AuditActions.PIN_STEP_UP_FAILED, where);
                if (after.isPresent()) {
                    return locked(after.get(), now) ? lockedCheck(after.get())
                            : new PinCheck(PinCheck.Outcome.WRONG, policy.leftBeforeLock(after.get().failures()),
                                    null);
                }
            }
            Optional<PinState> again = transactions.required(c -> readState(c, "id", residentId));
            if (again.isEmpty() || !Objects.equals(again.get().pinHash(), state.pinHash())) {
                return new PinCheck(PinCheck.Outcome.WRONG, policy.perLock(), null);
            }
            state = again.get();
            if (locked(state, now)) {
                return lockedCheck(state);
            }
        }
        throw new IllegalStateException("PIN state kept changing for resident " + residentId);
    }

    private PinCheck lockedCheck(PinState state) {
        return new PinCheck(PinCheck.Outcome.LOCKED, 0,
                policy.lockedForGood(state.failures()) ? null : state.lockedUntil());
    }

    @Override
    public Optional<PinLock> pinLock(long residentId) {
        Instant now = clock.instant();
        return transactions.required(c -> readState(c, "id", residentId))
                .filter(state -> state.pinHash() != null && locked(state, now))
                .map(state -> new PinLock(state.failures(),
                        policy.lockedForGood(state.failures()) ? null : state.lockedUntil()));
    }

    @Override
    public boolean unlockPin(long residentId, Actor by) {
        Instant now = clock.instant();
        return transactions.required(c -> {
            Optional<PinState> state = readState(c, "id", residentId);
            if (state.isEmpty() || !locked(state.get(), now)) {
                return false;
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE kiosk_resident SET pin_failures = 0, "
                    + "pin_locked_until = NULL, updated_at = ? WHERE id = ?")) {
                Jdbc.setInstant(update, 1, now);
                update.setLong(2, residentId);
                update.executeUpdate();
            }
            audit.record(by, AuditActions.PIN_UNLOCKED, subject(residentId),
                    "failures=" + state.get().failures());
            return true;
        });
    }

    /** Clears the count; the resident signed in, if the row was still as read. */
    private Optional<Resident> succeed(PinState state, Instant now, String action, String where) {
        return transactions.required(c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE kiosk_resident SET pin_failures = 0, "
                    + "pin_locked_until = NULL WHERE id = ? AND pin_hash = ? AND pin_failures = ?")) {
                update.setLong(1, state.residentId());
                update.setString(2, state.pinHash());
                update.setInt(3, state.failures());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                return Optional.<Resident>empty();
            }
            Resident resident = ResidentRows.one(c, "id", state.residentId()).orElseThrow();
            audit.record(Actor.resident(resident.id()), action, subject(resident.id()), "place=" + where);
            return Optional.of(resident);
        });
    }

    /** Counts a wrong PIN and locks at every {@link PinPolicy#perLock()}-th; the state after, if the row was as read. */
    private Optional<PinState> fail(PinState state, Instant now, String action, String where) {
        PinPolicy rules = policy;
        int failures = state.failures() + 1;
        Optional<PinPolicy.Lock> lock = rules.lockAfter(failures, now);
        return transactions.required(c -> {
            int updated;
            // the count goes on through a lock (it does not restart), so each lock is longer than the one before
            try (PreparedStatement update = c.prepareStatement("UPDATE kiosk_resident SET pin_failures = ?"
                    + (lock.isPresent() ? ", pin_locked_until = ?" : "")
                    + " WHERE id = ? AND pin_hash = ? AND pin_failures = ?")) {
                int i = 1;
                update.setInt(i++, failures);
                if (lock.isPresent()) {
                    Jdbc.setInstant(update, i++, lock.get().until());
                }
                update.setLong(i++, state.residentId());
                update.setString(i++, state.pinHash());
                update.setInt(i, state.failures());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                return Optional.<PinState>empty();
            }
            audit.record(kiosk(), action, subject(state.residentId()),
                    "failures=" + failures + "; place=" + where);
            if (lock.isPresent()) {
                audit.record(kiosk(), AuditActions.PIN_LOCKED, subject(state.residentId()),
                        lock.get().until() == null ? "until staff unlock" : "until=" + lock.get().until());
            }
            return Optional.of(new PinState(state.residentId(), state.pinHash(), failures,
                    lock.map(PinPolicy.Lock::until).orElse(state.lockedUntil())));
        });
    }

    /** The one refusal of a PIN sign-in, counted against the place's budget. */
    private PinAttempt refused(String where) {
        Throttle.Failure failure = throttle.fail(Throttle.Kind.PIN_PLACE, where, policy.placeBudget());
        if (failure.startedWait()) {
            audit.record(kiosk(), AuditActions.PIN_PAUSED, null,
                    "place=" + where + "; failures=" + failure.failures() + "; pause=" + failure.delay().toSeconds()
                            + "s");
        }
        return new PinAttempt(PinAttempt.Outcome.REFUSED, Optional.empty(), null);
    }

    private static Optional<PinState> readState(Connection c, String column, Object value) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, pin_hash, pin_failures, pin_locked_until "
                + "FROM kiosk_resident WHERE " + column + " = ?")) {
            select.setObject(1, value);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PinState(rows.getLong("id"), rows.getString("pin_hash"),
                        rows.getInt("pin_failures"), Jdbc.getInstant(rows, "pin_locked_until")));
            }
        }
    }

    /** What is hashed for a PIN: nothing typed is hashed as a character that no PIN has. */
    private static String typed(String entered) {
        return entered == null ? "-" : entered;
    }

    private static String place(String place) {
        return place == null || place.isBlank() ? KIOSK_SCREEN : place.strip();
    }

    private Actor kiosk() {
        // a failed attempt is made at the kiosk, not (provably) by the resident whose phone was typed
        return new Actor(Actor.Kind.KIOSK, settings.kioskId());
    }

    private static String subject(long residentId) {
        return "resident:" + residentId;
    }
}
