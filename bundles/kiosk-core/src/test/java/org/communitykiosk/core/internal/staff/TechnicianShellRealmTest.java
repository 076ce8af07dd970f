package org.communitykiosk.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.KioskSettings;
import org.communitykiosk.api.audit.AuditEntry;
import org.communitykiosk.api.audit.AuditLog;
import org.communitykiosk.api.audit.AuditQuery;
import org.communitykiosk.core.internal.Settings;
import org.communitykiosk.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technician shell's realm run through JAAS as Karaf's ssh server runs it, in front of Karaf's real properties
 * login module on a users file of its own.
 */
class TechnicianShellRealmTest {

    static final long BUNDLE = 42;

    @TempDir
    Path etc;

    private final TestDatabase db = new TestDatabase();
    private final KioskSettings inService = Settings.defaults().withDemoData(false);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void karafsOwnRealmComesAfterTheGateUnchanged() {
        AppConfigurationEntry users = new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                LoginModuleControlFlag.OPTIONAL, Map.of(ProxyLoginModule.PROPERTY_MODULE, "karaf.Users"));
        AppConfigurationEntry keys = new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                LoginModuleControlFlag.OPTIONAL, Map.of(ProxyLoginModule.PROPERTY_MODULE, "karaf.Keys"));
        Configuration karaf = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "karaf".equals(name) ? new AppConfigurationEntry[] { users, keys } : null;
            }
        };
        TechnicianShellRealm realm = new TechnicianShellRealm(BUNDLE, karaf, inService, db.auditLog());

        assertEquals("kiosk-shell", realm.getName());
        AppConfigurationEntry[] entries = realm.getEntries();
        assertEquals(3, entries.length);
        AppConfigurationEntry gate = entries[0];
        assertEquals(ProxyLoginModule.class.getName(), gate.getLoginModuleName(), "loaded from the bundle by Karaf");
        assertEquals(LoginModuleControlFlag.REQUISITE, gate.getControlFlag(), "a refusal ends the login at once");
        assertEquals(ShellGateLoginModule.class.getName(), gate.getOptions().get(ProxyLoginModule.PROPERTY_MODULE));
        assertEquals("42", gate.getOptions().get(ProxyLoginModule.PROPERTY_BUNDLE));
        assertSame(realm, gate.getOptions().get(ShellGateLoginModule.GATE));
        assertSame(users, entries[1]);
        assertSame(keys, entries[2]);
    }

    @Test
    void onAKioskInServiceTheShippedPasswordsAreRefusedAndAPasswordOfItsOwnOpensTheShell() throws Exception {
        Configuration jaas = shellOver(usersFile(), inService, db.auditLog());

        LoginException shipped = assertThrows(LoginException.class, () -> login(jaas, "admin", "admin2026"));
        assertTrue(shipped instanceof FailedLoginException, shipped.toString());
        assertTrue(shipped.getMessage().contains("etc/users.properties"), "says what to do: " + shipped.getMessage());
        assertThrows(LoginException.class, () -> login(jaas, "staff", "staff2026"));
        assertThrows(LoginException.class, () -> login(jaas, "nobody", "admin2026"), "whatever the name");

        List<AuditEntry> entries = db.auditLog().find(AuditQuery.latest(10));
        assertEquals(3, entries.size(), "each refusal once, not once more as a wrong password: " + entries);
        for (AuditEntry entry : entries) {
            assertEquals("staff.shell.shippedPassword", entry.action());
            assertEquals(Actor.Kind.KIOSK, entry.actor().kind());
            assertEquals("realm:kiosk-shell", entry.subject());
            assertEquals("place=shell", entry.detail());
        }

        // the technician writes the administrator's own password into the users file (Karaf hashes it there)
        setPassword("admin", "Granite-Kettle-3318");
        assertTrue(login(jaas, "admin", "Granite-Kettle-3318").contains("ssh"), "the shell role, from the group");
        assertEquals(3, db.auditLog().find(AuditQuery.latest(10)).size(), "a shell sign-in is not a refusal");
    }

    @Test
    void aWrongPasswordIsRefusedAndAuditedWithoutTheNameTyped() throws IOException {
        Configuration jaas = shellOver(usersFile(), inService, db.auditLog());
        assertThrows(LoginException.class, () -> login(jaas, "admin", "Granite-Kettle-3319"));
        assertThrows(LoginException.class, () -> login(jaas, "Granite-Kettle-3318", "x"));

        List<AuditEntry> entries = db.auditLog().find(AuditQuery.latest(10));
        assertEquals(2, entries.size());
        for (AuditEntry entry : entries) {
            assertEquals("staff.shell.failed", entry.action());
            String text = entry.actor() + " " + entry.subject() + " " + entry.detail();
            assertFalse(text.contains("admin") || text.contains("Granite"), text);
        }
    }

    @Test
    void aDemoKioskKeepsThePublishedAdministratorPassword() throws Exception {
        Configuration jaas = shellOver(usersFile(), db.settings(), db.auditLog());
        assertTrue(db.settings().demoData());
        assertTrue(login(jaas, "admin", "admin2026").containsAll(Set.of("kiosk-admin", "ssh")));
        assertTrue(db.auditLog().find(AuditQuery.latest(10)).isEmpty());
    }

    @Test
    void theGateAloneLetsNobodyIn() {
        Configuration jaas = shellOver(null, db.settings(), db.auditLog());
        assertThrows(LoginException.class, () -> login(jaas, "admin", "admin2026"),
                "without Karaf's realm nobody is checked, so nobody gets in");
    }

    @Test
    void anSshKeyLoginIsLeftToKarafsModules() throws IOException {
        Configuration jaas = shellOver(usersFile(), inService, db.auditLog());
        // Karaf's ssh server asks for the key, never for a password, when a client offers a key
        CallbackHandler keyOnly = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName("admin");
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
        assertThrows(LoginException.class, () -> new LoginContext("kiosk-shell", new Subject(), keyOnly, jaas).login());
        assertTrue(db.auditLog().find(AuditQuery.latest(10)).isEmpty(),
                "an offered key that is not known is no refused password (ssh clients offer every key they have)");
    }

    @Test
    void theShellWorksWithoutTheAuditLogAndWhenItFails() throws Exception {
        Path users = usersFile();
        LoginException withoutLog = assertThrows(LoginException.class,
                () -> login(shellOver(users, inService, null), "admin", "admin2026"));
        assertTrue(withoutLog instanceof FailedLoginException);

        AuditLog broken = new AuditLog() {
            @Override
            public void record(Actor actor, String action, String subject, String detail) {
                throw new IllegalStateException("the database is not there");
            }

            @Override
            public List<AuditEntry> find(AuditQuery query) {
                throw new IllegalStateException("the database is not there");
            }
        };
        Configuration jaas = shellOver(users, inService, broken);
        assertTrue(assertThrows(LoginException.class, () -> login(jaas, "admin", "admin2026"))
                instanceof FailedLoginException, "still refused");
        assertThrows(LoginException.class, () -> login(jaas, "admin", "wrong"));
        setPassword("admin", "Granite-Kettle-3318");
        assertTrue(login(jaas, "admin", "Granite-Kettle-3318").contains("ssh"), "and the technician gets in");
    }

    @Test
    void aGateModuleConfiguredByHandRefusesAndSaysWhy() {
        Configuration byHand = realms(Map.of("hand-made", new AppConfigurationEntry[] { new AppConfigurationEntry(
                ShellGateLoginModule.class.getName(), LoginModuleControlFlag.REQUISITE, Map.of()) }));
        LoginException refused = assertThrows(LoginException.class,
                () -> new LoginContext("hand-made", new Subject(), answer("admin", "x"), byHand).login());
        assertTrue(refused.getMessage().contains(ShellGateLoginModule.GATE), refused.getMessage());
        assertTrue(refused.getMessage().contains("kiosk-shell"), refused.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new TechnicianShellRealm(BUNDLE, byHand, null, null));
    }

    @Test
    void kioskConfigPointsTheShellAtThisRealm() throws IOException {
        Properties shell = new Properties();
        try (Reader in = Files.newBufferedReader(Paths.get("../../kiosk-config/etc/org.apache.karaf.shell.cfg"),
                StandardCharsets.ISO_8859_1)) {
            shell.load(in);
        }
        assertEquals(TechnicianShellRealm.NAME, shell.getProperty("sshRealm").strip());
    }

    /** A users file as kiosk-config ships it, with plain passwords (no encryption configured here). */
    private Path usersFile() throws IOException {
        Path users = etc.resolve("users.properties");
        Files.writeString(users, String.join("\n",
                "staff = staff2026,kiosk-staff",
                "admin = admin2026,kiosk-staff,kiosk-admin,_g_:admingroup",
                "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh", ""), StandardCharsets.ISO_8859_1);
        return users;
    }

    private void setPassword(String user, String password) throws IOException {
        Path users = etc.resolve("users.properties");
        List<String> lines = Files.readAllLines(users, StandardCharsets.ISO_8859_1).stream()
                .map(line -> line.startsWith(user + " =") ? user + " = " + password + line.substring(line.indexOf(','))
                        : line)
                .toList();
        Files.write(users, lines, StandardCharsets.ISO_8859_1);
    }

    /**
     * JAAS as the kiosk has it: realm {@code kiosk-shell} from the component, Karaf's realm {@code karaf} as its
     * properties module over {@code users} (none: no such realm).
     */
    private static Configuration shellOver(Path users, KioskSettings settings, AuditLog audit) {
        Map<String, AppConfigurationEntry[]> karaf = new HashMap<>();
        if (users != null) {
            karaf.put("karaf", new AppConfigurationEntry[] { new AppConfigurationEntry(
                    PropertiesLoginModule.class.getName(), LoginModuleControlFlag.OPTIONAL,
                    Map.of("users", users.toString())) });
        }
        TechnicianShellRealm realm = new TechnicianShellRealm(BUNDLE, realms(karaf), settings, audit);
        return realms(Map.of("kiosk-shell", realm.getEntries()));
    }

    /**
     * Realms by name. An entry for Karaf's ProxyLoginModule becomes one for the module it names, loaded from the
     * test's class path: in the kiosk, the proxy loads it from the bundle it names.
     */
    private static Configuration realms(Map<String, AppConfigurationEntry[]> byName) {
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                AppConfigurationEntry[] entries = byName.get(name);
                if (entries == null) {
                    return null;
                }
                AppConfigurationEntry[] direct = new AppConfigurationEntry[entries.length];
                for (int i = 0; i < entries.length; i++) {
                    Map<String, Object> options = new HashMap<>(entries[i].getOptions());
                    Object module = options.remove(ProxyLoginModule.PROPERTY_MODULE);
                    options.remove(ProxyLoginModule.PROPERTY_BUNDLE);
                    direct[i] = module == null ? entries[i]
                            : new AppConfigurationEntry((String) module, entries[i].getControlFlag(), options);
                }
                return direct;
            }
        };
    }

    /** Logs in to the shell's realm with a name and password, as Karaf's ssh server does; returns the roles. */
    private static Set<String> login(Configuration jaas, String user, String password) throws LoginException {
        LoginContext login = new LoginContext("kiosk-shell", new Subject(), answer(user, password), jaas);
        login.login();
        return login.getSubject().getPrincipals().stream().filter(RolePrincipal.class::isInstance)
                .map(Principal::getName).collect(Collectors.toSet());
    }

    private static CallbackHandler answer(String user, String password) {
        return callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
    }
}
