package org.communitykiosk.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.api.resident.StaffMember;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JaasStaffSignInTest {

    /** A realm of three users, giving roles the way Karaf's properties login module does. */
    public static class FakeRealm implements LoginModule {

        static final Map<String, String> PASSWORDS = Map.of("wang", "secret", "admin", "root", "guest", "guest");
        static final Map<String, List<String>> ROLES = Map.of("wang", List.of("kiosk-staff"),
                "admin", List.of("kiosk-admin", "admin"), "guest", List.of("viewer"));

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

    private final TestDatabase db = new TestDatabase();
    private final JaasStaffSignIn signIn = new JaasStaffSignIn("kiosk-test", db.auditLog(), REALM);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void staffAndAdminsSignIn() {
        StaffMember wang = signIn.signIn(" wang ", "secret".toCharArray()).orElseThrow();
        assertEquals("wang", wang.userName());
        assertFalse(wang.isAdmin());
        StaffMember admin = signIn.signIn("admin", "root".toCharArray()).orElseThrow();
        assertTrue(admin.isAdmin());
        assertEquals(Set.of("kiosk-admin", "admin"), admin.roles());

        AuditEntry last = db.auditLog().find(AuditQuery.latest(1)).get(0);
        assertEquals("staff.signin", last.action());
        assertEquals("admin", last.actor().id());
    }

    @Test
    void wrongPasswordUnknownUserAndMissingRoleAreRefused() {
        assertEquals(Optional.empty(), signIn.signIn("wang", "wrong".toCharArray()));
        assertEquals(Optional.empty(), signIn.signIn("nobody", "x".toCharArray()));
        assertEquals(Optional.empty(), signIn.signIn("guest", "guest".toCharArray()));
        assertEquals(Optional.empty(), signIn.signIn("", "x".toCharArray()));
        assertEquals(Optional.empty(), signIn.signIn("wang", null));
        List<AuditEntry> entries = db.auditLog().find(AuditQuery.latest(10));
        assertEquals(3, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.action().equals("staff.signin.failed")));
        assertTrue(entries.stream().noneMatch(e -> String.valueOf(e.detail()).contains("wrong")));
    }

    @Test
    void unknownRealmIsARefusalNotAnError() {
        JaasStaffSignIn elsewhere = new JaasStaffSignIn("no-such-realm", db.auditLog(), REALM);
        assertEquals(Optional.empty(), elsewhere.signIn("wang", "secret".toCharArray()));
    }
}
