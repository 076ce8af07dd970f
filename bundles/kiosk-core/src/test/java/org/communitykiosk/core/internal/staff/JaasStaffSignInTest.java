package org.communitykiosk.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.Principal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.Identification;
import org.communitykiosk.api.resident.StaffMember;
import org.communitykiosk.api.resident.StaffSignIn.StaffAttempt;
import org.communitykiosk.api.resident.StaffSignIn.StaffAttempt.Outcome;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.internal.throttle.ThrottleRule;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JaasStaffSignInTest {

    static final String SCREEN = Identification.KIOSK_SCREEN;

    /** A realm giving roles the way Karaf's properties login module does; its passwords can change. */
    public static class FakeRealm implements LoginModule {

        static final long HASH_MILLIS = 60;

        static final Map<String, String> PASSWORDS = new ConcurrentHashMap<>(Map.of("wang", "secret", "admin", "root",
                "guest", "guest", "staff", "staff2026"));
        static final Map<String, List<String>> ROLES = Map.of("wang", List.of("kiosk-staff"),
                "admin", List.of("kiosk-admin", "admin"), "guest", List.of("viewer"), "staff", List.of("kiosk-staff"),
                "oldhand", List.of("kiosk-staff"));

        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] { name, password });
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            String expected = PASSWORDS.get(name.getName());
            if (expected != null) {
                // as Karaf's properties module: only a user it has costs a password hash
                try {
                    Thread.sleep(HASH_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (expected == null || !expected.equals(new String(password.getPassword()))) {
                throw new FailedLoginException("wrong user or password");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            Set<Principal> principals = subject.getPrincipals();
            principals.add(new UserPrincipal(user));
            ROLES.get(user).forEach(role -> principals.add(new RolePrincipal(role)));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    private static final Configuration REALM = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return "kiosk-test".equals(name)
                    ? new AppConfigurationEntry[] { new AppConfigurationEntry(FakeRealm.class.getName(),
                            LoginModuleControlFlag.REQUIRED, Map.of()) }
                    : null;
        }
    };

    static final byte[] KEY = "a key of this test kiosk, 32 by.".getBytes(StandardCharsets.US_ASCII);
    static final StaffPolicy POLICY = new StaffPolicy("kiosk-test", Duration.ofMinutes(2),
            new ThrottleRule.Backoff(3, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(24)),
            new ThrottleRule.Backoff(10, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(24)));

    private final TestDatabase db = new TestDatabase();
    private final List<String> upgraded = new ArrayList<>();
    private JaasStaffSignIn signIn = signIn(POLICY, db.settings());

    private JaasStaffSignIn signIn(StaffPolicy policy, KioskSettings settings) {
        return new JaasStaffSignIn(policy, REALM, (realm, user, password) -> {
            // an account of the old scheme: the upgrade stores the password anew, as Karaf's backing engine would
            if (!"oldhand".equals(user) || !"old-secret".equals(new String(password))) {
                return false;
            }
            upgraded.add(user);
            FakeRealm.PASSWORDS.put(user, new String(password));
            return true;
        }, KEY, db.auditLog(), db.transactions(), db.migrations(), settings, db.clock());
    }

    @AfterEach
    void close() {
        FakeRealm.PASSWORDS.remove("oldhand");
        db.close();
    }

    @Test
    void staffAndAdminsSignIn() {
        StaffMember wang = signIn.signIn(" wang ", "secret".toCharArray(), SCREEN).staff().orElseThrow();
        assertEquals("wang", wang.userName());
        assertFalse(wang.isAdmin());
        StaffMember admin = signIn.signIn("admin", "root".toCharArray(), SCREEN).staff().orElseThrow();
        assertTrue(admin.isAdmin());
        assertEquals(Set.of("kiosk-admin", "admin"), admin.roles());
        assertEquals(Duration.ofMinutes(2), signIn.passwordMaxAge());

        AuditEntry last = db.auditLog().find(AuditQuery.latest(1)).get(0);
        assertEquals("staff.signin", last.action());
        assertEquals("admin", last.actor().id());
        assertTrue(last.detail().contains("place=screen"), last.detail());
    }

    @Test
    void failuresAreRefusedAndAuditedWithoutTheNameTyped() {
        assertEquals(Outcome.REFUSED, signIn.signIn("wang", "wrong".toCharArray(), SCREEN).outcome());
        assertEquals(Outcome.REFUSED, signIn.signIn("secret", "wang".toCharArray(), SCREEN).outcome());
        assertEquals(Outcome.REFUSED, signIn.signIn("guest", "guest".toCharArray(), SCREEN).outcome());
        assertEquals(Outcome.REFUSED, signIn.signIn("", "x".toCharArray(), SCREEN).outcome());
        assertEquals(Outcome.REFUSED, signIn.signIn("wang", null, SCREEN).outcome());
        List<AuditEntry> entries = db.auditLog().find(AuditQuery.latest(10));
        assertEquals(3, entries.size(), "an empty form is no attempt");
        for (AuditEntry entry : entries) {
            assertEquals("staff.signin.failed", entry.action());
            assertEquals(Actor.Kind.KIOSK, entry.actor().kind());
            String text = entry.actor() + " " + entry.subject() + " " + entry.detail();
            for (String typed : List.of("wang", "secret", "guest", "wrong")) {
                assertFalse(text.contains(typed), text);
            }
        }
        // nor are they in the throttle's table: keyed hashes only
        List<String> keys = throttleKeys();
        assertFalse(keys.isEmpty());
        assertTrue(keys.stream().noneMatch(key -> key.contains("wang") || key.contains("secret")), keys.toString());
    }

    @Test
    void theBackOffGrowsPerUserNameAndNothingIsCheckedWhileItRuns() {
        List<Duration> waits = new ArrayList<>();
        int attempt = 0;
        for (int failure = 1; failure <= 13; failure++) {
            // each from another place: this is about the user name
            StaffAttempt wrong = signIn.signIn("wang", "guess".toCharArray(), "device:" + attempt++);
            assertEquals(Outcome.REFUSED, wrong.outcome());
            waits.add(wrong.retryAfter());
            if (!wrong.retryAfter().isZero()) {
                StaffAttempt right = signIn.signIn("wang", "secret".toCharArray(), "device:" + attempt++);
                assertEquals(Outcome.THROTTLED, right.outcome(), "the right password is not even checked");
                assertEquals(wrong.retryAfter(), right.retryAfter());
                if (failure < 13) {
                    db.clock().advance(wrong.retryAfter());
                }
            }
        }
        assertEquals(List.of(0L, 0L, 0L, 5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 900L, 900L),
                waits.stream().map(Duration::toSeconds).toList());
        // typing the name differently gives no fresh tries
        assertEquals(Outcome.THROTTLED, signIn.signIn(" WANG", "guess".toCharArray(), "device:x").outcome());

        db.clock().advance(Duration.ofMinutes(15));
        assertTrue(signIn.signIn("wang", "secret".toCharArray(), "device:y").succeeded());
        assertEquals(Duration.ZERO, signIn.signIn("wang", "guess".toCharArray(), "device:z").retryAfter(),
                "a correct password starts the count again");
        assertTrue(db.auditLog().find(AuditQuery.latest(100)).stream().anyMatch(e ->
                e.action().equals("staff.signin.throttled") && e.detail().contains("user name failures=4")));
    }

    @Test
    void theBackOffGrowsPerPlaceWhateverTheNames() {
        for (int name = 0; name < 10; name++) {
            assertEquals(Duration.ZERO, signIn.signIn("user" + name, "x".toCharArray(), SCREEN).retryAfter());
        }
        assertEquals(Duration.ofSeconds(5), signIn.signIn("user10", "x".toCharArray(), SCREEN).retryAfter());
        assertEquals(Outcome.THROTTLED, signIn.signIn("wang", "secret".toCharArray(), SCREEN).outcome());
        assertTrue(signIn.signIn("wang", "secret".toCharArray(), "device:1").succeeded(), "other places go on");
    }

    @Test
    void aRestartDoesNotEndAWait() {
        for (int i = 0; i < 4; i++) {
            signIn.signIn("wang", "guess".toCharArray(), SCREEN);
        }
        JaasStaffSignIn restarted = signIn(POLICY, db.settings());
        assertEquals(Outcome.THROTTLED, restarted.signIn("wang", "secret".toCharArray(), SCREEN).outcome());
        db.clock().advance(Duration.ofSeconds(5));
        assertTrue(restarted.signIn("wang", "secret".toCharArray(), SCREEN).succeeded());
    }

    @Test
    void theShippedPasswordsAreRefusedOnAKioskInService() {
        assertTrue(signIn.signIn("staff", "staff2026".toCharArray(), SCREEN).succeeded(), "a demo kiosk");
        Settings inService = Settings.defaults().withDemoData(false);
        JaasStaffSignIn real = signIn(POLICY, inService);
        StaffAttempt shipped = real.signIn("staff", "staff2026".toCharArray(), SCREEN);
        assertEquals(Outcome.SHIPPED_PASSWORD, shipped.outcome());
        assertTrue(shipped.staff().isEmpty());
        assertEquals("staff.signin.shippedPassword", db.auditLog().find(AuditQuery.latest(1)).get(0).action());
        assertTrue(real.signIn("wang", "secret".toCharArray(), SCREEN).succeeded(), "a password of its own");
    }

    @Test
    void theShippedPasswordsAreTheOnesKioskConfigShips() throws IOException {
        List<String> shipped = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get("../../kiosk-config/etc/users.properties"),
                StandardCharsets.ISO_8859_1)) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("_g_")) {
                shipped.add(line.split("=", 2)[1].split(",")[0].strip());
            }
        }
        assertEquals(ShippedPasswords.ALL, Set.copyOf(shipped));
    }

    @Test
    void theAdminScreensAskAgainThroughTheSameThrottle() {
        StaffMember wang = signIn.signIn("wang", "secret".toCharArray(), SCREEN).staff().orElseThrow();
        assertTrue(signIn.confirmPassword(wang, "secret".toCharArray(), SCREEN).succeeded());
        assertEquals("staff.reauth", db.auditLog().find(AuditQuery.latest(1)).get(0).action());
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.REFUSED, signIn.confirmPassword(wang, "guess".toCharArray(), SCREEN).outcome());
        }
        AuditEntry failed = db.auditLog().find(AuditQuery.latest(1)).get(0);
        assertEquals("staff.reauth.failed", failed.action());
        assertEquals(Actor.staff("wang"), failed.actor(), "the member of staff signed in, no typed name");
        assertEquals(Duration.ofSeconds(5), signIn.confirmPassword(wang, "guess".toCharArray(), SCREEN).retryAfter());
        assertEquals(Outcome.THROTTLED, signIn.signIn("wang", "secret".toCharArray(), SCREEN).outcome(),
                "the same count as sign-in");
    }

    @Test
    void anOldHashIsReplacedAtTheFirstSignIn() {
        assertTrue(signIn.signIn("oldhand", "old-secret".toCharArray(), SCREEN).succeeded());
        assertEquals(List.of("oldhand"), upgraded);
        assertTrue(signIn.signIn("oldhand", "old-secret".toCharArray(), SCREEN).succeeded());
        assertEquals(List.of("oldhand"), upgraded, "once");
        assertTrue(db.auditLog().find(AuditQuery.latest(5)).stream()
                .anyMatch(e -> e.action().equals("staff.password.rehashed")));
        assertEquals(Outcome.REFUSED, signIn.signIn("oldhand", "guess".toCharArray(), SCREEN).outcome());
    }

    @Test
    void anUnknownUserNameIsRefusedNoQuickerThanAWrongPassword() {
        assertTrue(signIn.signIn("wang", "secret".toCharArray(), SCREEN).succeeded());
        long started = System.nanoTime();
        assertEquals(Outcome.REFUSED, signIn.signIn("nobody", "secret".toCharArray(), SCREEN).outcome());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= FakeRealm.HASH_MILLIS - 5, "the realm hashes nothing for a user it lacks, the answer"
                + " still takes as long as for a wrong password: " + millis + " ms");
    }

    @Test
    void unknownRealmIsARefusalNotAnError() {
        JaasStaffSignIn elsewhere = signIn(new StaffPolicy("no-such-realm", POLICY.passwordMaxAge(), POLICY.perName(),
                POLICY.perPlace()), db.settings());
        assertEquals(Outcome.REFUSED, elsewhere.signIn("wang", "secret".toCharArray(), SCREEN).outcome());
    }

    private List<String> throttleKeys() {
        return db.transactions().required(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT throttle_key FROM kiosk_signin_throttle");
                    ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        });
    }
}
