package org.communitykiosk.core.internal.staff;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.security.auth.login.Configuration;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.resident.StaffMember;
import org.communitykiosk.api.resident.StaffSignIn;
import org.communitykiosk.api.store.SchemaMigrations;
import org.communitykiosk.api.store.Transactions;
import org.communitykiosk.core.internal.AuditActions;
import org.communitykiosk.core.internal.throttle.SignInSchema;
import org.communitykiosk.core.internal.throttle.Throttle;
import org.communitykiosk.core.internal.throttle.Throttle.Kind;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Staff sign-in against a Karaf JAAS realm; only the kiosk roles are let in, so a Karaf console administrator without
 * a kiosk role cannot use the staff screens by accident.
 * <p>
 * Before a password is checked, the user name and the place must not be waiting: failures are counted per user name
 * (under a keyed hash, {@link UserNameKey}) and per place, with a back-off that grows ({@link StaffPolicy}), in the
 * database. Failures are audited as the kiosk's, with the place but without the name. An account still hashed by the
 * old scheme is rehashed at its first sign-in ({@link OldHashUpgrade}). On a kiosk in service ({@code demoData =
 * false}) the passwords shipped in {@code etc/users.properties} ({@link ShippedPasswords}) are refused, whoever has
 * them.
 */
@Component(service = StaffSignIn.class, name = JaasStaffSignIn.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StaffSignInConfig.class)
public final class JaasStaffSignIn implements StaffSignIn {

    public static final String PID = "org.communitykiosk.staff";

    private static final Set<String> KIOSK_ROLES = Set.of(StaffMember.STAFF_ROLE, StaffMember.ADMIN_ROLE);

    private final JaasLogin login;
    private final OldHashUpgrade oldHashes;
    private final UserNameKey names;
    private final Throttle throttle;
    private final AuditLog audit;
    private final KioskSettings settings;
    private final Clock clock;
    private volatile StaffPolicy policy;
    /**
     * How long the realm took to check the password of a user it has, at the last sign-in: Karaf refuses an unknown
     * user name without hashing anything, so a failure that came quicker is made to last as long, and the time of the
     * answer does not tell which user names exist (measured: 80 ms against 200 ms with bcrypt).
     */
    private volatile long passwordCheckNanos;

    @Activate
    public JaasStaffSignIn(StaffSignInConfig config, BundleContext context,
            @Reference(name = "audit") AuditLog audit,
            @Reference(name = "transactions") Transactions transactions,
            @Reference(name = "migrations") SchemaMigrations migrations,
            @Reference(name = "settings") KioskSettings settings,
            @Reference(name = "clock") Clock clock) {
        this(StaffPolicy.from(config), new JaasLogin(null), new KarafOldHashUpgrade(context),
                UserNameKey.inFile(keyFile(config)), audit, transactions, migrations, settings, clock);
    }

    /** For tests: a realm of the given JAAS configuration. */
    JaasStaffSignIn(StaffPolicy policy, Configuration realms, OldHashUpgrade oldHashes, byte[] nameKey,
            AuditLog audit, Transactions transactions, SchemaMigrations migrations, KioskSettings settings,
            Clock clock) {
        this(policy, new JaasLogin(realms), oldHashes, new UserNameKey(nameKey), audit, transactions, migrations,
                settings, clock);
    }

    private JaasStaffSignIn(StaffPolicy policy, JaasLogin login, OldHashUpgrade oldHashes, UserNameKey names,
            AuditLog audit, Transactions transactions, SchemaMigrations migrations, KioskSettings settings,
            Clock clock) {
        migrations.migrate(SignInSchema.OWNER, SignInSchema.STEPS);
        this.policy = policy;
        this.login = login;
        this.oldHashes = oldHashes;
        this.names = names;
        this.throttle = new Throttle(transactions, clock);
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Modified
    void modified(StaffSignInConfig config) {
        // in place: the shell holds this service, and a new one would restart it with every open session
        this.policy = StaffPolicy.from(config);
    }

    private static Path keyFile(StaffSignInConfig config) {
        if (config.nameKeyFile() != null && !config.nameKeyFile().isBlank()) {
            return Paths.get(config.nameKeyFile().strip());
        }
        return Paths.get(System.getProperty("karaf.etc", "etc"), "keys", "staff-names.key");
    }

    @Override
    public Duration passwordMaxAge() {
        return policy.passwordMaxAge();
    }

    @Override
    public StaffAttempt signIn(String userName, char[] password, String place) {
        String user = userName == null ? "" : userName.strip();
        if (user.isEmpty() || password == null || password.length == 0) {
            return refused(Duration.ZERO);
        }
        return attempt(user, password, place, false);
    }

    @Override
    public StaffAttempt confirmPassword(StaffMember who, char[] password, String place) {
        if (who == null || password == null || password.length == 0) {
            return refused(Duration.ZERO);
        }
        return attempt(who.userName(), password, place, true);
    }

    private StaffAttempt attempt(String user, char[] password, String place, boolean again) {
        StaffPolicy rules = policy;
        String nameKey = names.of(user);
        Instant now = clock.instant();
        Optional<Instant> waiting = later(throttle.waitingUntil(Kind.STAFF_NAME, nameKey),
                throttle.waitingUntil(Kind.STAFF_PLACE, place));
        if (waiting.isPresent()) {
            // nothing is checked while waiting, so the wait costs a guesser the time it says
            return new StaffAttempt(StaffAttempt.Outcome.THROTTLED, Optional.empty(), until(now, waiting.get()));
        }
        long started = System.nanoTime();
        Optional<Set<String>> roles = login.roles(rules.realm(), user, password);
        if (roles.isPresent()) {
            passwordCheckNanos = System.nanoTime() - started;
        }
        if (roles.isEmpty() && oldHashes.upgrade(rules.realm(), user, password)) {
            audit.record(Actor.staff(user), AuditActions.STAFF_PASSWORD_REHASHED, "realm:" + rules.realm(), null);
            roles = login.roles(rules.realm(), user, password);
        }
        Set<String> kioskRoles = roles.orElse(Set.of()).stream().filter(KIOSK_ROLES::contains)
                .collect(Collectors.toSet());
        if (kioskRoles.isEmpty()) {
            lastAtLeast(started, passwordCheckNanos);
            return failed(user, nameKey, place, again, rules);
        }
        if (!settings.demoData() && ShippedPasswords.contains(password)) {
            audit.record(Actor.staff(user), AuditActions.STAFF_SHIPPED_PASSWORD, "realm:" + rules.realm(),
                    "place=" + place);
            return new StaffAttempt(StaffAttempt.Outcome.SHIPPED_PASSWORD, Optional.empty(), Duration.ZERO);
        }
        throttle.clear(Kind.STAFF_NAME, nameKey);
        audit.record(Actor.staff(user), again ? AuditActions.STAFF_REAUTH : AuditActions.STAFF_SIGN_IN,
                "realm:" + rules.realm(), String.join(",", kioskRoles.stream().sorted().toList()) + "; place=" + place);
        return new StaffAttempt(StaffAttempt.Outcome.SIGNED_IN, Optional.of(new StaffMember(user, roles.get())),
                Duration.ZERO);
    }

    private StaffAttempt failed(String user, String nameKey, String place, boolean again, StaffPolicy rules) {
        Throttle.Failure byName = throttle.fail(Kind.STAFF_NAME, nameKey, rules.perName());
        Throttle.Failure byPlace = throttle.fail(Kind.STAFF_PLACE, place, rules.perPlace());
        if (again) {
            // the member of staff signed in is known: their name is no typo of a password
            audit.record(Actor.staff(user), AuditActions.STAFF_REAUTH_FAILED, "realm:" + rules.realm(),
                    "place=" + place);
        } else {
            audit.record(kiosk(), AuditActions.STAFF_SIGN_IN_FAILED, "realm:" + rules.realm(), "place=" + place);
        }
        Duration wait = byName.delay().compareTo(byPlace.delay()) >= 0 ? byName.delay() : byPlace.delay();
        if (!wait.isZero()) {
            audit.record(kiosk(), AuditActions.STAFF_SIGN_IN_THROTTLED, "realm:" + rules.realm(),
                    "place=" + place + "; wait=" + wait.toSeconds() + "s; "
                            + (byName.startedWait() ? "user name failures=" + byName.failures() : "")
                            + (byName.startedWait() && byPlace.startedWait() ? ", " : "")
                            + (byPlace.startedWait() ? "place failures=" + byPlace.failures() : ""));
        }
        return refused(wait);
    }

    /** Waits until {@code nanos} have passed since {@code started}. */
    private static void lastAtLeast(long started, long nanos) {
        long left = nanos - (System.nanoTime() - started);
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static StaffAttempt refused(Duration wait) {
        return new StaffAttempt(StaffAttempt.Outcome.REFUSED, Optional.empty(), wait);
    }

    private Actor kiosk() {
        // a failed sign-in is made at the kiosk, by someone who may not be the user whose name was typed
        return new Actor(Actor.Kind.KIOSK, settings.kioskId());
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
    }

    /** The time until the end of a wait, in whole seconds rounded up (a person reads seconds). */
    private static Duration until(Instant now, Instant end) {
        long millis = Math.max(0, Duration.between(now, end).toMillis());
        return Duration.ofSeconds((millis + 999) / 1000);
    }

    @Override
    public String toString() {
        return "JaasStaffSignIn[" + policy.realm() + "]";
    }
}
